/// Anything the cell language can call: user functions, closures, built-ins, bound methods.
public protocol Callable: AnyObject {
    var name: String { get }
    func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value
}

/// A built-in function implemented in Swift.
public final class NativeFunction: Callable {
    public typealias Body = (Interpreter, [ArgumentValue]) throws(LanguageError) -> Value
    public let name: String
    let body: Body

    public init(_ name: String, _ body: @escaping Body) {
        self.name = name
        self.body = body
    }

    public func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        try body(interpreter, arguments)
    }
}

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

/// An operator passed as a function, as in `reduce(0, +)`.
final class OperatorFunction: Callable {
    let op: String
    init(_ op: String) { self.op = op }
    var name: String { op }

    func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        guard arguments.count == 2 else {
            throw LanguageError(.wrongArgumentCount(callee: op, expected: 2, found: arguments.count), at: offset)
        }
        return try interpreter.applyBinary(op, arguments[0].value, arguments[1].value,
                                           lhsIsLiteral: false, rhsIsLiteral: false, at: offset)
    }
}

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
