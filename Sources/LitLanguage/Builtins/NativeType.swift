/// How the cell language sees one native type: its members, operators and printing.
/// Libraries describe their types once; the interpreter stays generic.
public final class NativeType: @unchecked Sendable {
    public typealias Method = (ScriptObject, [ArgumentValue]) throws(LanguageError) -> Value
    public typealias Getter = (ScriptObject) throws(LanguageError) -> Value
    public typealias Setter = (ScriptObject, Value) throws(LanguageError) -> Void
    /// A method that needs the interpreter: to draw from the chapter's one generator
    /// (`--seed`), or to call a closure it is given.
    public typealias InterpreterMethod = (ScriptObject, [ArgumentValue], Interpreter) throws(LanguageError) -> Value

    public let name: String
    public private(set) var properties: [String: Getter] = [:]
    public private(set) var setters: [String: Setter] = [:]
    public private(set) var methods: [String: Method] = [:]
    public private(set) var interpreterMethods: [String: InterpreterMethod] = [:]
    /// `lhs op rhs` where either side is of this type; nil when it does not apply.
    public var binaryOperator: ((String, Value, Value) throws(LanguageError) -> Value?)?
    public var prefixOperator: ((String, ScriptObject) throws(LanguageError) -> Value?)?
    /// `object op= value` that changes the object where it is (`t -= lr * g` on a tensor),
    /// given the operator without its `=`; false when it does not apply, and the
    /// assignment then stores `object op value` as usual.
    public var compoundAssignment: ((String, ScriptObject, Value) throws(LanguageError) -> Bool)?
    public var subscriptGet: ((ScriptObject, [ArgumentValue]) throws(LanguageError) -> Value)?
    /// `object[indices] = value`, changing the object where it is; `op=` reads through
    /// `subscriptGet` first.
    public var subscriptSet: ((ScriptObject, [ArgumentValue], Value) throws(LanguageError) -> Void)?
    /// Makes the object usable in `for x in object`.
    public var makeIterator: ((ScriptObject) throws(LanguageError) -> AnyIterator<Value>)?
    public var describe: (ScriptObject) -> String

    public init(name: String, describe: @escaping (ScriptObject) -> String = { _ in "" }) {
        self.name = name
        self.describe = describe
    }

    // Registration goes through methods: Swift 6.3 crashes compiling a typed-throws
    // closure literal that returns Void when it is stored straight into a dictionary.

    /// Adds a read-only property, or a settable one when `set` is given.
    public func property(_ name: String, get: @escaping Getter, set: Setter? = nil) {
        properties[name] = get
        setters[name] = set
    }

    /// Adds a method; `callAsFunction` makes the object callable.
    public func method(_ name: String, _ body: @escaping Method) {
        methods[name] = body
    }

    /// Adds a method that needs the interpreter, such as `fillNormal` or `apply`.
    public func interpreterMethod(_ name: String, _ body: @escaping InterpreterMethod) {
        interpreterMethods[name] = body
    }

    /// Names of the library superclasses, so that a `Conv2d` passes where a `Module` is wanted.
    public var supertypeNames: Set<String> = []

    public func isKind(of typeName: String) -> Bool {
        name == typeName || supertypeNames.contains(typeName)
    }

    public var memberNames: Set<String> {
        Set(properties.keys).union(methods.keys).union(interpreterMethods.keys)
    }
}
