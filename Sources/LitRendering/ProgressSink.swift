/// Receives progress text for a terminal: `isTerminal` tells whether a line may be
/// redrawn in place (`\r`) or must be written once, whole.
public struct ProgressSink: Sendable {
    public var isTerminal: Bool
    public var write: @Sendable (String) -> Void

    public init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }
}
