/// A class declared in a cell: its members and its superclass.
public final class ClassInfo {
    package let name: String
    package let declaration: ClassDecl
    package let superclass: ClassInfo?
    package let scope: Scope
    package let cell: Int
    /// The library base class at the root of the hierarchy (`Module`), if any.
    package let nativeBase: NativeClassBase?
    /// Stored properties from the root class down; assignments look here on every write.
    package let allProperties: [PropertyDecl]
    private let methodsByName: [String: [FunctionDecl]]

    package init(_ declaration: ClassDecl, superclass: ClassInfo?, scope: Scope, cell: Int) {
        self.name = declaration.name
        self.declaration = declaration
        self.superclass = superclass
        self.scope = scope
        self.cell = cell
        self.nativeBase = superclass?.nativeBase
        self.allProperties = (superclass?.allProperties ?? []) + declaration.properties
        self.methodsByName = Dictionary(grouping: declaration.methods, by: \.name)
    }

    /// The most derived method of that name, and the class that declares it.
    package func method(named name: String) -> (FunctionDecl, ClassInfo)? {
        var info: ClassInfo? = self
        while let current = info {
            if let found = current.methodsByName[name]?.first { return (found, current) }
            info = current.superclass
        }
        return nil
    }

    /// The root class a library provides, such as `Module`: cells subclass it, and its
    /// members come from `base`.
    package init(nativeBase base: NativeClassBase, scope: Scope) {
        self.name = base.type.name
        self.declaration = ClassDecl(name: base.type.name, superclass: nil, properties: [], initializers: [], methods: [], offset: 0)
        self.superclass = nil
        self.scope = scope
        self.cell = 0
        self.nativeBase = base
        self.allProperties = []
        self.methodsByName = [:]
    }

    /// Whether a subclass method of this name overrides something, in cells or in the library base.
    package func hasInheritableMember(named name: String) -> Bool {
        method(named: name) != nil || nativeBase?.type.memberNames.contains(name) == true
    }

    package var memberNames: Set<String> {
        var names = superclass?.memberNames ?? nativeBase?.type.memberNames ?? []
        for property in declaration.properties { names.insert(property.name) }
        for method in declaration.methods { names.insert(method.name) }
        return names
    }

    package func isSubclass(of name: String) -> Bool {
        var info: ClassInfo? = self
        while let current = info {
            if current.name == name { return true }
            info = current.superclass
        }
        return false
    }
}
