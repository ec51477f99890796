/// Renders a cell's output as plain Markdown lines that read well on any Markdown host.
///
/// The lines have no container prefix and no terminator; the splicer adds both.
public enum OutputBlockRenderer {
    /// The block's lines: the begin marker, a blank line, each item followed by a blank line,
    /// and the end marker.
    public static func render(_ marker: OutputMarker, _ items: [OutputItem]) -> [String] {
        layout(marker, items).map(\.text)
    }

    /// One rendered line, and the table cells in it that hold wall-clock figures.
    package struct Line: Equatable {
        package var text: String
        /// 0-based columns of a table row whose values are timings; empty elsewhere.
        package var wallClock: Set<Int> = []
    }

    /// `render`'s lines, each with the wall-clock cells it holds.
    package static func layout(_ marker: OutputMarker, _ items: [OutputItem]) -> [Line] {
        var lines = [Line(text: marker.text), Line(text: "")]
        var pendingText: [String] = []
        func flushText() {
            guard !pendingText.isEmpty else { return }
            lines += textBlock(pendingText).map { Line(text: $0) }
            lines.append(Line(text: ""))
            pendingText = []
        }
        for item in items {
            switch item {
            case .text(let text):
                pendingText += textLines(text)
            case .table(let header, let rows, let wallClock):
                flushText()
                let rendered = table(header: header, rows: rows)
                lines += rendered.enumerated().map { Line(text: $1, wallClock: $0 < 2 ? [] : wallClock) }
                lines.append(Line(text: ""))
            case .figure(let path, let alt):
                flushText()
                lines.append(Line(text: figure(path: path, alt: alt)))
                lines.append(Line(text: ""))
            }
        }
        flushText()
        if items.isEmpty { lines.removeLast() }
        lines.append(Line(text: OutputMarker.endText))
        return lines
    }

    /// Splits text into lines; one final newline ends the last line rather than adding an empty one.
    package static func textLines(_ text: String) -> [String] {
        var lines = visibleControlCharacters(CellHash.normalisedLineEndings(text))
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Control characters other than tab and newline become their Unicode control
    /// pictures (NUL is shown as ␀): a NUL byte would make the chapter a binary file,
    /// and the others are invisible or move the terminal's cursor.
    package static func visibleControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { result.append(scalar); continue }
            result.append(Unicode.Scalar(scalar.value == 0x7F ? 0x2421 : 0x2400 + scalar.value)!)
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n") || scalar.value == 0x7F
    }

    /// A fenced `text` block whose fence is longer than any backtick run inside, so no output closes it.
    package static func textBlock(_ lines: [String]) -> [String] {
        var longestRun = 0
        for line in lines {
            var run = 0
            for byte in line.utf8 {
                run = byte == UInt8(ascii: "`") ? run + 1 : 0
                longestRun = max(longestRun, run)
            }
        }
        let fence = String(repeating: "`", count: max(3, longestRun + 1))
        return [fence + "text"] + lines + [fence]
    }

    package static func table(header: [String], rows: [[String]]) -> [String] {
        let columns = max(1, max(header.count, rows.map(\.count).max() ?? 0))
        func row(_ cells: [String]) -> String {
            let padded = cells + Array(repeating: "", count: max(0, columns - cells.count))
            return "| " + padded.map(escapeCell).joined(separator: " | ") + " |"
        }
        let separator = "|" + String(repeating: " --- |", count: columns)
        return [row(header), separator] + rows.map(row)
    }

    /// A table cell stays on its row: pipes are escaped and line breaks become spaces.
    package static func escapeCell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r", "\r\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    package static func figure(path: String, alt: String) -> String {
        var escapedAlt = ""
        for character in alt {
            if character == "[" || character == "]" || character == "\\" { escapedAlt += "\\" }
            escapedAlt.append(character == "\n" || character == "\r\n" ? " " : character)
        }
        // Angle brackets let a path hold spaces and parentheses.
        let needsBrackets = path.contains { $0 == " " || $0 == "(" || $0 == ")" }
        return "![\(escapedAlt)](\(needsBrackets ? "<\(path)>" : path))"
    }
}
