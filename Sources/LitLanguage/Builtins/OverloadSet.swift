/// A global function with several native overloads, tried in turn.
package final class OverloadSet: Callable {
    package let name: String
    package var overloads: [Interpreter.Overload] = []
    /// The labels the overloads accept; nil when some overload did not say.
    package var signatures: [Signature]?

    package init(_ name: String, signatures: [Signature]?) {
        self.name = name
        self.signatures = signatures
    }

    package func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        for overload in overloads {
            if let result = try overload(interpreter, arguments) { return result }
        }
        let described = arguments.map { ($0.label.map { "\($0): " } ?? "") + $0.value.typeName }
        throw .here(.noMatchingOverload(name: name, arguments: described))
    }
}
