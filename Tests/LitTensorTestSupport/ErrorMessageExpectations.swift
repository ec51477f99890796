import LitDiagnostics
import Testing

/// Expects `body` to throw `expected`, and its words to read `text` exactly: the case is
/// what the code means, the text what users see.
package func expectThrows<Failure: ErrorMessage & Equatable, Result>(
    _ expected: Failure, text: String, _ comment: Comment? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation, _ body: () throws -> Result
) {
    let error = #expect(throws: expected, comment, sourceLocation: sourceLocation) { try body() }
    #expect(error?.description == text, comment, sourceLocation: sourceLocation)
}
