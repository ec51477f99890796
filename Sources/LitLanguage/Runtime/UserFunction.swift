/// A `func` declared in a cell, or a method bound to its receiver.
package final class UserFunction: Callable {
    package let declaration: FunctionDecl
    package let scope: Scope
    package let receiver: Instance?
    /// The class whose method this is, so that `super` resolves from the right place.
    package let owner: ClassInfo?

    package init(_ declaration: FunctionDecl, scope: Scope, receiver: Instance? = nil, owner: ClassInfo? = nil) {
        self.declaration = declaration
        self.scope = scope
        self.receiver = receiver
        self.owner = owner
    }

    package var name: String { declaration.name }

    package func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        try interpreter.invoke(declaration, arguments, scope: scope, receiver: receiver, owner: owner, at: offset)
    }
}
