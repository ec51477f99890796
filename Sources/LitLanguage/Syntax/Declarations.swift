/// A `func`, `init` or computed-property getter declared in a cell.
package final class FunctionDecl {
    package let name: String
    package let parameters: [Parameter]
    package let returnType: TypeRef?
    package let body: [Stmt]
    package let isOverride: Bool
    package let offset: Int
    /// The cell this function was written in, for positions in call traces.
    package var cell: Int = 0
    /// A computed property's getter: reading the member runs it.
    package var isComputedProperty = false
    /// The labels callers must use; built once, as every call is checked against them.
    package let labels: Signature

    package init(name: String, parameters: [Parameter], returnType: TypeRef?, body: [Stmt], isOverride: Bool, at offset: Int) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.isOverride = isOverride
        self.offset = offset
        self.labels = Signature(parameters)
    }
}

package struct Parameter {
    /// The argument label callers write; nil for `_`.
    package var label: String?
    package var name: String
    package var type: TypeRef?
    package var defaultValue: Expr?
    package var isVariadic: Bool
}

package struct PropertyDecl {
    package let isConstant: Bool
    package let name: String
    package let type: TypeRef?
    package let initialValue: Expr?
    package let offset: Int
}

package struct ClassDecl {
    package let name: String
    package let superclass: String?
    package let properties: [PropertyDecl]
    package let initializers: [FunctionDecl]
    package let methods: [FunctionDecl]
    package let offset: Int
}

/// A declaration the runtime keeps hold of: what functions, closures and classes point
/// back to. See `Parser.declarations`.
package enum Declaration {
    case function(FunctionDecl)
    case closure(ClosureLiteral)
    case classDecl(ClassDecl)
}
