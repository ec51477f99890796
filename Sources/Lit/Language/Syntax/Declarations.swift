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
    /// The labels callers must use; built once, as every call is checked against them.
    let labels: Signature

    init(name: String, parameters: [Parameter], returnType: TypeRef?, body: [Stmt], isOverride: Bool, at offset: Int) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.isOverride = isOverride
        self.offset = offset
        self.labels = Signature(parameters)
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

struct PropertyDecl {
    let isConstant: Bool
    let name: String
    let type: TypeRef?
    let initialValue: Expr?
    let offset: Int
}

struct ClassDecl {
    let name: String
    let superclass: String?
    let properties: [PropertyDecl]
    let initializers: [FunctionDecl]
    let methods: [FunctionDecl]
    let offset: Int
}
