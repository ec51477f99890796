/// A method of a built-in value (array, string, native object) bound to its receiver.
final class BoundNativeMethod: Callable {
    let name: String
    let body: ([ArgumentValue]) throws(LanguageError) -> Value

    init(_ name: String, _ body: @escaping ([ArgumentValue]) throws(LanguageError) -> Value) {
        self.name = name
        self.body = body
    }

    func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        try body(arguments)
    }
}
