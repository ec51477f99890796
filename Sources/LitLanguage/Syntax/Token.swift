/// One lexical token of a cell, with its byte offset in the cell's code.
package struct Token: Sendable {
    package enum Kind: Sendable, Equatable {
        case identifier(String)
        case keyword(String)
        case integer(Int)
        case floating(Double)
        case string([StringPiece])
        case dollar(Int)
        /// An operator or punctuation: `+`, `..<`, `(`, `{`, `,`, `->` and so on.
        case symbol(String)
        case end
    }

    package enum StringPiece: Sendable, Equatable {
        case text(String)
        case interpolation([Token])
    }

    package var kind: Kind
    /// Byte offset in the cell's code.
    package var offset: Int
    /// Byte offset just past the token, for tools that show the code (the highlighter);
    /// equal to `offset` for the end-of-cell token.
    package var endOffset: Int
    /// The token starts a new line (Swift ends statements at line breaks).
    package var startsLine: Bool
    /// Whitespace (or a line break) sits directly before / after the token; Swift uses it
    /// to tell prefix, postfix and infix operators apart.
    package var spaceBefore: Bool
    package var spaceAfter: Bool

    package init(kind: Kind, offset: Int, endOffset: Int? = nil, startsLine: Bool, spaceBefore: Bool, spaceAfter: Bool) {
        self.kind = kind
        self.offset = offset
        self.endOffset = endOffset ?? offset
        self.startsLine = startsLine
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }

    package func isSymbol(_ text: String) -> Bool { kind == .symbol(text) }
    package func isKeyword(_ text: String) -> Bool { kind == .keyword(text) }

    package var display: String {
        switch kind {
        case .identifier(let s): "'\(s)'"
        case .keyword(let s): "'\(s)'"
        case .integer(let i): "'\(i)'"
        case .floating(let d): "'\(d)'"
        case .string: "string literal"
        case .dollar(let i): "'$\(i)'"
        case .symbol(let s): "'\(s)'"
        case .end: "end of cell"
        }
    }
}

extension Token: Equatable {
    package static func == (a: Token, b: Token) -> Bool { a.kind == b.kind && a.offset == b.offset }
}

/// Swift's keywords; those the cell language does not run are still reserved so that
/// using them gives a clear "does not support" error.
package let swiftKeywords: Set<String> = [
    "let", "var", "func", "class", "init", "deinit", "super", "self", "Self", "override", "return",
    "if", "else", "guard", "for", "in", "while", "repeat", "break", "continue", "true", "false", "nil",
    "where", "struct", "enum", "protocol", "extension", "import", "throws", "throw", "try", "async",
    "await", "switch", "case", "default", "defer", "do", "catch", "static", "private", "public",
    "internal", "fileprivate", "open", "final", "mutating", "inout", "operator", "typealias", "is", "as",
    "subscript", "convenience", "required", "lazy", "weak", "unowned", "fallthrough", "associatedtype",
]
