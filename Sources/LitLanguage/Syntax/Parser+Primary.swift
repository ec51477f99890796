extension Parser {
    package mutating func parsePrimary() throws(LanguageError) -> Expr {
        let token = current
        let offset = token.offset
        switch token.kind {
        case .integer(let value):
            _ = advance()
            return Expr(.integer(value), at: offset)
        case .floating(let value):
            _ = advance()
            return Expr(.floating(value), at: offset)
        case .string(let pieces):
            _ = advance()
            return Expr(.string(try parseStringPieces(pieces)), at: offset)
        case .dollar(let index):
            _ = advance()
            guard !dollarStack.isEmpty else {
                throw LanguageError(.misplaced("anonymous closure argument '$\(index)' used outside a closure"), at: offset)
            }
            dollarStack[dollarStack.count - 1] = max(dollarStack[dollarStack.count - 1], index + 1)
            return Expr(.dollar(index), at: offset)
        case .identifier(let name):
            _ = advance()
            return Expr(name == "_" ? .discard : .name(name), at: offset)
        case .keyword("true"), .keyword("false"):
            _ = advance()
            return Expr(.boolean(token.isKeyword("true")), at: offset)
        case .keyword("nil"):
            _ = advance()
            return Expr(.nilLiteral, at: offset)
        case .keyword("self"):
            _ = advance()
            return Expr(.selfRef, at: offset)
        case .keyword("super"):
            _ = advance()
            guard current.isSymbol(".") else {
                throw LanguageError(.expected("'.' after 'super'", found: current.display), at: current.offset)
            }
            return Expr(.superRef, at: offset)
        case .keyword("init"):
            throw LanguageError(.misplaced("'init' can only be called as 'self.init(...)' or 'super.init(...)'"), at: offset)
        case .keyword("try"):
            throw LanguageError(.sandboxed("'try'"), at: offset)
        case .keyword("await"):
            throw LanguageError(.unsupported("'\(token.display.dropFirst().dropLast())'"), at: offset)
        case .keyword(let word):
            throw LanguageError(.expected("an expression", found: "keyword '\(word)'"), at: offset)
        case .symbol("("):
            return try parseParenthesized()
        case .symbol("["):
            _ = advance()
            let saved = allowsTrailingClosure
            allowsTrailingClosure = true
            defer { allowsTrailingClosure = saved }
            if consume(":") {
                try expect("]", "']' after '[:'")
                return Expr(.dictionary([]), at: offset)
            }
            var elements: [Expr] = []
            var entries: [(key: Expr, value: Expr)] = []
            // The first element decides: `[a: b, ...]` is a dictionary.
            var isDictionary = false
            repeat {
                if current.isSymbol("]") { break }  // an empty literal, or a trailing comma
                let element = try parseExpression()
                if elements.isEmpty && entries.isEmpty { isDictionary = current.isSymbol(":") }
                if isDictionary {
                    try expect(":", "':' in dictionary literal")
                    entries.append((element, try parseExpression()))
                } else {
                    elements.append(element)
                }
            } while consume(",")
            try expect("]", isDictionary ? "',' or ']' in dictionary literal" : "',' or ']' in array literal")
            return Expr(isDictionary ? .dictionary(entries) : .array(elements), at: offset)
        case .symbol("{"):
            return try parseClosure()
        case .symbol("."):
            throw LanguageError(.unsupported("implicit member expressions ('.name')"), at: offset)
        case .symbol("#"):
            throw LanguageError(.unsupported("'#' directives"), at: offset)
        case .end:
            throw LanguageError(.expected("an expression", found: "end of cell"), at: offset)
        default:
            throw LanguageError(.expected("an expression", found: token.display), at: offset)
        }
    }

    package mutating func parseStringPieces(_ pieces: [Token.StringPiece]) throws(LanguageError) -> [StringPart] {
        var parts: [StringPart] = []
        for piece in pieces {
            switch piece {
            case .text(let text): parts.append(.text(text))
            case .interpolation(let tokens):
                var inner = Parser(tokens: tokens)
                inner.dollarStack = dollarStack
                inner.depth = depth
                let expr = try inner.parseExpression()
                guard inner.atEnd else {
                    throw LanguageError(.expected("')' to end the interpolation", found: inner.current.display), at: inner.current.offset)
                }
                dollarStack = inner.dollarStack
                parts.append(.interpolation(expr))
            }
        }
        return parts
    }

    package mutating func parseParenthesized() throws(LanguageError) -> Expr {
        let offset = advance().offset
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        defer { allowsTrailingClosure = saved }
        var elements: [(label: String?, value: Expr)] = []
        if consume(")") { return Expr(.tuple([]), at: offset) }
        repeat {
            var label: String?
            if case .identifier(let name) = current.kind, peekToken(1).isSymbol(":") {
                label = name
                _ = advance()
                _ = advance()
            }
            if case .symbol(let op) = current.kind, Parser.precedence[op] != nil, peekToken(1).isSymbol(")") {
                elements.append((label, Expr(.operatorFunction(op), at: advance().offset)))
                continue
            }
            elements.append((label, try parseExpression()))
        } while consume(",")
        try expect(")", "',' or ')'")
        if elements.count == 1 && elements[0].label == nil { return elements[0].value }
        return Expr(.tuple(elements), at: offset)
    }

    /// `{ x, y in ... }`, `{ (x: Int) -> Int in ... }` or `{ $0 * 2 }`.
    package mutating func parseClosure() throws(LanguageError) -> Expr {
        let offset = current.offset
        try expect("{")
        let parameters = try parseClosureParameters()
        dollarStack.append(0)
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        let body = try parseStatements(untilBrace: true)
        allowsTrailingClosure = saved
        let dollars = dollarStack.removeLast()
        try expect("}", "'}' to close the closure")
        if parameters != nil && dollars > 0 {
            throw LanguageError(.misplaced("anonymous closure arguments cannot be used in a closure that names its parameters"), at: offset)
        }
        let literal = ClosureLiteral(parameters: parameters, body: body, usesDollars: dollars)
        declarations.append(.closure(literal))
        return Expr(.closure(literal), at: offset)
    }

    /// Looks ahead for `... in`; returns nil when the closure has no parameter list.
    package mutating func parseClosureParameters() throws(LanguageError) -> [String]? {
        var look = position
        var names: [String] = []
        if tokens[look].isSymbol("(") {
            look += 1
            while look < tokens.count, !tokens[look].isSymbol(")") {
                if case .identifier(let name) = tokens[look].kind {
                    names.append(name)
                    // Skip a type annotation up to the next ',' or ')'.
                    look += 1
                    if tokens[look].isSymbol(":") {
                        var nesting = 0
                        while look < tokens.count - 1 {
                            let t = tokens[look]
                            if t.isSymbol("(") || t.isSymbol("[") { nesting += 1 }
                            if t.isSymbol("]") { nesting -= 1 }
                            if t.isSymbol(")") { if nesting == 0 { break }; nesting -= 1 }
                            if t.isSymbol(",") && nesting == 0 { break }
                            look += 1
                        }
                    }
                    if tokens[look].isSymbol(",") { look += 1 }
                } else {
                    return nil
                }
            }
            guard look < tokens.count - 1 else { return nil }
            look += 1
            if tokens[look].isSymbol("->") {
                while look < tokens.count - 1, !tokens[look].isKeyword("in"), !tokens[look].isSymbol("{") { look += 1 }
            }
        } else {
            while case .identifier(let name) = tokens[look].kind {
                names.append(name)
                look += 1
                if tokens[look].isSymbol(",") { look += 1 } else { break }
            }
            // `{ x -> Int in ... }`: the return type is not checked.
            if !names.isEmpty, tokens[look].isSymbol("->") {
                while look < tokens.count - 1, !tokens[look].isKeyword("in"), !tokens[look].isSymbol("{") { look += 1 }
            }
        }
        guard tokens[look].isKeyword("in"), !(names.isEmpty && !tokens[position].isSymbol("(")) else { return nil }
        position = look + 1
        return names
    }
}
