/// An operator passed as a function, as in `reduce(0, +)`.
package final class OperatorFunction: Callable {
    package let op: String
    package init(_ op: String) { self.op = op }
    package var name: String { op }

    package func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        guard arguments.count == 2 else {
            throw LanguageError(.wrongArgumentCount(callee: op, expected: 2, found: arguments.count), at: offset)
        }
        return try interpreter.applyBinary(op, arguments[0].value, arguments[1].value,
                                           lhsIsLiteral: false, rhsIsLiteral: false, at: offset)
    }
}
