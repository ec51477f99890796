extension Interpreter {
    package func runSwitch(_ subject: Expr, _ cases: [SwitchCase], defaultBody: [Stmt]?, in scope: Scope,
                   at offset: Int) throws(LanguageError) -> Flow {
        let value = try eval(subject, in: scope)
        var body = defaultBody
        var caseScope = Scope(parent: scope)
        search: for switchCase in cases {
            for pattern in switchCase.patterns {
                let candidate = Scope(parent: scope)
                guard try matches(pattern, value, binding: candidate, at: offset) else { continue }
                if let whereClause = switchCase.whereClause, !(try truth(whereClause, in: candidate)) { continue }
                body = switchCase.body
                caseScope = candidate
                break search
            }
        }
        guard let body else {
            throw error(.noSwitchCaseMatched(value.render(quoted: true)), at: offset)
        }
        let flow = try exec(body, in: caseScope)
        // `break` leaves the switch, not the loop around it.
        if case .breakLoop = flow { return .normal }
        return flow
    }

    private func matches(_ pattern: CasePattern, _ value: Value, binding scope: Scope, at offset: Int) throws(LanguageError) -> Bool {
        switch pattern {
        case .wildcard:
            return true
        case .binding(let name):
            scope.declare(name, value, isConstant: true)
            return true
        case .tuple(let patterns):
            guard case .tuple(let items, _) = value, items.count == patterns.count else { return false }
            for (pattern, item) in zip(patterns, items) where !(try matches(pattern, item, binding: scope, at: offset)) {
                return false
            }
            return true
        case .expression(let expr):
            var candidate = try eval(expr, in: scope)
            if case .double = value, let literal = expr.literalDouble { candidate = .double(literal) }
            if case .range(let lower, let upper, _) = candidate, case .int(let n) = value { return n >= lower && n < upper }
            guard let equal = value.isEqual(to: candidate) else {
                throw error(.typeMismatch(operation: "~=", lhs: candidate.typeName, rhs: value.typeName), at: expr.offset)
            }
            return equal
        }
    }
}
