extension Parser {
    /// Swift's precedence groups, from loosest to tightest.
    package static let precedence: [String: Int] = [
        "||": 3, "&&": 4,
        "==": 5, "!=": 5, "<": 5, ">": 5, "<=": 5, ">=": 5, "===": 5, "!==": 5,
        ".==": 5, ".!=": 5, ".<": 5, ".>": 5, ".<=": 5, ".>=": 5,
        "??": 6, "..<": 7, "...": 7,
        "+": 8, "-": 8,
        "*": 9, "/": 9, "%": 9,
    ]
    package static let assignmentOperators: Set<String> = ["=", "+=", "-=", "*=", "/=", "%="]

    package mutating func parseExpression() throws(LanguageError) -> Expr {
        try enterNesting()
        defer { depth -= 1 }
        let start = current.offset
        let lhs = try parseTernary()
        if case .symbol(let op) = current.kind, Parser.assignmentOperators.contains(op), isInfix(current) {
            _ = advance()
            let value = try parseExpression()
            return Expr(.assign(op, target: lhs, value: value), at: start)
        }
        return lhs
    }

    /// An operator is infix when it has whitespace on both sides or on neither.
    package func isInfix(_ token: Token) -> Bool {
        token.spaceBefore == token.spaceAfter
    }

    package mutating func parseTernary() throws(LanguageError) -> Expr {
        let condition = try parseBinary(minimum: 3)
        guard current.isSymbol("?"), current.spaceBefore else { return condition }
        let questionOffset = current.offset
        _ = advance()
        let then = try parseExpression()
        try expect(":", "':' in ternary expression")
        let otherwise = try parseExpression()
        return Expr(.ternary(condition, then, otherwise), at: questionOffset)
    }

    package mutating func parseBinary(minimum: Int) throws(LanguageError) -> Expr {
        var lhs = try parsePrefix()
        // A long chain `a + b + c ...` builds a deep tree, so each link counts as nesting.
        var links = 0
        defer { depth -= links }
        while true {
            // Casts bind tighter than `??` and comparisons, looser than arithmetic.
            if current.isKeyword("is") || current.isKeyword("as"), minimum <= Parser.castLevel {
                try enterNesting()
                links += 1
                lhs = try parseCast(lhs)
                continue
            }
            guard case .symbol(let op) = current.kind, let level = Parser.precedence[op], level >= minimum else { break }
            try enterNesting()
            links += 1
            let token = current
            // `a ..< b` and `a..<b` are both fine for ranges; elsewhere whitespace decides.
            guard isInfix(token) || level == 7 else {
                if token.startsLine { break }  // a prefix operator starting the next statement
                throw LanguageError(.expected("whitespace on both sides of binary operator '\(op)'", found: "'\(op)'"), at: token.offset)
            }
            _ = advance()
            if op == "...", Parser.endsOneSidedRange(current) {
                lhs = Expr(.rangeFrom(lhs), at: token.offset)
                continue
            }
            // `??` is right-associative; comparisons do not chain in Swift.
            let rhs = op == "??" ? try parseBinary(minimum: level) : try parseBinary(minimum: level + 1)
            lhs = Expr(.binary(op, lhs, rhs), at: token.offset)
            if level == 5, case .symbol(let next) = current.kind, Parser.precedence[next] == 5 {
                throw LanguageError(.expected("parentheses: comparison operators do not chain", found: "'\(next)'"), at: current.offset)
            }
        }
        return lhs
    }

    /// Swift's CastingPrecedence, between `??` (6) and the ranges (7).
    package static let castLevel = 7

    /// `x is T`, `x as? T`, `x as! T`, `x as T`.
    private mutating func parseCast(_ operand: Expr) throws(LanguageError) -> Expr {
        let keyword = advance()
        var kind = CastKind.test
        if keyword.isKeyword("as") {
            kind = .coercion
            if current.isSymbol("?"), !current.spaceBefore { _ = advance(); kind = .conditional }
            else if current.isSymbol("!"), !current.spaceBefore { _ = advance(); kind = .forced }
        }
        return Expr(.cast(operand, try parseType(), kind), at: keyword.offset)
    }

    /// What may follow `3...` when it has no upper bound.
    package static func endsOneSidedRange(_ token: Token) -> Bool {
        token.kind == .end || token.startsLine || [":", "]", ")", ",", "{", ";"].contains(where: token.isSymbol)
    }

