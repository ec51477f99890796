import LitDiagnostics

/// An error found while lexing, parsing, resolving or running a cell, positioned by
/// byte offset in the cell's code. The runner turns it into a chapter `Diagnostic`.
public struct LanguageError: Error, Sendable {
    public var message: LanguageMessage
    /// Byte offset in the cell's code.
    public var offset: Int
    /// Innermost call first: where each active call was made, for a runtime error
    /// inside functions.
    public var trace: [TraceEntry] = []

    public struct TraceEntry: Sendable, Equatable {
        public var function: String
        /// Which cell's code `offset` is in (functions may be declared in earlier cells).
        public var cell: Int
        public var offset: Int

        public init(function: String, cell: Int, offset: Int) {
            self.function = function
            self.cell = cell
            self.offset = offset
        }
    }

    /// The cell the offset points into; nil means the cell being run.
    public var cell: Int?

    /// An error raised by a built-in, which does not know where it was called from;
    /// the interpreter fills in the call's position.
    public static func here(_ message: LanguageMessage) -> LanguageError {
        LanguageError(message, at: unpositioned)
    }

    public static let unpositioned = -1

    public init(_ message: LanguageMessage, at offset: Int, cell: Int? = nil) {
        self.message = message
        self.offset = offset
        self.cell = cell
    }
}
