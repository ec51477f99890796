/// A `func` declared in a cell, or a method bound to its receiver.
final class UserFunction: Callable {
    let declaration: FunctionDecl
    let scope: Scope
    let receiver: Instance?
    /// The class whose method this is, so that `super` resolves from the right place.
    let owner: ClassInfo?

    init(_ declaration: FunctionDecl, scope: Scope, receiver: Instance? = nil, owner: ClassInfo? = nil) {
        self.declaration = declaration
        self.scope = scope
        self.receiver = receiver
        self.owner = owner
    }

    var name: String { declaration.name }

    func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        try interpreter.invoke(declaration, arguments, scope: scope, receiver: receiver, owner: owner, at: offset)
    }
}
