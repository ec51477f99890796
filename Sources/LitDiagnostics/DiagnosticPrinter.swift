/// Renders diagnostics the way compilers do:
///
///     chapters/resnet.md:57:12: error: cannot find 'conv4' in scope
///         let y = conv4(x)
///                 ^
public enum DiagnosticPrinter {
    public static func render(_ diagnostic: Diagnostic, showSource: Bool = true) -> String {
        var lines = [header(diagnostic.location, diagnostic.severity.rawValue, diagnostic.message.description)]
        if showSource, let source = diagnostic.sourceLine, let location = diagnostic.location {
            lines.append(source)
            lines.append(caretLine(under: source, column: location.column))
        }
        for note in diagnostic.notes {
            lines.append(header(note.location, "note", note.text))
        }
        return lines.joined(separator: "\n")
    }

    private static func header(_ location: SourceLocation?, _ severity: String, _ text: String) -> String {
        guard let location else { return "\(severity): \(text)" }
        return "\(location): \(severity): \(text)"
    }

    /// Keeps tabs from the source line so the caret lines up in a terminal.
    package static func caretLine(under source: String, column: Int) -> String {
        var caret = ""
        var consumed = 1
        for scalar in source.unicodeScalars {
            if consumed >= column { break }
            consumed += String(scalar).utf8.count
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        return caret + "^"
    }
}
