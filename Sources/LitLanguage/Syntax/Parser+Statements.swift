extension Parser {
    package mutating func parseStatement() throws(LanguageError) -> Stmt {
        let start = current.offset
        guard case .keyword(let keyword) = current.kind else {
            if current.isSymbol("@") { throw LanguageError(.unsupported("attributes"), at: start) }
            if case .identifier = current.kind, peekToken(1).isSymbol(":"),
               ["for", "while", "repeat", "if", "switch", "do"].contains(where: peekToken(2).isKeyword) {
                throw LanguageError(.unsupported("labelled statements"), at: start)
            }
            return Stmt(.expression(try parseExpression()), at: start)
        }
        switch keyword {
        case "let", "var":
            _ = advance()
            // `var lo = first, hi = first` declares several names in one statement.
            var declarations: [Stmt] = []
            repeat {
                let offset = current.offset
                let pattern = try parsePattern()
                let type = consume(":") ? try parseType() : nil
                let value = consume("=") ? try parseExpression() : nil
                declarations.append(Stmt(.variable(isConstant: keyword == "let", pattern, type, value), at: offset))
            } while consume(",")
            return declarations.count == 1 ? declarations[0] : Stmt(.declarations(declarations), at: start)
        case "func", "override":
            return Stmt(.function(try parseFunction()), at: start)
        case "class", "final":
            return Stmt(.classDecl(try parseClass()), at: start)
        case "if":
            return try parseIf()
        case "guard":
            _ = advance()
            let conditions = try parseConditions()
            try expectKeyword("else", "'else' after guard condition")
            return Stmt(.guardStatement(conditions, elseBody: try parseBlock()), at: start)
        case "for":
            _ = advance()
            let pattern = try parsePattern()
            try expectKeyword("in", "'in' after for-in pattern")
            let sequence = try parseConditionExpression()
            var whereClause: Expr?
            if consumeKeyword("where") { whereClause = try parseConditionExpression() }
            return Stmt(.forIn(pattern, sequence, whereClause: whereClause, body: try parseBlock()), at: start)
        case "while":
            _ = advance()
            let conditions = try parseConditions()
            return Stmt(.whileLoop(conditions, body: try parseBlock()), at: start)
        case "repeat":
            _ = advance()
            let body = try parseBlock()
            try expectKeyword("while", "'while' after repeat block")
            return Stmt(.repeatWhile(body: body, condition: try parseExpression()), at: start)
        case "return":
            _ = advance()
            if atEnd || current.startsLine || current.isSymbol("}") || current.isSymbol(";") {
                return Stmt(.returnStatement(nil), at: start)
            }
            return Stmt(.returnStatement(try parseExpression()), at: start)
        case "break":
            _ = advance()
            return Stmt(.breakStatement, at: start)
        case "continue":
            _ = advance()
            return Stmt(.continueStatement, at: start)
        case "switch":
            return try parseSwitch()
        case "do":
            _ = advance()
            if current.isSymbol("{") { return Stmt(.block(try parseBlock()), at: start) }
            throw LanguageError(.expected("'{' after 'do'", found: current.display), at: current.offset)
        case "self", "super", "true", "false", "nil", "init":
            return Stmt(.expression(try parseExpression()), at: start)
        default:
            throw LanguageError(keyword == "import" ? .sandboxed("'import'") : .unsupported("'\(keyword)'"), at: start)
        }
    }

    package mutating func parseIf() throws(LanguageError) -> Stmt {
        let start = current.offset
        var clauses: [(conditions: [Condition], body: [Stmt])] = []
        var elseBody: [Stmt]?
        _ = advance()
        clauses.append((try parseConditions(), try parseBlock()))
        while consumeKeyword("else") {
            if consumeKeyword("if") {
                clauses.append((try parseConditions(), try parseBlock()))
            } else {
                elseBody = try parseBlock()
                break
            }
        }
        return Stmt(.ifStatement(clauses, elseBody: elseBody), at: start)
    }

    package mutating func parseConditions() throws(LanguageError) -> [Condition] {
        var conditions: [Condition] = []
        repeat {
            if current.isKeyword("let") || current.isKeyword("var") {
                _ = advance()
                let offset = current.offset
                let name = try expectIdentifier("a name to bind")
                if current.isSymbol(":") {
                    _ = advance()
                    _ = try parseType()
                }
                let value = consume("=") ? try parseConditionExpression() : nil
                conditions.append(.optionalBinding(name: name, value: value, offset: offset))
            } else if current.isKeyword("case") {
                throw LanguageError(.unsupported("'case' patterns"), at: current.offset)
            } else {
                conditions.append(.expression(try parseConditionExpression()))
            }
        } while consume(",")
        return conditions
    }

    package mutating func parseConditionExpression() throws(LanguageError) -> Expr {
        let saved = allowsTrailingClosure
        allowsTrailingClosure = false
        defer { allowsTrailingClosure = saved }
        return try parseExpression()
    }

    package mutating func parsePattern() throws(LanguageError) -> Pattern {
        try enterNesting()
        defer { depth -= 1 }
        if consume("(") {
            var elements: [Pattern] = []
            if !current.isSymbol(")") {
                repeat { elements.append(try parsePattern()) } while consume(",")
            }
            try expect(")")
            return elements.count == 1 ? elements[0] : .tuple(elements)
        }
        if current.isKeyword("let") || current.isKeyword("var") { _ = advance() }
        if case .identifier("_") = current.kind {
            _ = advance()
            return .wildcard
        }
        return .name(try expectIdentifier("a name"))
    }

    package mutating func parseType() throws(LanguageError) -> TypeRef {
        try enterNesting()
        defer { depth -= 1 }
        var type: TypeRef
        let start = current.offset
        if consume("[") {
            let element = try parseType()
            if consume(":") {
                let value = try parseType()
                try expect("]")
                type = .dictionary(element, value)
            } else {
                try expect("]")
                type = .array(element)
            }
        } else if consume("(") {
            var elements: [TypeRef] = []
            var labels: [String?] = []
            if !current.isSymbol(")") {
                repeat {
                    // Tuple element labels name the elements of a tuple the type is given to.
                    var label: String?
                    if case .identifier(let name) = current.kind, peekToken(1).isSymbol(":") {
                        label = name == "_" ? nil : name
                        _ = advance()
                        _ = advance()
                    }
                    labels.append(label)
                    elements.append(try parseType())
                } while consume(",")
            }
            try expect(")")
            if consume("->") {
                type = .function(elements, try parseType())
            } else {
                type = elements.count == 1 ? elements[0]
                    : .tuple(elements, labels: labels.contains { $0 != nil } ? labels : nil)
            }
        } else {
            let name = try expectIdentifier("a type")
            if current.isSymbol("<") && !current.spaceBefore {
                throw LanguageError(.unsupported("generic types"), at: start)
            }
            type = .named(name)
        }
        while !current.spaceBefore, current.isSymbol("?") || current.isSymbol("!") {
            _ = advance()
            type = .optional(type)
        }
        if current.isSymbol("->") {
            _ = advance()
            type = .function([type], try parseType())
        }
        return type
    }
}
