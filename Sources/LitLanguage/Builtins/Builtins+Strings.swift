import Foundation

extension Interpreter {
    package func installStringBuiltins() {
        let forms = [Signature("_"), Signature("describing"), Signature("repeating", "count"), Signature("format", "_...")]
        define("String", signatures: forms) { (interpreter, args) throws(LanguageError) in
            switch args.first?.label {
            case nil, "describing"?:
                guard args.count == 1 else { return nil }
                return .string(args[0].value.description)
            case "repeating"?:
                let count = try interpreter.int(args, 1, label: "count")
                let piece = try interpreter.string(args, 0, label: "repeating")
                guard count >= 0 else { throw .here(.negativeRepeatCount(type: "String")) }
                let size = piece.utf8.count.multipliedReportingOverflow(by: count)
                guard !size.overflow, size.partialValue <= Interpreter.maximumMaterializedCount else {
                    throw .here(.stringPastLimit(function: "String(repeating:count:)"))
                }
                return .string(String(repeating: piece, count: count))
            case "format"?:
                let format = try interpreter.string(args, 0, label: "format")
                return .string(try FormatString(format).apply(args.dropFirst().map(\.value)))
            default:
                return nil
            }
        }
    }
}

/// `String(format:)` for the conversions course material uses (`%d`, `%5.2f`, `%e`,
/// `%g`, `%s`, `%@`, `%x`, `%%`), checked against the arguments' types: a mismatch is an
/// error, never undefined behaviour as in C.
package struct FormatString {
    private enum Piece {
        case text(String)
        case conversion(spec: String, kind: Character)
    }

    private let pieces: [Piece]

    package init(_ format: String) throws(LanguageError) {
        var pieces: [Piece] = []
        var text = ""
        var characters = Array(format)[...]
        while let c = characters.popFirst() {
            guard c == "%" else { text.append(c); continue }
            var spec = "%"
            while let next = characters.first, "-+ #0123456789.".contains(next) { spec.append(characters.removeFirst()) }
            guard let kind = characters.popFirst() else { throw .here(.formatEndsInsideConversion) }
            if kind == "%" { text.append("%"); continue }
            try Self.checkPadding(spec)
            guard "dixXfFeEgGs@".contains(kind) else {
                throw .here(.unsupportedFormatConversion("\(spec.dropFirst())\(kind)"))
            }
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
            pieces.append(.conversion(spec: spec, kind: kind))
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }

    package func apply(_ values: [Value]) throws(LanguageError) -> String {
        var remaining = values[...]
        var result = ""
        for piece in pieces {
            switch piece {
            case .text(let text):
                result += text
            case .conversion(let spec, let kind):
                guard let value = remaining.popFirst() else {
                    throw .here(.tooFewFormatArguments(values.count))
                }
                result += try Self.format(value, spec: spec, kind: kind)
            }
            guard result.utf8.count <= Interpreter.maximumMaterializedCount else {
                throw .here(.stringPastLimit(function: "String(format:)"))
            }
        }
        guard remaining.isEmpty else { throw .here(.tooManyFormatArguments(values.count)) }
        return result
    }

    /// Widths and precisions are bounded like every string: past it, Foundation's
    /// formatter traps on overflow or allocates without end.
    private static func checkPadding(_ spec: String) throws(LanguageError) {
        for digits in spec.split(whereSeparator: { !$0.isNumber }) where (Int(digits) ?? .max) > Interpreter.maximumMaterializedCount {
            throw .here(.formatWidthPastLimit(String(digits)))
        }
    }

    private static func format(_ value: Value, spec: String, kind: Character) throws(LanguageError) -> String {
        switch (kind, value) {
        case ("d", .int(let n)), ("i", .int(let n)), ("x", .int(let n)), ("X", .int(let n)):
            return String(format: spec + "l" + String(kind), n)
        case ("f", .double(let d)), ("F", .double(let d)), ("e", .double(let d)), ("E", .double(let d)),
             ("g", .double(let d)), ("G", .double(let d)):
            return String(format: spec + String(kind), d)
        case ("f", .int), ("e", .int), ("g", .int), ("d", .double), ("i", .double):
            throw .here(.formatArgumentMismatch(conversion: String(kind), type: value.typeName))
        case ("s", _), ("@", _):
            let text = value.description
            let width = Int(spec.dropFirst().filter(\.isNumber)) ?? 0
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return spec.contains("-") ? text + padding : padding + text
        default:
            throw .here(.formatArgumentMismatch(conversion: String(kind), type: value.typeName))
        }
    }
}
