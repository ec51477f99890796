/// A method of a built-in value (array, string, native object) bound to its receiver.
package final class BoundNativeMethod: Callable {
    package let name: String
    package let body: ([ArgumentValue]) throws(LanguageError) -> Value

    package init(_ name: String, _ body: @escaping ([ArgumentValue]) throws(LanguageError) -> Value) {
        self.name = name
        self.body = body
    }

    package func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        try body(arguments)
    }
}
