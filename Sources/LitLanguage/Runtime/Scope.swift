/// A variable's storage; closures share it by reference, as Swift captures variables.
package final class Binding {
    package var value: Value
    package let isConstant: Bool
    /// The annotation it was declared with; later assignments must conform to it.
    package let type: TypeRef?

    package init(_ value: Value, isConstant: Bool, type: TypeRef? = nil) {
        self.value = value
        self.isConstant = isConstant
        self.type = type
    }
}

/// One level of lexical scope. The chapter's global scope is the root.
///
/// Local scopes hold a handful of names and are made for every block and loop
/// iteration, so they search a short array (no hashing, no table to allocate); the
/// global scope, which grows with the chapter, keeps a hash table.
package final class Scope {
    private var names: [String] = []
    private var slots: [Binding] = []
    private var table: [String: Binding] = [:]
    package let parent: Scope?

    package init(parent: Scope?) {
        self.parent = parent
    }

    package var isGlobal: Bool { parent == nil }

    package func declare(_ name: String, _ value: Value, isConstant: Bool, type: TypeRef? = nil) {
        let binding = Binding(value, isConstant: isConstant, type: type)
        if isGlobal {
            table[name] = binding
        } else if let index = names.lastIndex(of: name) {
            slots[index] = binding
        } else {
            names.append(name)
            slots.append(binding)
        }
    }

    /// The scope's own variables: in declaration order for a local scope, by name for the
    /// global one (its table has no order).
    package var entries: [(name: String, binding: Binding)] {
        if isGlobal { return table.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        return Array(zip(names, slots))
    }

    package func lookupLocal(_ name: String) -> Binding? {
        if isGlobal { return table[name] }
        var index = names.count - 1
        while index >= 0 {
            if names[index] == name { return slots[index] }
            index -= 1
        }
        return nil
    }

    /// Finds `name` in this scope or an enclosing one, stopping before the global scope
    /// when `localOnly` is set (members of `self` come between locals and globals).
    package func lookup(_ name: String, localOnly: Bool = false) -> Binding? {
        var scope: Scope? = self
        while let current = scope {
            if localOnly && current.isGlobal { return nil }
            if let binding = current.lookupLocal(name) { return binding }
            scope = current.parent
        }
        return nil
    }
}
