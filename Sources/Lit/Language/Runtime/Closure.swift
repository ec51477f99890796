/// A closure literal with the scope it captured.
final class Closure: Callable {
    let literal: ClosureLiteral
    let scope: Scope
    let receiver: Instance?
    let owner: ClassInfo?
    let cell: Int

    init(_ literal: ClosureLiteral, scope: Scope, receiver: Instance?, owner: ClassInfo?, cell: Int) {
        self.literal = literal
        self.scope = scope
        self.receiver = receiver
        self.owner = owner
        self.cell = cell
    }

    var name: String { "closure" }

    func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        try interpreter.invoke(self, arguments, at: offset)
    }
}
