/// Splits a cell's code into tokens. Positions are byte offsets into the code.
package struct Lexer {
    private let bytes: [UInt8]
    private var index: Int
    private let end: Int
    private var tokens: [Token] = []
    private var sawNewline = true
    /// How many string interpolations enclose this lexer; bounded so that hostile input
    /// cannot overflow the stack.
    private var interpolationDepth = 0
    /// Where the last token ended: "found end of cell" points there, as Swift does,
    /// not past trailing blank lines and comments.
    private var lastTokenEnd = 0

    package static func tokenize(_ code: String) throws(LanguageError) -> [Token] {
        var lexer = Lexer(bytes: Array(code.utf8), from: 0, to: code.utf8.count)
        try lexer.run(stopAtClosingParen: false)
        return lexer.tokens
    }

    private init(bytes: [UInt8], from start: Int, to end: Int) {
        self.bytes = bytes
        self.index = start
        self.end = end
    }

    private func peek(_ ahead: Int = 0) -> UInt8 {
        index + ahead < end ? bytes[index + ahead] : 0
    }

    /// Lexes until the end, or until the `)` that closes a string interpolation.
    private mutating func run(stopAtClosingParen: Bool) throws(LanguageError) {
        var depth = 0
        while true {
            let hadSpace = try skipTrivia()
            if index >= end {
                if stopAtClosingParen { throw LanguageError(.unterminatedString, at: index) }
                tokens.append(Token(kind: .end, offset: lastTokenEnd, startsLine: true, spaceBefore: true, spaceAfter: true))
                return
            }
            let c = peek()
            if stopAtClosingParen {
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") {
                    if depth == 0 { index += 1; return }
                    depth -= 1
                }
            }
            let start = index
            let kind = try lexToken()
            lastTokenEnd = index
            let after = index < end ? bytes[index] : UInt8(ascii: " ")
            tokens.append(Token(
                kind: kind, offset: start, endOffset: index, startsLine: sawNewline, spaceBefore: hadSpace || sawNewline,
                spaceAfter: Lexer.isSpace(after) || after == UInt8(ascii: "/") && (peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*"))))
            sawNewline = false
        }
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// Skips spaces and comments; tells whether anything was skipped.
    private mutating func skipTrivia() throws(LanguageError) -> Bool {
        let start = index
        while index < end {
            let c = peek()
            if c == 0x0A { sawNewline = true; index += 1 }
            else if Lexer.isSpace(c) { index += 1 }
            else if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/") {
                while index < end && peek() != 0x0A { index += 1 }
            } else if c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                let open = index
                var depth = 0
                repeat {
                    if index >= end { throw LanguageError(.unterminatedComment, at: open) }
                    if peek() == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") { depth += 1; index += 2 }
                    else if peek() == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") { depth -= 1; index += 2 }
                    else { if peek() == 0x0A { sawNewline = true }; index += 1 }
                } while depth > 0
            } else { break }
        }
        return index > start
    }

    private mutating func lexToken() throws(LanguageError) -> Token.Kind {
        let c = peek()
        if Lexer.isIdentifierStart(c) { return lexWord() }
        if Lexer.isDigit(c) { return try lexNumber() }
        if c == UInt8(ascii: "\"") { return try lexString() }
        if c == UInt8(ascii: "$") {
            let start = index
            index += 1
            var n = 0
            guard Lexer.isDigit(peek()) else { throw LanguageError(.unexpectedCharacter("$"), at: start) }
            while Lexer.isDigit(peek()) { n = n * 10 + Int(peek() - 48); index += 1; if n > 99 { break } }
            return .dollar(n)
        }
        if c == UInt8(ascii: "\\") && peek(1) == UInt8(ascii: ".") {
            throw LanguageError(.unsupported("key paths; write a closure such as '{ $0.name }'"), at: index)
        }
        if c == UInt8(ascii: "`") { throw LanguageError(.unsupported("backtick-quoted identifiers"), at: index) }
        if let punct = Lexer.punctuation[c] { index += 1; return .symbol(punct) }
        if c == UInt8(ascii: ".") {
            if peek(1) == UInt8(ascii: ".") && peek(2) == UInt8(ascii: "<") { index += 3; return .symbol("..<") }
            if peek(1) == UInt8(ascii: ".") && peek(2) == UInt8(ascii: ".") { index += 3; return .symbol("...") }
            // Element-wise comparisons, spelled as Swift's SIMD types spell them.
            for op in Lexer.dotComparisons where bytes[index..<min(end, index + op.utf8.count)].elementsEqual(op.utf8) {
                index += op.utf8.count
                return .symbol(op)
            }
            index += 1
            return .symbol(".")
        }
        if Lexer.isOperator(c) { return lexOperator() }
        let start = index
        let scalar = String(decoding: bytes[start..<min(end, start + 4)], as: UTF8.self).unicodeScalars.first
        throw LanguageError(.unexpectedCharacter(scalar.map { String($0) } ?? "?"), at: start)
    }

    /// Longest first, so that `.<=` is not read as `.<` and `=`.
    private static let dotComparisons = [".==", ".!=", ".<=", ".>=", ".<", ".>"]

    private static let punctuation: [UInt8: String] = [
        UInt8(ascii: "("): "(", UInt8(ascii: ")"): ")", UInt8(ascii: "["): "[", UInt8(ascii: "]"): "]",
        UInt8(ascii: "{"): "{", UInt8(ascii: "}"): "}", UInt8(ascii: ","): ",", UInt8(ascii: ":"): ":",
        UInt8(ascii: ";"): ";", UInt8(ascii: "@"): "@", UInt8(ascii: "#"): "#",
    ]

    private mutating func lexOperator() -> Token.Kind {
        let start = index
        let c = peek()
        let spaceBefore = start == 0 || Lexer.isSpace(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "(")
        // Postfix `?` and `!` bind to the expression before them: `x?.shape`, `x!`.
        if !spaceBefore && c == UInt8(ascii: "?") { index += 1; return .symbol("?") }
        // `!` stands alone, prefix (`!isTraining`) or postfix (`x!`), unless it begins `!=`.
        if c == UInt8(ascii: "!") && peek(1) != UInt8(ascii: "=") { index += 1; return .symbol("!") }
        while index < end && Lexer.isOperator(peek()) { index += 1 }
        return .symbol(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private static func isOperator(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
            UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"),
            UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "?"):
            true
        default: false
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == UInt8(ascii: "_") || c >= 0x80
    }

    private mutating func lexWord() -> Token.Kind {
        let start = index
        while index < end && (Lexer.isIdentifierStart(peek()) || Lexer.isDigit(peek())) { index += 1 }
        let word = String(decoding: bytes[start..<index], as: UTF8.self)
        return swiftKeywords.contains(word) ? .keyword(word) : .identifier(word)
    }

    private mutating func lexNumber() throws(LanguageError) -> Token.Kind {
        let start = index
        let afterDot = tokens.last?.kind == .symbol(".")
        var isFloating = false
        while Lexer.isDigit(peek()) || peek() == UInt8(ascii: "_") { index += 1 }
        if !afterDot && peek() == UInt8(ascii: ".") && Lexer.isDigit(peek(1)) {
            isFloating = true
            index += 1
            while Lexer.isDigit(peek()) || peek() == UInt8(ascii: "_") { index += 1 }
        }
        if !afterDot && (peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E")) {
            let sign = peek(1) == UInt8(ascii: "-") || peek(1) == UInt8(ascii: "+") ? 1 : 0
            if Lexer.isDigit(peek(1 + sign)) {
                isFloating = true
                index += 1 + sign
                while Lexer.isDigit(peek()) { index += 1 }
            }
        }
        if Lexer.isIdentifierStart(peek()) {
            while index < end && (Lexer.isIdentifierStart(peek()) || Lexer.isDigit(peek())) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            throw LanguageError(.invalidNumber(text), at: start)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        if isFloating {
            guard let value = Double(text) else { throw LanguageError(.invalidNumber(text), at: start) }
            return .floating(value)
        }
        guard let value = Int(text) else { throw LanguageError(.invalidNumber(text), at: start) }
        return .integer(value)
    }

    private mutating func lexString() throws(LanguageError) -> Token.Kind {
        let open = index
        if peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"") {
            throw LanguageError(.unsupported("multi-line string literals"), at: open)
        }
        index += 1
        var pieces: [Token.StringPiece] = []
        var text: [UInt8] = []
        while true {
            guard index < end, peek() != 0x0A else { throw LanguageError(.unterminatedString, at: open) }
            let c = peek()
            if c == UInt8(ascii: "\"") { index += 1; break }
            if c != UInt8(ascii: "\\") { text.append(c); index += 1; continue }
            let escape = peek(1)
            index += 2
            switch escape {
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "0"): text.append(0)
            case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): text.append(escape)
            case UInt8(ascii: "("):
                if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
                guard interpolationDepth < Parser.maximumDepth else {
                    throw LanguageError(.unsupported("nesting deeper than \(Parser.maximumDepth) levels"), at: index - 2)
                }
                var inner = Lexer(bytes: bytes, from: index, to: end)
                inner.sawNewline = false
                inner.interpolationDepth = interpolationDepth + 1
                try inner.run(stopAtClosingParen: true)
                index = inner.index
                inner.tokens.append(Token(kind: .end, offset: index - 1, startsLine: false, spaceBefore: false, spaceAfter: false))
                pieces.append(.interpolation(inner.tokens))
            case UInt8(ascii: "u"):
                guard peek() == UInt8(ascii: "{") else { throw LanguageError(.unexpectedCharacter("\\u"), at: index - 2) }
                var hex = ""
                index += 1
                while index < end && peek() != UInt8(ascii: "}") && hex.count < 8 { hex.append(Character(Unicode.Scalar(peek()))); index += 1 }
                index += 1
                guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw LanguageError(.unexpectedCharacter("\\u{\(hex)}"), at: open)
                }
                text.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw LanguageError(.unexpectedCharacter("\\" + String(decoding: [escape], as: UTF8.self)), at: index - 2)
            }
        }
        if !text.isEmpty || pieces.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
        return .string(pieces)
    }
}
