extension Parser {
    /// `switch value { case 1, 2: ... case let n where n > 9: ... default: ... }`
    package mutating func parseSwitch() throws(LanguageError) -> Stmt {
        let start = advance().offset
        let subject = try parseConditionExpression()
        try expect("{", "'{' after the switch value")
        var cases: [SwitchCase] = []
        var defaultBody: [Stmt]?
        while !consume("}") {
            if atEnd { throw LanguageError(.expected("'}' to close the switch", found: "end of cell"), at: current.offset) }
            if defaultBody != nil {
                throw LanguageError(.misplaced("'default' must be the last case of a switch"), at: current.offset)
            }
            if consumeKeyword("default") {
                try expect(":", "':' after 'default'")
                defaultBody = try parseCaseBody()
                continue
            }
            try expectKeyword("case", "'case' or 'default' in switch")
            var patterns: [CasePattern] = []
            repeat { patterns.append(try parseCasePattern()) } while consume(",")
            let whereClause = consumeKeyword("where") ? try parseConditionExpression() : nil
            try expect(":", "':' after the case pattern")
            cases.append(SwitchCase(patterns: patterns, whereClause: whereClause, body: try parseCaseBody()))
        }
        return Stmt(.switchStatement(subject, cases, defaultBody: defaultBody), at: start)
    }

    private mutating func parseCaseBody() throws(LanguageError) -> [Stmt] {
        try enterNesting()
        defer { depth -= 1 }
        var body: [Stmt] = []
        while !(current.isKeyword("case") || current.isKeyword("default") || current.isSymbol("}") || atEnd) {
            if consume(";") { continue }
            if current.isKeyword("fallthrough") { throw LanguageError(.unsupported("'fallthrough'"), at: current.offset) }
            body.append(try parseStatement())
        }
        if body.isEmpty {
            throw LanguageError(.misplaced("a switch case must contain at least one statement; use 'break'"), at: current.offset)
        }
        return body
    }

    private mutating func parseCasePattern() throws(LanguageError) -> CasePattern {
        try enterNesting()
        defer { depth -= 1 }
        if case .identifier("_") = current.kind, !peekToken(1).isSymbol(".") {
            _ = advance()
            return .wildcard
        }
        if consumeKeyword("let") || consumeKeyword("var") {
            if case .identifier("_") = current.kind { _ = advance(); return .wildcard }
            return .binding(try expectIdentifier("a name to bind"))
        }
        if current.isSymbol("(") {
            _ = advance()
            var elements: [CasePattern] = []
            repeat { elements.append(try parseCasePattern()) } while consume(",")
            try expect(")", "')' to close the tuple pattern")
            return elements.count == 1 ? elements[0] : .tuple(elements)
        }
        if current.isKeyword("is") || current.isSymbol(".") {
            throw LanguageError(.unsupported("this kind of case pattern"), at: current.offset)
        }
        return .expression(try parseConditionExpression())
    }
}
