/// A variable's storage; closures share it by reference, as Swift captures variables.
final class Binding {
    var value: Value
    let isConstant: Bool
    /// The annotation it was declared with; later assignments must conform to it.
    let type: TypeRef?

    init(_ value: Value, isConstant: Bool, type: TypeRef? = nil) {
        self.value = value
        self.isConstant = isConstant
        self.type = type
    }
}

/// One level of lexical scope. The chapter's global scope is the root.
final class Scope {
    private(set) var bindings: [String: Binding] = [:]
    let parent: Scope?

    init(parent: Scope?) {
        self.parent = parent
    }

    var isGlobal: Bool { parent == nil }

    func declare(_ name: String, _ value: Value, isConstant: Bool, type: TypeRef? = nil) {
        bindings[name] = Binding(value, isConstant: isConstant, type: type)
    }

    func lookupLocal(_ name: String) -> Binding? {
        bindings[name]
    }

    /// Finds `name` in this scope or an enclosing one, stopping before the global scope
    /// when `localOnly` is set (members of `self` come between locals and globals).
    func lookup(_ name: String, localOnly: Bool = false) -> Binding? {
        var scope: Scope? = self
        while let current = scope {
            if localOnly && current.isGlobal { return nil }
            if let binding = current.bindings[name] { return binding }
            scope = current.parent
        }
        return nil
    }

    var root: Scope {
        var scope = self
        while let parent = scope.parent { scope = parent }
        return scope
    }
}
