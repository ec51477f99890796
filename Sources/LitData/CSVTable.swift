/// A comma-separated table as RFC 4180 writes it: a header row, then records; fields may
/// be quoted, with `""` for a quote inside, and hold commas and line breaks; CRLF or LF
/// line ends; blank lines are skipped.
public struct CSVTable: Equatable, Sendable {
    public var header: [String]
    public var rows: [[String]]

    /// Parses `text`; `path` only names the file in errors.
    public init(parsing text: String, path: String) throws(DataError) {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = "", inQuotes = false, afterQuote = false
        var line = 1, recordLine = 1
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
            field = ""
        }
        var characters = text.makeIterator()
        while let character = characters.next() {
            if inQuotes {
                if character == "\"" { inQuotes = false; afterQuote = true } else { field.append(character) }
                if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                continue
            }
            switch character {
            case "\"":
                // `""` inside quotes is one quote; a quote may only open a field.
                if afterQuote {
                    field.append("\"")
                } else if !field.isEmpty {
                    throw .inconsistent(path: path, reason: "line \(line): a quote inside an unquoted field")
                }
                inQuotes = true
                afterQuote = false
                continue
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                guard !afterQuote else { throw .inconsistent(path: path, reason: "line \(line): text after a closing quote") }
                field.append(character)
            }
            afterQuote = false
        }
        guard !inQuotes else { throw .inconsistent(path: path, reason: "line \(recordLine): a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else { throw .inconsistent(path: path, reason: "the file holds no header row") }
        header = first.fields
        for record in records.dropFirst() where record.fields.count != header.count {
            throw .inconsistent(path: path, reason: "line \(record.line) has \(record.fields.count) fields, the header has \(header.count)")
        }
        rows = records.dropFirst().map(\.fields)
    }

    /// The values of `columns`, row by row, as floats (NaN where a value is not a number).
    public func numbers(in columns: [Int]) -> [Float] {
        rows.flatMap { row in columns.map { Float(Double(row[$0].trimmingSpaces) ?? .nan) } }
    }

    /// The columns whose every value is a number, by index.
    public var numericColumns: [Int] {
        header.indices.filter { column in
            !rows.isEmpty && rows.allSatisfy { Double($0[column].trimmingSpaces) != nil }
        }
    }
}

extension StringProtocol {
    /// The text without the spaces and tabs around it.
    var trimmingSpaces: String {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return String(self[start..<end])
    }
}
