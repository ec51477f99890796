extension Interpreter {
    func isAssignable(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name, .subscriptAccess: true
        case .member(let base, _, _): if case .superRef = base.kind { false } else { true }
        default: false
        }
    }

    func assign(_ op: String, _ target: Expr, _ valueExpr: Expr, in scope: Scope, at offset: Int) throws(LanguageError) {
        let value = try eval(valueExpr, in: scope)
        if case .discard = target.kind {
            guard op == "=" else { throw error(.invalidAssignmentTarget, at: target.offset) }
            return
        }
        guard isAssignable(target) else { throw error(.invalidAssignmentTarget, at: target.offset) }
        let isLiteral = valueExpr.isIntegerLiteral
        try modify(target, in: scope, at: target.offset, assigning: op == "=") { (current: inout Value) throws(LanguageError) in
            if op == "=" {
                // Keep the declared kind of number: `var x = 0.0; x = 1` stays a Double.
                if case .double = current, case .int(let n) = value, isLiteral { current = .double(Double(n)) }
                else { current = value }
            } else {
                let binary = String(op.dropLast())
                current = try self.applyBinary(binary, current, value, lhsIsLiteral: false, rhsIsLiteral: isLiteral, at: offset)
            }
        }
    }

    /// Runs `body` on the storage that `target` names, in place (arrays are not copied).
    func modify(_ target: Expr, in scope: Scope, at offset: Int, assigning: Bool = false,
                _ body: (inout Value) throws(LanguageError) -> Void) throws(LanguageError) {
        switch target.kind {
        case .name(let name):
            if let binding = scope.lookup(name, localOnly: true) {
                try modify(binding, name, assigning: assigning, at: offset, body)
            } else if let receiver = frames.last?.receiver, receiver.fields[name] != nil
                        || receiver.classInfo.allProperties.contains(where: { $0.name == name }) {
                try modifyField(name, of: receiver, at: offset, body)
            } else if let binding = globals.lookupLocal(name) {
                try modify(binding, name, assigning: assigning, at: offset, body)
            } else {
                throw error(.undefinedName(name), at: offset)
            }
        case .member(let base, let name, _):
            if case .selfRef = base.kind, let receiver = frames.last?.receiver {
                return try modifyField(name, of: receiver, at: offset, body)
            }
            let owner = try eval(base, in: scope)
            switch owner {
            case .object(let instance):
                try modifyField(name, of: instance, at: offset, body)
            case .native(let object):
                guard let setter = object.scriptType.setters[name], let getter = object.scriptType.properties[name] else {
                    throw error(.runtime("cannot assign to property '\(name)' of '\(owner.typeName)'"), at: offset)
                }
                var value = try positioned(at: offset) { () throws(LanguageError) in try getter(object) }
                try body(&value)
                try positioned(at: offset) { () throws(LanguageError) in try setter(object, value) }
            default:
                throw error(.runtime("cannot assign to property '\(name)' of a value of type '\(owner.typeName)'"), at: offset)
            }
        case .subscriptAccess(let base, let arguments):
            let indices = try evalArguments(arguments, in: scope)
            try modify(base, in: scope, at: offset) { (container: inout Value) throws(LanguageError) in
                guard case .array(var items) = container, indices.count == 1, case .int(let index) = indices[0].value else {
                    throw self.error(.runtime("cannot assign through a subscript of '\(container.typeName)'"), at: offset)
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

    private func modify(_ binding: Binding, _ name: String, assigning: Bool, at offset: Int,
                        _ body: (inout Value) throws(LanguageError) -> Void) throws(LanguageError) {
        // A `let` declared without a value may be assigned once.
        if binding.isConstant {
            guard assigning, case .void = binding.value else { throw error(.assignToConstant(name), at: offset) }
        }
        try body(&binding.value)
    }

    private func modifyField(_ name: String, of instance: Instance, at offset: Int,
                             _ body: (inout Value) throws(LanguageError) -> Void) throws(LanguageError) {
        guard let property = instance.classInfo.allProperties.first(where: { $0.name == name }) else {
            throw error(.undefinedMember(type: instance.classInfo.name, member: name), at: offset)
        }
        let inInitializer = frames.last.map { $0.isInitializer && $0.receiver === instance } ?? false
        if property.isConstant && !inInitializer { throw error(.assignToConstant("\(instance.classInfo.name).\(name)"), at: offset) }
        var value = instance.fields[name] ?? .void
        instance.fields[name] = nil
        defer { instance.fields[name] = value }
        try body(&value)
        if let type = property.type {
            value = try coerce(value, to: type, isIntegerLiteral: false, at: offset)
        }
    }
}
