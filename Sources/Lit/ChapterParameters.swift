import Foundation
import LitDiagnostics
import LitDocument
import LitLanguage

/// The chapter's parameters, as papermill has them: the `let` declarations of its
/// `swift parameters` cell, and the values `-p NAME=VALUE` gives them instead.
struct ChapterParameters {
    /// One declaration: its name, its literal as written, and the literal's type.
    struct Parameter {
        var name: String
        var literal: String
        var type: String
    }

    let cell: Cell
    let declared: [Parameter]

    /// The parameters cell of `chapter`, or nil when it has none.
    init?(_ chapter: Chapter) throws(Diagnostic) {
        guard let cell = chapter.cells.first(where: { $0.flags.contains(.parameters) }) else { return nil }
        self.cell = cell
        let statements: [Stmt]
        do {
            statements = try Parser.parseCell(cell.code).statements
        } catch {
            throw ChapterParameters.error(.notAParameter, cell: cell, chapter: chapter)
        }
        var declared: [Parameter] = []
        for statement in statements {
            guard case .variable(true, .name(let name), _, let value?) = statement.kind,
                  let (literal, type) = ChapterParameters.literal(value, in: cell.code) else {
                throw ChapterParameters.error(.notAParameter, cell: cell, chapter: chapter)
            }
            declared.append(Parameter(name: name, literal: literal, type: type))
        }
        self.declared = declared
    }

    /// `epochs: Int = 5, lr: Double = 0.01`, for messages.
    var listing: String {
        declared.isEmpty ? "none" : declared.map { parameter in
            let literal = parameter.type == "String" ? "\"\(parameter.literal)\"" : parameter.literal
            return "\(parameter.name): \(parameter.type) = \(literal)"
        }.joined(separator: ", ")
    }

    /// The values `overrides` give, typed like the declarations they replace, and the
    /// `params=` text of those that differ from the chapter's own (nil when none do).
    func values(for overrides: [(name: String, value: String)], in chapter: Chapter) throws(Diagnostic)
        -> (values: [(name: String, value: Value)], marker: String?) {
        var values: [(name: String, value: Value)] = []
        var changed: [String] = []
        for (name, text) in overrides {
            guard let parameter = declared.first(where: { $0.name == name }) else {
                throw ChapterParameters.error(.unknownParameter(name, known: listing), cell: cell, chapter: chapter)
            }
            guard let value = ChapterParameters.value(text, as: parameter.type) else {
                throw ChapterParameters.error(.parameterType(name, value: text, type: parameter.type, known: listing), cell: cell,
                                              chapter: chapter)
            }
            values.append((name, value))
            if ChapterParameters.value(parameter.literal, as: parameter.type).map({ "\($0)" }) != "\(value)" {
                changed.append("\(name)=\(ChapterParameters.markerText(text))")
            }
        }
        return (values, changed.isEmpty ? nil : changed.joined(separator: ","))
    }

    /// A value as a marker attribute can hold it: letters, digits and `.-_+:` as they
    /// are, every other byte as `%XX`, so that spaces, commas and `=` cannot break it.
    private static func markerText(_ text: String) -> String {
        let kept = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+:".utf8)
        return text.utf8.map { kept.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }

    /// A literal's text and type: an integer, a decimal number, a Boolean or a string.
    private static func literal(_ expr: Expr, in code: String) -> (String, String)? {
        switch expr.kind {
        case .integer(let n): ("\(n)", "Int")
        case .floating(let x): ("\(x)", "Double")
        case .boolean(let b): ("\(b)", "Bool")
        case .string(let parts) where parts.allSatisfy({ if case .text = $0 { true } else { false } }):
            (parts.map { if case .text(let text) = $0 { text } else { "" } }.joined(), "String")
        case .prefix("-", let operand):
            literal(operand, in: code).flatMap { $0.1 == "Int" || $0.1 == "Double" ? ("-" + $0.0, $0.1) : nil }
        default: nil
        }
    }

    /// `text` as a value of `type`, or nil when it is not one; an Int is also a Double.
    private static func value(_ text: String, as type: String) -> Value? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch type {
        case "Int": return Int(trimmed).map(Value.int)
        case "Double": return Double(trimmed).flatMap { $0.isFinite ? Value.double($0) : nil }
        case "Bool": return Bool(trimmed).map(Value.bool)
        default: return .string(text)
        }
    }

    private static func error(_ message: RunnerError, cell: Cell, chapter: Chapter) -> Diagnostic {
        Diagnostic(message, at: SourceLocation(file: chapter.path, line: cell.fenceLine, column: 1), sourceLine: chapter.line(cell.fenceLine))
    }
}