    package mutating func parsePrefix() throws(LanguageError) -> Expr {
        if current.isSymbol("...") && Parser.endsOneSidedRange(peekToken(1)) {
            return Expr(.unboundedRange, at: advance().offset)
        }
        if case .symbol(let op) = current.kind, op == "..<" || op == "..." {
            let offset = advance().offset
            try enterNesting()
            defer { depth -= 1 }
            return Expr(.rangeUpTo(try parsePrefix(), closed: op == "..."), at: offset)
        }
        if case .symbol(let op) = current.kind, op == "-" || op == "!" || op == "+" {
            let offset = current.offset
            _ = advance()
            try enterNesting()
            defer { depth -= 1 }
            let operand = try parsePrefix()
            if op == "-", case .integer(let n) = operand.kind { return Expr(.integer(-n), at: offset) }
            if op == "-", case .floating(let d) = operand.kind { return Expr(.floating(-d), at: offset) }
            return op == "+" ? operand : Expr(.prefix(op, operand), at: offset)
        }
        return try parsePostfix(try parsePrimary())
    }

    package mutating func parsePostfix(_ base: Expr) throws(LanguageError) -> Expr {
        var expr = base
        var inOptionalChain = false
        var links = 0
        defer { depth -= links }
        while true {
            let token = current
            if links > 0 || isPostfixStart(token) {
                try enterNesting()
                links += 1
            }
            if token.isSymbol("(") && !token.startsLine {
                _ = advance()
                var arguments = try parseArguments(closing: ")")
                arguments += try parseTrailingClosures()
                expr = Expr(.call(expr, arguments), at: expr.offset)
            } else if token.isSymbol("[") && !token.startsLine && !token.spaceBefore {
                _ = advance()
                expr = Expr(.subscriptAccess(expr, try parseArguments(closing: "]")), at: token.offset)
            } else if token.isSymbol(".") {
                _ = advance()
                let nameOffset = current.offset
                let name: String
                switch current.kind {
                case .identifier(let n): name = n
                case .integer(let i): name = String(i)
                // After a dot, Swift takes keywords as plain names: `FileManager.default`.
                case .keyword(let word): name = word
                default: throw LanguageError(.expected("a member name after '.'", found: current.display), at: current.offset)
                }
                _ = advance()
                expr = Expr(.member(expr, name, optionalChain: inOptionalChain), at: nameOffset)
            } else if token.isSymbol("?") && !token.spaceBefore {
                _ = advance()
                guard current.isSymbol(".") else {
                    throw LanguageError(.expected("'.' after '?' (optional chaining)", found: current.display), at: current.offset)
                }
                inOptionalChain = true
                _ = advance()
                let nameOffset = current.offset
                let name = try expectIdentifier("a member name after '?.'")
                expr = Expr(.member(expr, name, optionalChain: true), at: nameOffset)
            } else if token.isSymbol("!") && !token.spaceBefore {
                _ = advance()
                expr = Expr(.forceUnwrap(expr), at: token.offset)
            } else if token.isSymbol("{") && !token.startsLine && allowsTrailingClosure && isCallable(expr) {
                expr = Expr(.call(expr, try parseTrailingClosures()), at: expr.offset)
            } else {
                return expr
            }
        }
    }

    /// Whether `token` may continue a postfix chain; a rough test, used only to count nesting.
    private func isPostfixStart(_ token: Token) -> Bool {
        token.isSymbol("(") || token.isSymbol("[") || token.isSymbol(".") || token.isSymbol("?")
            || token.isSymbol("!") || token.isSymbol("{")
    }

    private func isCallable(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name, .member, .call, .dollar: true
        default: false
        }
    }

    package mutating func parseTrailingClosures() throws(LanguageError) -> [Argument] {
        guard allowsTrailingClosure, current.isSymbol("{"), !current.startsLine else { return [] }
        return [Argument(label: nil, value: try parseClosure())]
    }

    package mutating func parseArguments(closing: String) throws(LanguageError) -> [Argument] {
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        defer { allowsTrailingClosure = saved }
        var arguments: [Argument] = []
        if consume(closing) { return arguments }
        repeat {
            var label: String?
            if peekToken(1).isSymbol(":") {
                switch current.kind {
                case .identifier(let name), .keyword(let name):
                    label = name
                    _ = advance()
                    _ = advance()
                default: break
                }
            }
            // `reduce(0, +)` passes an operator; `t[..., 0]` is a whole dimension.
            if case .symbol(let op) = current.kind, Parser.precedence[op] != nil, op != "...",
               peekToken(1).isSymbol(",") || peekToken(1).isSymbol(closing) {
                arguments.append(Argument(label: label, value: Expr(.operatorFunction(op), at: advance().offset)))
                continue
            }
            arguments.append(Argument(label: label, value: try parseExpression()))
        } while consume(",")
        try expect(closing, "',' or '\(closing)' in argument list")
        return arguments
    }
}
