#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMark

/// A code or HTML block as cmark sees it, in chapter line numbers, with no C pointers left.
package struct CommonMarkBlock: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// A code block; `info` is empty for indented code blocks.
        case code(info: String)
        case html
    }

    package var kind: Kind
    /// The block's text as cmark gives it, container prefixes removed.
    package var literal: String
    /// 1-based chapter line of the block's first line (the opening fence for fenced code).
    package var startLine: Int
    /// 1-based byte column of the block's first character on `startLine`, as cmark counts it.
    package var startColumn: Int
    /// The last line of the block's content: the last code line, or the last HTML line.
    package var lastContentLine: Int
    /// The 1-based line after which the block's innermost container (or the document) ends.
    package var containerEndLine: Int
    /// Index in `CommonMarkDocument.blocks` of the next sibling, when that sibling is a code or HTML block.
    package var nextSibling: Int?
}

/// The code and HTML blocks of a chapter at every nesting depth, in document order, and
/// its paragraphs (where the publisher looks for GFM tables, which CommonMark reads as
/// paragraphs).
package struct CommonMarkDocument: Sendable, Equatable {
    package var blocks: [CommonMarkBlock]
    package var paragraphs: [CommonMarkParagraph] = []
}

/// A paragraph's extent in chapter lines; `startColumn` is where its text starts on its first line.
package struct CommonMarkParagraph: Sendable, Equatable {
    package var startLine: Int
    package var endLine: Int
    package var startColumn: Int
}

/// The one place that talks to cmark: parses with source positions and copies out plain values.
package enum CommonMarkReader {
    package static func read(_ bytes: [UInt8]) -> CommonMarkDocument {
        var nodes: [OpaquePointer] = []
        var blocks: [CommonMarkBlock] = []
        var paragraphs: [CommonMarkParagraph] = []
        var documentEnd = 0
        visit(bytes, start: { root in documentEnd = Int(cmark_node_get_end_line(root)) }, finish: {
            let indexOfNode = Dictionary(nodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            for index in nodes.indices {
                guard let next = cmark_node_next(nodes[index]) else { continue }
                blocks[index].nextSibling = indexOfNode[next]
            }
        }) { node in
            if cmark_node_get_type(node) == .CMARK_NODE_PARAGRAPH {
                paragraphs.append(CommonMarkParagraph(
                    startLine: Int(cmark_node_get_start_line(node)), endLine: Int(cmark_node_get_end_line(node)),
                    startColumn: Int(cmark_node_get_start_column(node))))
            }
            let kind: CommonMarkBlock.Kind
            switch cmark_node_get_type(node) {
            case .CMARK_NODE_CODE_BLOCK: kind = .code(info: string(cmark_node_get_fence_info(node)))
            case .CMARK_NODE_HTML_BLOCK: kind = .html
            // Containers are entered on the way to the blocks in them; cells never sit in
            // the leaves and inlines. A new node type in cmark fails the build here.
            case .CMARK_NODE_NONE, .CMARK_NODE_DOCUMENT, .CMARK_NODE_BLOCK_QUOTE, .CMARK_NODE_LIST, .CMARK_NODE_ITEM,
                 .CMARK_NODE_CUSTOM_BLOCK, .CMARK_NODE_PARAGRAPH, .CMARK_NODE_HEADING, .CMARK_NODE_THEMATIC_BREAK,
                 .CMARK_NODE_TEXT, .CMARK_NODE_SOFTBREAK, .CMARK_NODE_LINEBREAK, .CMARK_NODE_CODE, .CMARK_NODE_HTML_INLINE,
                 .CMARK_NODE_CUSTOM_INLINE, .CMARK_NODE_EMPH, .CMARK_NODE_STRONG, .CMARK_NODE_LINK, .CMARK_NODE_IMAGE:
                return
            }
            let literal = string(cmark_node_get_literal(node))
            let startLine = Int(cmark_node_get_start_line(node))
            // cmark's end positions are unreliable for blocks closed by a later line, so the
            // content's extent comes from the literal, which cmark always gets right.
            let literalLines = literal.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            let lastContentLine: Int
            switch kind {
            case .code: lastContentLine = startLine + literalLines
            case .html: lastContentLine = startLine + max(literalLines, 1) - 1
            }
            // Containers end at the line before the one that closed them, which is reliable.
            var containerEnd = documentEnd
            if let parent = cmark_node_parent(node), cmark_node_get_type(parent) != .CMARK_NODE_DOCUMENT {
                containerEnd = Int(cmark_node_get_end_line(parent))
            }
            nodes.append(node)
            blocks.append(
                CommonMarkBlock(
                    kind: kind, literal: literal, startLine: startLine,
                    startColumn: Int(cmark_node_get_start_column(node)),
                    lastContentLine: lastContentLine, containerEndLine: containerEnd, nextSibling: nil))
        }
        return CommonMarkDocument(blocks: blocks, paragraphs: paragraphs)
    }

    /// cmark's own HTML for a Markdown text. Raw HTML passes through, as the chapter's
    /// author wrote it and as GitHub shows it; the publisher's placeholders are HTML comments.
    package static func html(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { buffer in
            guard let base = buffer.baseAddress,
                  let rendered = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, { chars in
                      cmark_markdown_to_html(chars, buffer.count, CMARK_OPT_UNSAFE)
                  }) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// Parses `bytes` and calls `start` with the root, `body` with every node, entering
    /// each once, then `finish` while the nodes are still alive.
    private static func visit(
        _ bytes: [UInt8], start: (OpaquePointer) -> Void, finish: () -> Void, _ body: (OpaquePointer) -> Void
    ) {
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                    cmark_parse_document(chars, buffer.count, CMARK_OPT_SOURCEPOS)
                }
            }
        }
        guard let root else { return }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        start(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { body(node) }
        }
        finish()
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
