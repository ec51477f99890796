/// The three stages of litrun that libFuzzer drives: the chapter reader and splicer, the
/// checks made before a cell runs, and running a cell. Each takes bytes as a file holds
/// them and hands litrun what it would hand itself; errors litrun reports are expected.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case document
    case parser
    case interpreter

    /// Runs one input; throws when a promise litrun makes does not hold for it.
    public func run(_ bytes: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .document: try DocumentFuzzing.run(bytes)
        case .parser: try ParserFuzzing.run(bytes)
        case .interpreter: try InterpreterFuzzing.run(bytes)
        }
    }

    /// The body of `LLVMFuzzerTestOneInput`: a broken promise stops the process, which
    /// libFuzzer reports as a crash and saves the input.
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
        do {
            try run(bytes)
        } catch {
            fatalError("\(rawValue) fuzz target: \(error.description)")
        }
        return 0
    }
}
