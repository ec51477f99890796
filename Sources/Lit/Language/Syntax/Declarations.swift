/// A `func`, `init` or computed-property getter declared in a cell.
final class FunctionDecl {
    let name: String
    let parameters: [Parameter]
    let returnType: TypeRef?
    let body: [Stmt]
    let isOverride: Bool
    let offset: Int
    /// The cell this function was written in, for positions in call traces.
    var cell: Int = 0
    /// A computed property's getter: reading the member runs it.
    var isComputedProperty = false

    init(name: String, parameters: [Parameter], returnType: TypeRef?, body: [Stmt], isOverride: Bool, at offset: Int) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.isOverride = isOverride
        self.offset = offset
    }
}

struct Parameter {
    /// The argument label callers write; nil for `_`.
    var label: String?
    var name: String
    var type: TypeRef?
    var defaultValue: Expr?
    var isVariadic: Bool
}

final class PropertyDecl {
    let isConstant: Bool
    let name: String
    let type: TypeRef?
    let initialValue: Expr?
    let offset: Int

    init(isConstant: Bool, name: String, type: TypeRef?, initialValue: Expr?, at offset: Int) {
        self.isConstant = isConstant
        self.name = name
        self.type = type
        self.initialValue = initialValue
        self.offset = offset
    }
}

final class ClassDecl {
    let name: String
    let superclass: String?
    let properties: [PropertyDecl]
    let initializers: [FunctionDecl]
    let methods: [FunctionDecl]
    let offset: Int

    init(name: String, superclass: String?, properties: [PropertyDecl], initializers: [FunctionDecl],
         methods: [FunctionDecl], at offset: Int) {
        self.name = name
        self.superclass = superclass
        self.properties = properties
        self.initializers = initializers
        self.methods = methods
        self.offset = offset
    }
}
