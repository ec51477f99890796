extension Interpreter {
    /// `ClassName(...)`: stored properties get their defaults, then the matching `init` runs.
    package func construct(_ info: ClassInfo, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        let instance = Instance(info)
        if let base = info.nativeBase { instance.fields = base.initialFields }
        try initializeDefaults(of: info, instance)
        try runInitializer(of: info, on: instance, arguments, at: offset)
        for property in info.allProperties where instance.fields[property.name] == nil {
            throw error(.uninitializedProperty(type: info.name, property: property.name), at: offset)
        }
        return .object(instance)
    }

    private func initializeDefaults(of info: ClassInfo, _ instance: Instance) throws(LanguageError) {
        if let superclass = info.superclass { try initializeDefaults(of: superclass, instance) }
        for property in info.declaration.properties {
            if let initial = property.initialValue {
                frames.append(Frame(function: "\(info.name).init", cell: info.cell, callOffset: property.offset,
                                    callCell: cellOfRunningCode, receiver: instance, owner: info, isInitializer: true))
                defer { frames.removeLast() }
                var value = try eval(initial, in: info.scope)
                if let type = property.type {
                    value = try coerce(value, to: type, isIntegerLiteral: initial.isIntegerLiteral, at: initial.offset)
                }
                instance.fields[property.name] = value
            } else if case .optional? = property.type, !property.isConstant {
                instance.fields[property.name] = Value.nilValue
            }
        }
    }

    /// Picks the initializer whose labels match; a class without one inherits its superclass's.
    package func runInitializer(of info: ClassInfo, on instance: Instance, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) {
        var owner: ClassInfo? = info
        while let current = owner, current.declaration.initializers.isEmpty { owner = current.superclass }
        guard let owner else {
            guard arguments.isEmpty else {
                throw error(.wrongArgumentCount(callee: "\(info.name).init", expected: 0, found: arguments.count), at: offset)
            }
            return
        }
        let candidates = owner.declaration.initializers
        let labels = arguments.map(\.label)
        let chosen = candidates.first { $0.labels.accepts(labels) } ?? candidates[0]
        _ = try invoke(chosen, arguments, scope: owner.scope, receiver: instance, owner: owner, at: offset)
    }

    /// A stored property or a method of `instance`; nil when it has neither.
    package func instanceMember(_ name: String, of instance: Instance, at offset: Int) throws(LanguageError) -> Value? {
        if let value = instance.fields[name] { return value }
        if let (method, owner) = instance.classInfo.method(named: name) {
            if method.isComputedProperty {
                return try invoke(method, [], scope: owner.scope, receiver: instance, owner: owner, at: offset)
            }
            return .function(UserFunction(method, scope: owner.scope, receiver: instance, owner: owner))
        }
        if let base = instance.classInfo.nativeBase {
            let object = base.wrap(instance)
            if let property = base.type.properties[name] {
                return try positioned(at: offset) { () throws(LanguageError) in try property(object) }
            }
            if let method = base.type.methods[name] {
                return .function(BoundNativeMethod(name) { (arguments) throws(LanguageError) in try method(object, arguments) })
            }
        }
        return nil
    }

    package func superMember(_ name: String, at offset: Int) throws(LanguageError) -> Value {
        guard let frame = frames.last, let receiver = frame.receiver, let owner = frame.owner else {
            throw error(.misplaced("'super' is only available inside a class method"), at: offset)
        }
        guard let superclass = owner.superclass, let (method, declaring) = superclass.method(named: name) else {
            throw error(.undefinedMember(type: owner.superclass?.name ?? owner.name, member: name), at: offset)
        }
        return .function(UserFunction(method, scope: declaring.scope, receiver: receiver, owner: declaring))
    }

    package func callSuper(_ name: String, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        guard name == "init" else { return try callValue(try superMember(name, at: offset), arguments, at: offset) }
        guard let frame = frames.last, frame.isInitializer, let receiver = frame.receiver, let owner = frame.owner else {
            throw error(.misplaced("'super.init' can only be called inside an initializer"), at: offset)
        }
        guard let superclass = owner.superclass else {
            throw error(.misplaced("'super.init' called in '\(owner.name)', which has no superclass"), at: offset)
        }
        try runInitializer(of: superclass, on: receiver, arguments, at: offset)
        return .void
    }
}
