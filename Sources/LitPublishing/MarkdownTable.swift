/// A GitHub-flavoured Markdown table, found in the lines of a paragraph (CommonMark itself
/// has no tables, so cmark reads one as a paragraph).
package struct MarkdownTable: Equatable {
    package enum Alignment: Equatable {
        case none, left, center, right
    }

    package var header: [String]
    package var alignments: [Alignment]
    /// Body rows, each padded or cut to the header's width, as GitHub does.
    package var rows: [[String]]

    /// The table in a paragraph's lines (container prefixes removed): the lines before its
    /// header row, which stay a paragraph, and the table, which runs to the paragraph's end.
    package static func find(in lines: [String]) -> (before: [String], table: MarkdownTable)? {
        for index in lines.indices.dropLast() {
            let header = cells(of: lines[index])
            guard let alignments = delimiterRow(lines[index + 1]), alignments.count == header.count,
                  lines[index].contains("|") || lines[index + 1].contains("|") else { continue }
            let rows = lines[(index + 2)...].map { line in
                let row = cells(of: line)
                return Array((row + Array(repeating: "", count: max(0, header.count - row.count))).prefix(header.count))
            }
            return (Array(lines[..<index]), MarkdownTable(header: header, alignments: alignments, rows: rows))
        }
        return nil
    }

    /// The table as HTML. `inline` renders a cell's Markdown; a column is right-aligned when
    /// its delimiter says so, or when every cell in its body is a number.
    package func html(inline: (String) -> String) -> String {
        let numeric = header.indices.map { column in
            let values = rows.map { $0[column] }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy(Self.isNumber)
        }
        func attributes(_ column: Int) -> String {
            switch alignments[column] {
            case .left: " style=\"text-align: left\""
            case .center: " style=\"text-align: center\""
            case .right: " class=\"num\""
            case .none: numeric[column] ? " class=\"num\"" : ""
            }
        }
        var html = "<div class=\"table\"><table>\n<thead>\n<tr>"
        for (column, text) in header.enumerated() { html += "<th\(attributes(column))>\(inline(text))</th>" }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
            html += "<tbody>\n"
            for row in rows {
                html += "<tr>"
                for (column, text) in row.enumerated() { html += "<td\(attributes(column))>\(inline(text))</td>" }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table></div>"
    }

    /// A plain number as tables show them: `0.912`, `-3`, `1,024`, `1.5e-3`, `45%`, `nan`.
    package static func isNumber(_ text: String) -> Bool {
        var body = Substring(text)
        if body.hasSuffix("%") { body = body.dropLast() }
        if body.first == "-" || body.first == "+" || body.first == "−" { body = body.dropFirst() }
        if ["nan", "inf", "NaN", "Inf"].contains(String(body)) { return true }
        var sawDigit = false
        var sawPoint = false
        var sawExponent = false
        var previous: Character?
        for character in body {
            defer { previous = character }
            if character.isASCII && character.isNumber { sawDigit = true; continue }
            if character == "," && !sawPoint && !sawExponent && previous?.isNumber == true { continue }
            if character == "." && !sawPoint && !sawExponent { sawPoint = true; continue }
            if (character == "e" || character == "E") && sawDigit && !sawExponent { sawExponent = true; continue }
            if (character == "-" || character == "+") && (previous == "e" || previous == "E") { continue }
            return false
        }
        return sawDigit && previous.map { $0.isNumber || $0 == "." } == true
    }

    /// The cells of a row: split at `|` outside code spans, with `\|` unescaped, the
    /// outer pipes dropped and each cell trimmed.
    package static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var characters = Array(line.trimmingSpaces)[...]
        if characters.first == "|" { characters = characters.dropFirst() }
        var ticks = 0
        while let character = characters.popFirst() {
            if character == "\\", characters.first == "|" {
                current.append("|")
                characters = characters.dropFirst()
            } else if character == "`" {
                var run = 1
                while characters.first == "`" { run += 1; characters = characters.dropFirst() }
                current += String(repeating: "`", count: run)
                ticks = ticks == 0 ? run : (ticks == run ? 0 : ticks)
            } else if character == "|" && ticks == 0 {
                cells.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.trimmingSpaces.isEmpty || cells.isEmpty { cells.append(current.trimmingSpaces) }
        return cells
    }

    /// The alignments of a delimiter row such as `|---|:--:|--:|`, or nil when the line is not one.
    private static func delimiterRow(_ line: String) -> [Alignment]? {
        let cells = cells(of: line)
        var alignments: [Alignment] = []
        for cell in cells {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
