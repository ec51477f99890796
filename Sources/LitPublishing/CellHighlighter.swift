import LitLanguage

/// Colours a cell's code by the cell language's own lexer: keywords, type names, numbers,
/// strings (with their interpolations coloured as code) and comments.
package enum CellHighlighter {
    /// The code as HTML: escaped text with `<span class="...">` around the coloured tokens.
    /// Code the lexer rejects (an `expect-error` cell, say) is shown uncoloured.
    package static func html(_ code: String) -> String {
        let bytes = Array(code.utf8)
        guard let tokens = try? Lexer.tokenize(code) else { return HTMLText.escape(code) }
        var classes = [String?](repeating: nil, count: bytes.count)
        var covered = [Bool](repeating: false, count: bytes.count)
        paint(tokens, into: &classes, covered: &covered, count: bytes.count)
        paintComments(bytes, covered: covered, into: &classes)
        var html = ""
        var start = 0
        while start < bytes.count {
            var end = start + 1
            while end < bytes.count, classes[end] == classes[start] { end += 1 }
            let text = HTMLText.escape(String(decoding: bytes[start..<end], as: UTF8.self))
            html += classes[start].map { "<span class=\"\($0)\">\(text)</span>" } ?? text
            start = end
        }
        return html
    }

    private static func paint(_ tokens: [Token], into classes: inout [String?], covered: inout [Bool], count: Int) {
        for token in tokens {
            let range = max(0, token.offset)..<min(count, token.endOffset)
            guard !range.isEmpty else { continue }
            for index in range { covered[index] = true }
            if let name = tokenClass(token.kind) {
                for index in range { classes[index] = name }
            }
            if case .string(let pieces) = token.kind {
                for case .interpolation(let inner) in pieces {
                    for index in inner.compactMap({ $0.endOffset > $0.offset ? $0.offset..<min(count, $0.endOffset) : nil })
                        .joined() {
                        classes[index] = nil
                    }
                    paint(inner, into: &classes, covered: &covered, count: count)
                }
            }
        }
    }

    private static func tokenClass(_ kind: Token.Kind) -> String? {
        switch kind {
        case .keyword: "kw"
        case .identifier(let name): name.first.map { $0.isUppercase } == true ? "ty" : nil
        case .integer, .floating: "nu"
        case .string: "st"
        case .dollar: "kw"
        case .symbol, .end: nil
        }
    }

    /// Comments live between tokens, where the lexer skipped them.
    private static func paintComments(_ bytes: [UInt8], covered: [Bool], into classes: inout [String?]) {
        let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*")
        var index = 0
        while index + 1 < bytes.count {
            guard !covered[index], bytes[index] == slash, bytes[index + 1] == slash || bytes[index + 1] == star else {
                index += 1
                continue
            }
            let start = index
            if bytes[index + 1] == slash {
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            } else {
                var depth = 0
                repeat {
                    if index + 1 < bytes.count, bytes[index] == slash, bytes[index + 1] == star { depth += 1; index += 2 }
                    else if index + 1 < bytes.count, bytes[index] == star, bytes[index + 1] == slash { depth -= 1; index += 2 }
                    else { index += 1 }
                } while depth > 0 && index < bytes.count
            }
            for position in start..<index { classes[position] = "co" }
        }
    }
}
