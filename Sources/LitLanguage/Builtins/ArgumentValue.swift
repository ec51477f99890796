/// An argument as a callee receives it.
public struct ArgumentValue {
    public var label: String?
    public var value: Value
    /// The argument was written as an integer literal, so it may become a `Double`,
    /// as Swift literals adapt to context.
    public var isIntegerLiteral: Bool

    public init(label: String?, value: Value, isIntegerLiteral: Bool = false) {
        self.label = label
        self.value = value
        self.isIntegerLiteral = isIntegerLiteral
    }
}
