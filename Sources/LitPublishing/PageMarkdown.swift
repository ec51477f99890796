import LitDocument

/// A chapter's Markdown made ready for cmark's HTML renderer: each cell, each output
/// block's markers and each table become a placeholder line (an HTML comment, which cmark
/// passes through at any nesting depth), and the math in the prose becomes placeholder words.
package struct PageMarkdown {
    package private(set) var markdown = ""
    /// The HTML of each placeholder line, by number.
    package private(set) var slots: [String] = []
    package private(set) var math: MathProtector

    private enum LineRole: Equatable {
        case prose
        /// Code and HTML blocks that are not the publisher's: copied as they are.
        case verbatim
        /// A placeholder line, and the bytes of the original line before its content.
        case slot(Int, prefix: String)
        case dropped
    }

    /// Prepares `chapter`; `cellHTML` and `outputHTML` give the markup of a cell and of an
    /// output block's opening (the block's content stays Markdown), and `inline` renders a
    /// table cell's Markdown.
    package init(
        _ chapter: Chapter, cellHTML: (Cell) -> String, outputHTML: (OutputBlock) -> String, inline: (String) -> String
    ) {
        let text = String(decoding: chapter.bytes, as: UTF8.self)
        math = MathProtector(avoiding: text)
        let lines = chapter.lines
        let line = chapter.line
        var roles = [LineRole](repeating: .prose, count: lines.count + 1)
        let document = CommonMarkReader.read(chapter.bytes)
        var fenceColumns: [Int: Int] = [:]
        for block in document.blocks {
            fenceColumns[block.startLine] = block.startColumn
            var last = block.lastContentLine
            if case .code = block.kind, Self.isFence(line(block.startLine), column: block.startColumn),
               last < block.containerEndLine, lines.contains(last + 1) {
                last += 1
            }
            for number in block.startLine...max(block.startLine, min(last, lines.count)) where lines.contains(number) {
                roles[number] = .verbatim
            }
        }
        func addSlot(_ html: String, at number: Int, prefixColumn: Int?) {
            let original = line(number)
            let prefix = prefixColumn.map { String(decoding: Array(original.utf8).prefix(max(0, $0 - 1)), as: UTF8.self) }
                ?? Self.leadingPrefix(original)
            roles[number] = .slot(slots.count, prefix: prefix)
            slots.append(html)
        }
        func dropLines(_ range: ClosedRange<Int>) {
            for number in range where lines.contains(number) { roles[number] = .dropped }
        }
        for cell in chapter.cells {
            let last = lines.line(containing: max(cell.range.lowerBound, cell.range.upperBound - 1))
            dropLines(cell.fenceLine...max(cell.fenceLine, last))
            addSlot(cellHTML(cell), at: cell.fenceLine, prefixColumn: fenceColumns[cell.fenceLine])
        }
        for block in chapter.cells.compactMap(\.output) + chapter.orphanOutputs {
            let last = lines.line(containing: max(block.range.lowerBound, block.range.upperBound - 1))
            addSlot(outputHTML(block), at: block.line, prefixColumn: nil)
            if last > block.line { addSlot("</div>", at: last, prefixColumn: nil) }
        }
        for paragraph in document.paragraphs {
            let numbers = paragraph.startLine...max(paragraph.startLine, paragraph.endLine)
            guard numbers.allSatisfy({ lines.contains($0) && roles[$0] == .prose }) else { continue }
            let quoted = Self.leadingPrefix(line(paragraph.startLine)).contains(">")
            let texts = numbers.map { number in
                number == paragraph.startLine
                    ? String(decoding: Array(line(number).utf8).dropFirst(paragraph.startColumn - 1), as: UTF8.self)
                    : Self.strippingPrefix(line(number), quoted: quoted)
            }
            guard texts.count >= 2, texts.contains(where: { $0.contains("|") }) else { continue }
            // Math first, so that a `|` inside `$...$` never splits a cell.
            var trial = math
            let protected = texts.map { trial.protect($0) }
            guard let (before, table) = MarkdownTable.find(in: protected) else { continue }
            math = trial
            let header = paragraph.startLine + before.count
            dropLines(header...paragraph.endLine)
            addSlot(table.html(inline: inline), at: header,
                    prefixColumn: header == paragraph.startLine ? paragraph.startColumn : nil)
        }
        var output: [String] = []
        var prose: [String] = []
        func flushProse() {
            guard !prose.isEmpty else { return }
            output.append(math.protect(prose.joined(separator: "\n")))
            prose = []
        }
        for number in stride(from: 1, through: lines.count, by: 1) {
            switch roles[number] {
            case .prose: prose.append(line(number))
            case .verbatim: flushProse(); output.append(line(number))
            case .slot(let slot, let prefix): flushProse(); output.append(prefix + Self.slot.text(slot))
            case .dropped: flushProse()
            }
        }
        flushProse()
        markdown = output.joined(separator: "\n") + "\n"
    }

    /// cmark's HTML for the prepared Markdown with every placeholder filled in.
    package func html(_ rendered: String) -> String {
        math.restore(Self.slot.fill(rendered, with: slots))
    }

    /// An HTML comment, which cmark passes through as an HTML block at any nesting depth.
    private static let slot = NumberedPlaceholder(prefix: "<!--litrun-slot-", suffix: "-->")

    /// Whether the code block at `column` (1-based, in bytes) opens with a fence.
    private static func isFence(_ line: String, column: Int) -> Bool {
        let bytes = Array(line.utf8)
        guard column >= 1, column - 1 < bytes.count else { return false }
        return bytes[column - 1] == UInt8(ascii: "`") || bytes[column - 1] == UInt8(ascii: "~")
    }

    /// The container markers and indentation a line starts with: spaces, tabs and `>`.
    private static func leadingPrefix(_ line: String) -> String {
        String(line.prefix { $0 == " " || $0 == "\t" || $0 == ">" })
    }

    /// A paragraph's continuation line without its indentation, and without its
    /// block-quote markers inside a block quote.
    private static func strippingPrefix(_ line: String, quoted: Bool) -> String {
        String(line.drop { $0 == " " || $0 == "\t" || (quoted && $0 == ">") })
    }
}
