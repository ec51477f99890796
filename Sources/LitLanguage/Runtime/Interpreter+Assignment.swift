extension Interpreter {
    package func isAssignable(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name, .subscriptAccess: true
        case .member(let base, _, _): if case .superRef = base.kind { false } else { true }
        default: false
        }
    }

    package func assign(_ op: String, _ target: Expr, _ valueExpr: Expr, in scope: Scope, at offset: Int) throws(LanguageError) {
        let value = try eval(valueExpr, in: scope)
        if case .discard = target.kind {
            guard op == "=" else { throw error(.invalidAssignmentTarget, at: target.offset) }
            return
        }
        if op != "=", try updateInPlace(op, target, value, in: scope, at: offset) { return }
        guard isAssignable(target) else { throw error(.invalidAssignmentTarget, at: target.offset) }
        let isLiteral = valueExpr.isIntegerLiteral
        try modify(target, in: scope, at: target.offset, assigning: op == "=",
                   isIntegerLiteral: isLiteral) { (current: inout Value) throws(LanguageError) in
            if op == "=" {
                current = try self.replacement(for: current, with: value, isIntegerLiteral: isLiteral, at: offset)
            } else {
                let binary = String(op.dropLast())
                current = try self.applyBinary(binary, current, value, lhsIsLiteral: false, rhsIsLiteral: isLiteral, at: offset)
            }
        }
    }

    /// `t -= g` on a native object whose type changes itself in place (a tensor): the
    /// object stays the same one, as Swift's compound operators on a class can, so even a
    /// `let` or a loop variable may be updated; a value the type cannot take is an error, as
    /// in Swift. Only a name or a property chain is read
    /// first, so that no subscript or call in the target runs twice.
    private func updateInPlace(_ op: String, _ target: Expr, _ value: Value, in scope: Scope, at offset: Int) throws(LanguageError) -> Bool {
        func isReference(_ expr: Expr) -> Bool {
            switch expr.kind {
            case .name, .selfRef: true
            case .member(let base, _, _): isReference(base)
            default: false
            }
        }
        guard isReference(target), case .native(let object) = try eval(target, in: scope),
              let update = object.scriptType.compoundAssignment else { return false }
        guard try positioned(at: offset, { () throws(LanguageError) in try update(String(op.dropLast()), object, value) }) else {
            throw error(.typeMismatch(operation: op, lhs: object.scriptType.name, rhs: value.typeName), at: offset)
        }
        return true
    }

    /// A Swift variable keeps its type: `var x = 0.0; x = 1` stays a Double, and
    /// `x = n` with an `Int` variable `n` is an error.
    private func replacement(for current: Value, with value: Value, isIntegerLiteral: Bool,
                             at offset: Int) throws(LanguageError) -> Value {
        switch (current, value) {
        case (.double, .int(let n)) where isIntegerLiteral: return .double(Double(n))
        case (.int, .int), (.double, .double), (.bool, .bool), (.string, .string), (_, .nilValue): return value
        case (.int, _), (.double, _), (.bool, _), (.string, _):
            throw error(.cannotConvert(from: value.typeName, to: current.typeName), at: offset)
        default: return value
        }
    }

    /// Runs `body` on the storage that `target` names, in place (arrays are not copied).
    /// Storage with a declared type converts the result to it.
    /// `needsWriteAccess` tells from the stored value whether `body` will change it, so that a
    /// `let` holding an object may still have its methods called.
    package func modify(_ target: Expr, in scope: Scope, at offset: Int, assigning: Bool = false, isIntegerLiteral: Bool = false,
                needsWriteAccess: @escaping (Value) -> Bool = { _ in true },
                _ body: (inout Value) throws(LanguageError) -> Void) throws(LanguageError) {
        let access = Access(assigning: assigning, isIntegerLiteral: isIntegerLiteral, needsWriteAccess: needsWriteAccess)
        switch target.kind {
        case .name(let name):
            if let binding = scope.lookup(name, localOnly: true) {
                try modify(binding, name, access, at: offset, body)
            } else if let receiver = frames.last?.receiver, receiver.fields[name] != nil
                        || receiver.classInfo.allProperties.contains(where: { $0.name == name }) {
                try modifyField(name, of: receiver, access, at: offset, body)
            } else if let binding = globals.lookupLocal(name) {
                try modify(binding, name, access, at: offset, body)
            } else {
                throw error(.undefinedName(name), at: offset)
            }
        case .member(let base, let name, _):
            if case .selfRef = base.kind, let receiver = frames.last?.receiver {
                return try modifyField(name, of: receiver, access, at: offset, body)
            }
            let owner = try eval(base, in: scope)
            switch owner {
            case .object(let instance):
                try modifyField(name, of: instance, access, at: offset, body)
            case .native(let object):
                guard let setter = object.scriptType.setters[name], let getter = object.scriptType.properties[name] else {
                    throw error(.readOnlyProperty(name, type: owner.typeName), at: offset)
                }
                var value = try positioned(at: offset) { () throws(LanguageError) in try getter(object) }
                try body(&value)
                try positioned(at: offset) { () throws(LanguageError) in try setter(object, value) }
            default:
                throw error(.propertyOfValue(name, type: owner.typeName), at: offset)
            }
        case .subscriptAccess(let base, let arguments):
            let indices = try evalArguments(arguments, in: scope)
            // A native object with a subscript setter (a tensor) changes where it is, so
            // even a `let` may be assigned through.
            try modify(base, in: scope, at: offset, needsWriteAccess: { !Interpreter.isNativeSubscriptTarget($0) }) { (container: inout Value) throws(LanguageError) in
                if case .native(let object) = container, let set = object.scriptType.subscriptSet,
                   let get = object.scriptType.subscriptGet {
                    var element = access.assigning ? Value.void
                        : try self.positioned(at: offset) { () throws(LanguageError) in try get(object, indices) }
                    try body(&element)
                    let newValue = element
                    return try self.positioned(at: offset) { () throws(LanguageError) in try set(object, indices, newValue) }
                }
                if case .dictionary = container {
                    return try self.modifyEntry(of: &container, indices, at: offset, body)
                }
                guard case .array(var items) = container, indices.count == 1, case .int(let index) = indices[0].value else {
                    throw self.error(.assignThroughSubscript(type: container.typeName), at: offset)
                }
                guard index >= 0 && index < items.count else {
                    throw self.error(.indexOutOfRange(index: index, count: items.count), at: offset)
                }
                container = .void
                defer { container = .array(items) }
                try body(&items[index])
            }
        default:
            throw error(.invalidAssignmentTarget, at: offset)
        }
    }

    /// How a `modify` call treats the storage it reaches.
    private struct Access {
        package var assigning: Bool
        package var isIntegerLiteral: Bool
        package var needsWriteAccess: (Value) -> Bool
    }

    package static func isNativeSubscriptTarget(_ value: Value) -> Bool {
        if case .native(let object) = value { object.scriptType.subscriptSet != nil } else { false }
    }

    /// Arrays and dictionaries are changed in place by their mutating methods.
    package static func isCollection(_ value: Value) -> Bool {
        switch value {
        case .array, .dictionary: true
        default: false
        }
    }

    /// `d[key] = v`, `d[key] = nil` (removes) and `d[key, default: 0] += 1`.
    private func modifyEntry(of container: inout Value, _ indices: [ArgumentValue], at offset: Int,
                             _ body: (inout Value) throws(LanguageError) -> Void) throws(LanguageError) {
        guard case .dictionary(var dictionary) = container else { return }
        let (key, hashable, fallback) = try dictionaryKey(indices, at: offset)
        var value = dictionary[hashable] ?? fallback ?? .nilValue
        try body(&value)
        container = .void  // let `dictionary` be uniquely referenced
        dictionary.set(key, hashable, to: value.isNone ? nil : value)
        container = .dictionary(dictionary)
    }

    /// The key of `d[key]` or `d[key, default: value]`, and the default if given.
    package func dictionaryKey(_ indices: [ArgumentValue], at offset: Int) throws(LanguageError)
        -> (key: Value, hashable: DictionaryValue.Key, fallback: Value?) {
        guard indices.count == 1 || (indices.count == 2 && indices[1].label == "default"), indices[0].label == nil else {
            throw error(.dictionarySubscriptForm, at: offset)
        }
        return (indices[0].value, try hashableKey(indices[0].value, at: offset), indices.count == 2 ? indices[1].value : nil)
    }

    package func hashableKey(_ key: Value, at offset: Int) throws(LanguageError) -> DictionaryValue.Key {
        guard let hashable = DictionaryValue.Key(key) else {
            throw error(.invalidDictionaryKey(type: key.typeName), at: offset)
        }
        return hashable
    }

    private func modify(_ binding: Binding, _ name: String, _ access: Access, at offset: Int,
                        _ body: (inout Value) throws(LanguageError) -> Void) throws(LanguageError) {
        // A `let` declared without a value may be assigned once.
        if binding.isConstant && access.needsWriteAccess(binding.value) {
            guard access.assigning, case .void = binding.value else { throw error(.assignToConstant(name), at: offset) }
        }
        var value = binding.value
        binding.value = .void  // keep `value` uniquely referenced, so appends do not copy
        defer { binding.value = value }
        try body(&value)
        if let type = binding.type {
            value = try coerce(value, to: type, isIntegerLiteral: access.isIntegerLiteral, at: offset)
        }
    }

    private func modifyField(_ name: String, of instance: Instance, _ access: Access, at offset: Int,
                             _ body: (inout Value) throws(LanguageError) -> Void) throws(LanguageError) {
        guard let property = instance.classInfo.allProperties.first(where: { $0.name == name }) else {
            if instance.classInfo.method(named: name)?.0.isComputedProperty == true {
                throw error(.getOnlyProperty(name), at: offset)
            }
            throw error(.undefinedMember(type: instance.classInfo.name, member: name), at: offset)
        }
        let inInitializer = frames.last.map { $0.isInitializer && $0.receiver === instance } ?? false
        if property.isConstant && !inInitializer && access.needsWriteAccess(instance.fields[name] ?? .void) {
            throw error(.assignToConstant("\(instance.classInfo.name).\(name)"), at: offset)
        }
        var value = instance.fields[name] ?? .void
        instance.fields[name] = nil
        defer { instance.fields[name] = value }
        try body(&value)
        if let type = property.type {
            value = try coerce(value, to: type, isIntegerLiteral: access.isIntegerLiteral, at: offset)
        }
    }
}
