/// One finding about a chapter: a severity, where it is, what went wrong, and notes
/// (for example the call trace of a runtime error).
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable {
        case error
        case warning
        case note
    }

    public struct Note: Sendable, Equatable {
        public var location: SourceLocation?
        public var text: String

        public init(location: SourceLocation?, text: String) {
            self.location = location
            self.text = text
        }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: any ErrorMessage
    public var notes: [Note]
    /// The chapter line the location points into, shown with a caret under the column.
    public var sourceLine: String?

    public init(
        _ message: any ErrorMessage, at location: SourceLocation?, severity: Severity = .error,
        notes: [Note] = [], sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
        self.sourceLine = sourceLine
    }

    /// Messages compare through `isEqual`, as a message of any layer is not `Equatable` itself.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.severity == rhs.severity && lhs.location == rhs.location && lhs.message.isEqual(to: rhs.message)
            && lhs.notes == rhs.notes && lhs.sourceLine == rhs.sourceLine
    }
}

extension Diagnostic {
    /// The same diagnostic about another file with the same lines, such as the file that
    /// `--output` wrote.
    public func relocated(toFile file: String) -> Diagnostic {
        var moved = self
        moved.location?.file = file
        moved.notes = notes.map { note in
            var note = note
            note.location?.file = file
            return note
        }
        return moved
    }
}
