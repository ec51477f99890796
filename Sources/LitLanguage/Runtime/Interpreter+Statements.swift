extension Interpreter {
    package func exec(_ statements: [Stmt], in scope: Scope) throws(LanguageError) -> Flow {
        for statement in statements {
            let flow = try exec(statement, in: scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    package func exec(_ statement: Stmt, in scope: Scope) throws(LanguageError) -> Flow {
        switch statement.kind {
        case .expression(let expr):
            _ = try eval(expr, in: scope)
        case .variable(let isConstant, let pattern, let type, let initial):
            guard let initial else {
                for name in pattern.boundNames { scope.declare(name, .void, isConstant: isConstant, type: type) }
                return .normal
            }
            var value = try eval(initial, in: scope)
            if let type { value = try coerce(value, to: type, isIntegerLiteral: initial.isIntegerLiteral, at: initial.offset) }
            try bind(pattern, to: value, in: scope, isConstant: isConstant, type: type, at: statement.offset)
        case .function(let declaration):
            declaration.cell = cellOfRunningCode
            scope.declare(declaration.name, .function(UserFunction(declaration, scope: scope)), isConstant: true)
        case .classDecl(let declaration):
            try declareClass(declaration, in: scope)
        case .ifStatement(let clauses, let elseBody):
            for clause in clauses {
                let clauseScope = Scope(parent: scope)
                if try test(clause.conditions, binding: clauseScope) {
                    return try exec(clause.body, in: Scope(parent: clauseScope))
                }
            }
            if let elseBody { return try exec(elseBody, in: Scope(parent: scope)) }
        case .guardStatement(let conditions, let elseBody):
            if try test(conditions, binding: scope) { return .normal }
            let flow = try exec(elseBody, in: Scope(parent: scope))
            if case .normal = flow {
                throw error(.misplaced("'guard' body must not fall through; use 'return', 'break' or 'continue'"), at: statement.offset)
            }
            return flow
        case .forIn(let pattern, let sequence, let whereClause, let body):
            return try runFor(pattern, try eval(sequence, in: scope), whereClause: whereClause, body: body,
                              in: scope, at: sequence.offset)
        case .whileLoop(let conditions, let body):
            while true {
                try tick(at: statement.offset)
                let loopScope = Scope(parent: scope)
                guard try test(conditions, binding: loopScope) else { break }
                if let exit = leaving(try exec(body, in: Scope(parent: loopScope))) { return exit }
            }
        case .repeatWhile(let body, let condition):
            repeat {
                try tick(at: statement.offset)
                if let exit = leaving(try exec(body, in: Scope(parent: scope))) { return exit }
            } while try truth(condition, in: scope)
        case .returnStatement(let value):
            guard let value else { return .returned(.void) }
            let result = try eval(value, in: scope)
            // `return 1` from a function declared `-> Double`: the literal adapts.
            if value.isIntegerLiteral, let type = frames.last?.returnType {
                return .returned(try coerce(result, to: type, isIntegerLiteral: true, at: value.offset))
            }
            return .returned(result)
        case .breakStatement:
            return .breakLoop
        case .continueStatement:
            return .continueLoop
        case .block(let body):
            return try exec(body, in: Scope(parent: scope))
        case .declarations(let declarations):
            return try exec(declarations, in: scope)
        case .switchStatement(let subject, let cases, let defaultBody):
            return try runSwitch(subject, cases, defaultBody: defaultBody, in: scope, at: statement.offset)
        }
        return .normal
    }

    /// What a loop does after running its body once: nil to go on, or the flow that leaves it.
    private func leaving(_ flow: Flow) -> Flow? {
        switch flow {
        case .breakLoop: .normal
        case .returned: flow
        case .normal, .continueLoop: nil
        }
    }

    private func runFor(_ pattern: Pattern, _ sequence: Value, whereClause: Expr?, body: [Stmt],
                        in scope: Scope, at offset: Int) throws(LanguageError) -> Flow {
        let iterator = try makeIterator(sequence, at: offset)
        while let element = try iterator() {
            try tick(at: offset)
            let loopScope = Scope(parent: scope)
            try bind(pattern, to: element, in: loopScope, isConstant: true, at: offset)
            if let whereClause, !(try truth(whereClause, in: loopScope)) { continue }
            if let exit = leaving(try exec(body, in: loopScope)) { return exit }
        }
        return .normal
    }

    /// Ranges iterate lazily; arrays by element; native objects through their iterator.
    package func makeIterator(_ sequence: Value, at offset: Int) throws(LanguageError) -> () throws(LanguageError) -> Value? {
        switch sequence {
        case .range(let lower, let upper, _):
            var next = lower
            return {
                guard next < upper else { return nil }
                defer { next += 1 }
                return .int(next)
            }
        case .array(let items):
            var index = 0
            return {
                guard index < items.count else { return nil }
                defer { index += 1 }
                return items[index]
            }
        case .dictionary(let dictionary):
            return try makeIterator(.array(dictionary.entries), at: offset)
        case .string(let text):
            var characters = text.makeIterator()
            return { characters.next().map { .string(String($0)) } }
        case .native(let object):
            guard let make = object.scriptType.makeIterator else { break }
            let iterator = try make(object)
            return { iterator.next() }
        default:
            break
        }
        throw error(.notASequence(type: sequence.typeName), at: offset)
    }

    package func bind(_ pattern: Pattern, to value: Value, in scope: Scope, isConstant: Bool, type: TypeRef? = nil,
              at offset: Int) throws(LanguageError) {
        switch pattern {
        case .name(let name):
            scope.declare(name, value, isConstant: isConstant, type: type)
        case .wildcard:
            break
        case .tuple(let patterns):
            guard case .tuple(let items, _) = value, items.count == patterns.count else {
                throw error(.cannotConvert(from: value.typeName, to: "a tuple of \(patterns.count) elements"), at: offset)
            }
            for (pattern, item) in zip(patterns, items) {
                try bind(pattern, to: item, in: scope, isConstant: isConstant, at: offset)
            }
        }
    }

    /// Evaluates conditions left to right; `if let` bindings land in `scope`.
    package func test(_ conditions: [Condition], binding scope: Scope) throws(LanguageError) -> Bool {
        for condition in conditions {
            switch condition {
            case .expression(let expr):
                if !(try truth(expr, in: scope)) { return false }
            case .optionalBinding(let name, let valueExpr, let offset):
                let value = try eval(valueExpr ?? Expr(.name(name), at: offset), in: scope)
                if value.isNone { return false }
                scope.declare(name, value, isConstant: true)
            }
        }
        return true
    }

    package func truth(_ expr: Expr, in scope: Scope) throws(LanguageError) -> Bool {
        let value = try eval(expr, in: scope)
        guard case .bool(let flag) = value else {
            throw error(.cannotConvert(from: value.typeName, to: "Bool"), at: expr.offset)
        }
        return flag
    }

    private func declareClass(_ declaration: ClassDecl, in scope: Scope) throws(LanguageError) {
        var superclass: ClassInfo?
        if let name = declaration.superclass {
            guard case .classRef(let info)? = lookupGlobal(name) else {
                throw error(.undefinedName(name), at: declaration.offset)
            }
            superclass = info
        }
        for method in declaration.methods + declaration.initializers { method.cell = cellOfRunningCode }
        for method in declaration.methods {
            let inherited = superclass?.hasInheritableMember(named: method.name) == true ? true : nil
            if method.isOverride && inherited == nil {
                throw error(.misplaced("method '\(method.name)' does not override any method from its superclass"), at: method.offset)
            }
            if !method.isOverride && inherited != nil {
                throw error(.misplaced("overriding declaration '\(method.name)' requires an 'override' keyword"), at: method.offset)
            }
        }
        let info = ClassInfo(declaration, superclass: superclass, scope: scope, cell: cellOfRunningCode)
        scope.declare(declaration.name, .classRef(info), isConstant: true)
    }

    package func lookupGlobal(_ name: String) -> Value? {
        globals.lookupLocal(name)?.value ?? builtins[name]
    }
}
