/// A closure literal with the scope it captured.
package final class Closure: Callable {
    package let literal: ClosureLiteral
    package let scope: Scope
    package let receiver: Instance?
    package let owner: ClassInfo?
    package let cell: Int

    package init(_ literal: ClosureLiteral, scope: Scope, receiver: Instance?, owner: ClassInfo?, cell: Int) {
        self.literal = literal
        self.scope = scope
        self.receiver = receiver
        self.owner = owner
        self.cell = cell
    }

    package var name: String { "closure" }

    package func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        try interpreter.invoke(self, arguments, at: offset)
    }
}
