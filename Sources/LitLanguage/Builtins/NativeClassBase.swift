/// A library class that cells can subclass, such as `Module`: `class Net: Module { ... }`.
///
/// Objects of such a subclass are ordinary cell instances. The library sees each one
/// through an adapter (`wrap`) that holds the instance and answers the base class's
/// members from its fields and methods; the adapter keeps no state of its own, so it
/// can be made afresh whenever an instance crosses into library code.
public struct NativeClassBase {
    /// The base class's members, answered by the adapter.
    public let type: NativeType
    /// Fields every instance starts with, before its own properties' defaults.
    public let initialFields: [String: Value]
    /// Makes the library's view of an instance.
    public let wrap: (Instance) -> ScriptObject
    /// What `print` shows for an instance.
    public let describe: (Instance) -> String
    /// The subclass method that calling an instance runs (`forward` for a module), with
    /// whatever arguments that method takes.
    public let callMethod: String?

    public init(type: NativeType, initialFields: [String: Value], callMethod: String? = nil,
                wrap: @escaping (Instance) -> ScriptObject, describe: @escaping (Instance) -> String) {
        self.type = type
        self.initialFields = initialFields
        self.callMethod = callMethod
        self.wrap = wrap
        self.describe = describe
    }
}
