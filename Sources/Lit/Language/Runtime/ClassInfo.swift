/// A class declared in a cell: its members and its superclass.
public final class ClassInfo {
    let name: String
    let declaration: ClassDecl
    let superclass: ClassInfo?
    let scope: Scope
    let cell: Int
    /// Stored properties from the root class down; assignments look here on every write.
    let allProperties: [PropertyDecl]
    private let methodsByName: [String: [FunctionDecl]]

    init(_ declaration: ClassDecl, superclass: ClassInfo?, scope: Scope, cell: Int) {
        self.name = declaration.name
        self.declaration = declaration
        self.superclass = superclass
        self.scope = scope
        self.cell = cell
        self.allProperties = (superclass?.allProperties ?? []) + declaration.properties
        self.methodsByName = Dictionary(grouping: declaration.methods, by: \.name)
    }

    /// The most derived method of that name, and the class that declares it.
    func method(named name: String) -> (FunctionDecl, ClassInfo)? {
        var info: ClassInfo? = self
        while let current = info {
            if let found = current.methodsByName[name]?.first { return (found, current) }
            info = current.superclass
        }
        return nil
    }

    var memberNames: Set<String> {
        var names = superclass?.memberNames ?? []
        for property in declaration.properties { names.insert(property.name) }
        for method in declaration.methods { names.insert(method.name) }
        return names
    }

    func isSubclass(of name: String) -> Bool {
        var info: ClassInfo? = self
        while let current = info {
            if current.name == name { return true }
            info = current.superclass
        }
        return false
    }
}
