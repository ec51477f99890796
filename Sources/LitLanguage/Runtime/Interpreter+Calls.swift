extension Interpreter {
    package static let mutatingArrayMethods: Set<String> = [
        "append", "removeLast", "removeFirst", "popLast", "insert", "remove", "removeAll", "sort", "reverse", "shuffle",
        "removeValue",
    ]

    package func evalCall(_ callee: Expr, _ arguments: [Argument], in scope: Scope, at offset: Int) throws(LanguageError) -> Value {
        let values = try evalArguments(arguments, in: scope)
        if case .member(let base, let name, let optionalChain) = callee.kind {
            if case .superRef = base.kind { return try callSuper(name, values, at: offset) }
            if Interpreter.mutatingArrayMethods.contains(name), isAssignable(base) {
                var result: Value = .void
                var receiver: Value?
                // Only arrays and dictionaries are mutated in place; anything else (an object with
                // an `append` method, say) is called after the storage is released, so its method can read it.
                try modify(base, in: scope, at: callee.offset, needsWriteAccess: Interpreter.isCollection) {
                    (value: inout Value) throws(LanguageError) in
                    if optionalChain && value.isNone { return }
                    switch value {
                    case .array: result = try self.mutateArray(&value, name, values, at: offset)
                    case .dictionary: result = try self.mutateDictionary(&value, name, values, at: offset)
                    default: receiver = value
                    }
                }
                if let receiver { return try callValue(try member(name, of: receiver, at: callee.offset), values, at: offset) }
                return result
            }
            // `first(where:)` and `last(where:)` share their names with properties.
            if name == "first" || name == "last", values.count == 1, values[0].label == "where" || values[0].value.isFunction {
                let receiver = try eval(base, in: scope)
                if optionalChain && receiver.isNone { return .nilValue }
                if case .array(let items) = receiver {
                    let ordered = name == "first" ? items : items.reversed()
                    for item in ordered where try isTrue(try call(values[0].value, item, at: offset)) { return item }
                    return .nilValue
                }
            }
        }
        let function = try eval(callee, in: scope)
        if case .member(_, _, true) = callee.kind, function.isNone { return .nilValue }
        return try callValue(function, values, at: offset)
    }

    package func callValue(_ function: Value, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        // Library code that calls back into cells (a `Sequential` running a cell's module)
        // reports this call as the place it came from.
        let outerCallOffset = nativeCallOffset
        nativeCallOffset = offset
        defer { nativeCallOffset = outerCallOffset }
        switch function {
        case .function(let callable):
            return try positioned(at: offset) { () throws(LanguageError) in try callable.call(self, arguments, at: offset) }
        case .classRef(let info):
            return try construct(info, arguments, at: offset)
        case .object(let instance):
            if let (method, owner) = instance.classInfo.method(named: "callAsFunction") {
                return try invoke(method, arguments, scope: owner.scope, receiver: instance, owner: owner, at: offset)
            }
            guard let base = instance.classInfo.nativeBase else { break }
            if let name = base.callMethod, let (method, owner) = instance.classInfo.method(named: name) {
                return try invoke(method, arguments, scope: owner.scope, receiver: instance, owner: owner, at: offset)
            }
            guard let method = base.type.methods["callAsFunction"] else { break }
            let object = base.wrap(instance)
            return try positioned(at: offset) { () throws(LanguageError) in try method(object, arguments) }
        case .native(let object):
            guard let method = object.scriptType.methods["callAsFunction"] else { break }
            return try positioned(at: offset) { () throws(LanguageError) in try method(object, arguments) }
        default:
            break
        }
        throw error(.notCallable(function.typeName), at: offset)
    }

    /// Calls a user function: binds arguments by label, checks types, runs the body.
    package func invoke(_ declaration: FunctionDecl, _ arguments: [ArgumentValue], scope: Scope, receiver: Instance?,
                owner: ClassInfo?, at offset: Int) throws(LanguageError) -> Value {
        guard frames.count < maximumCallDepth else { throw error(.recursionTooDeep(limit: maximumCallDepth), at: offset) }
        try tick(at: offset)
        let callCell = cellOfRunningCode
        let local = Scope(parent: scope)
        let bound = try bindArguments(declaration, arguments, at: offset)
        for (parameter, value) in zip(declaration.parameters, bound) {
            local.declare(parameter.name, value, isConstant: true)
        }
        frames.append(Frame(function: declaration.name, cell: declaration.cell, callOffset: offset, callCell: callCell,
                            receiver: receiver, owner: owner, isInitializer: declaration.name == "init",
                            returnType: declaration.returnType))
        defer { frames.removeLast() }
        do throws(LanguageError) {
            // A single-expression body returns its value, as in Swift 5.9.
            if let type = declaration.returnType, !type.isVoid, declaration.body.count == 1,
               case .expression(let expr) = declaration.body[0].kind {
                return try coerce(try eval(expr, in: local), to: type, isIntegerLiteral: expr.isIntegerLiteral, at: expr.offset)
            }
            let flow = try exec(declaration.body, in: local)
            guard case .returned(let value) = flow else {
                if let type = declaration.returnType, !type.isVoid {
                    throw error(.misplaced("missing return in '\(declaration.name)' expected to return '\(type)'"), at: declaration.offset)
                }
                return .void
            }
            guard let type = declaration.returnType else { return value }
            return try coerce(value, to: type, isIntegerLiteral: false, at: declaration.offset)
        } catch {
            var error = error
            if error.cell == nil { error.cell = declaration.cell }
            let name = owner.map { "\($0.name).\(declaration.name)" } ?? declaration.name
            error.trace.append(.init(function: name, cell: callCell, offset: offset))
            throw error
        }
    }

    package func invoke(_ closure: Closure, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        guard frames.count < maximumCallDepth else { throw error(.recursionTooDeep(limit: maximumCallDepth), at: offset) }
        try tick(at: offset)
        let literal = closure.literal
        let names = literal.parameters ?? (0..<literal.usesDollars).map { "$\($0)" }
        var values = arguments.map(\.value)
        // A closure of n parameters called with one n-tuple takes it apart, as Swift does for zip and enumerated.
        if names.count > 1 && values.count == 1, case .tuple(let items, _) = values[0], items.count == names.count {
            values = items
        }
        guard values.count == names.count || (literal.parameters == nil && values.count > names.count) else {
            throw error(.wrongArgumentCount(callee: "closure", expected: names.count, found: values.count), at: offset)
        }
        let local = Scope(parent: closure.scope)
        for (name, value) in zip(names, values) { local.declare(name, value, isConstant: true) }
        let callCell = cellOfRunningCode
        frames.append(Frame(function: "closure", cell: closure.cell, callOffset: offset, callCell: callCell,
                            receiver: closure.receiver, owner: closure.owner, isInitializer: false))
        defer { frames.removeLast() }
        // A single-expression closure returns its value.
        if literal.body.count == 1, case .expression(let expr) = literal.body[0].kind {
            return try eval(expr, in: local)
        }
        if case .returned(let value) = try exec(literal.body, in: local) { return value }
        return .void
    }

    /// Matches arguments to parameters by label, filling defaults and collecting variadics.
    package func bindArguments(_ declaration: FunctionDecl, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> [Value] {
        var values: [Value] = []
        var index = 0
        let mismatch = {
            self.error(Signature.mismatch(calling: declaration.name, with: arguments.map(\.label), [declaration.labels]), at: offset)
        }
        for parameter in declaration.parameters {
            if parameter.isVariadic {
                var items: [Value] = []
                if index < arguments.count && arguments[index].label == parameter.label {
                    repeat {
                        items.append(try convert(arguments[index], to: parameter.type, at: offset))
                        index += 1
                    } while index < arguments.count && arguments[index].label == nil
                }
                values.append(.array(items))
            } else if index < arguments.count && arguments[index].label == parameter.label {
                values.append(try convert(arguments[index], to: parameter.type, at: offset))
                index += 1
            } else if let defaultValue = parameter.defaultValue {
                let value = try eval(defaultValue, in: globals)
                values.append(try convert(ArgumentValue(label: nil, value: value, isIntegerLiteral: defaultValue.isIntegerLiteral),
                                          to: parameter.type, at: offset))
            } else {
                throw mismatch()
            }
        }
        if index != arguments.count { throw mismatch() }
        return values
    }

    private func convert(_ argument: ArgumentValue, to type: TypeRef?, at offset: Int) throws(LanguageError) -> Value {
        guard let type else { return argument.value }
        return try coerce(argument.value, to: type, isIntegerLiteral: argument.isIntegerLiteral, at: offset)
    }
}

extension TypeRef {
    package var isVoid: Bool {
        switch self {
        case .named("Void"): true
        case .tuple(let items, _): items.isEmpty
        default: false
        }
    }
}
