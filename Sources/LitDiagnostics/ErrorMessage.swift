/// A message an error shows its reader. Each layer names its own errors with an enum that
/// conforms, so that tests match a case while users read `description`.
public protocol ErrorMessage: Error, Sendable, CustomStringConvertible {
    /// Whether `other` is the same message: lets a `Diagnostic`, which holds a message of
    /// any layer, stay `Equatable`.
    func isEqual(to other: any ErrorMessage) -> Bool
}

extension ErrorMessage where Self: Equatable {
    public func isEqual(to other: any ErrorMessage) -> Bool {
        (other as? Self) == self
    }
}

extension ErrorMessage {
    /// The words users see.
    public var text: String { description }
}
