/// Anything the cell language can call: user functions, closures, built-ins, bound methods.
public protocol Callable: AnyObject {
    var name: String { get }
    func call(_ interpreter: Interpreter, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value
}
