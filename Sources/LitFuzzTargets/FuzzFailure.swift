/// A promise litrun broke for one input: bytes changed that should not have, or a
/// chapter it wrote does not read back as it should.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
