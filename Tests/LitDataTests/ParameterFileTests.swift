import LitArchive
import LitData
import LitTensor
import Testing

/// The parameter-file format: what `save` keeps comes back bit for bit, and every
/// truncated, corrupt or foreign file is a clear error, never a crash or a huge allocation.
@Suite struct ParameterFileTests {
    /// A file's contents as plain values: its kind, and each tensor's name, shape and bits.
    static func summary(_ contents: ParameterFile.Contents) -> [String] {
        func tensor(_ name: String, _ t: Tensor) -> String { "\(name) \(t.shape) \(t.scalars.map(\.bitPattern))" }
        switch contents {
        case .tensor(let t): return ["tensor", tensor("", t)]
        case .array(let tensors): return ["array"] + tensors.map { tensor("", $0) }
        case .named(let entries): return ["named"] + entries.map { tensor($0.name, $0.tensor) }
        }
    }

    static var weight: Tensor { Tensor(shape: [2, 3], scalars: [1, -2.5, .nan, -0.0, .infinity, 1e-30]) }
    static var bias: Tensor { Tensor(shape: [3], scalars: [0.1, 0.2, 0.3]) }
    static var examples: [ParameterFile.Contents] { [
        .tensor(weight),
        .tensor(Tensor(4)),
        .tensor(Tensor(shape: [2, 0, 3], scalars: [])),
        .array([weight, bias]),
        .array([]),
        .named([("0.weight", weight), ("0.bias", bias), ("隐藏.bias", Tensor(shape: [1], scalars: [7]))]),
        .named([]),
    ] }

    @Test(arguments: examples.indices)
    func contentsRoundTripExactly(_ index: Int) throws {
        let contents = Self.examples[index]
        let file = try ParameterFile.encode(contents, name: "x.params")
        #expect(Self.summary(try ParameterFile.decode(file, name: "x.params")) == Self.summary(contents))
    }

    @Test func everyTruncationIsReportedAsTruncated() throws {
        let file = try ParameterFile.encode(.named([("0.weight", Self.weight), ("0.bias", Self.bias)]), name: "mlp.params")
        for length in 0..<file.count {
            #expect(throws: ParameterFileError.truncated(name: "mlp.params"), "length \(length)") {
                try ParameterFile.decode(Array(file.prefix(length)), name: "mlp.params")
            }
        }
        #expect(ParameterFileError.truncated(name: "mlp.params").description
                == "'mlp.params' is truncated: it ends before the values it promises")
    }

    @Test func everyChangedByteIsAnError() throws {
        let file = try ParameterFile.encode(.array([Self.weight, Self.bias]), name: "x")
        for index in file.indices {
            var changed = file
            changed[index] ^= 0x5A
            #expect(throws: ParameterFileError.self, "byte \(index)") { try ParameterFile.decode(changed, name: "x") }
        }
    }

    /// A payload in a well-formed envelope, as a hand-made or buggy writer might produce.
    static func sealed(version: UInt32 = ParameterFile.formatVersion, key: String = "litrun parameters",
                       _ body: (inout SnapshotWriter) -> Void) -> [UInt8] {
        var writer = SnapshotWriter()
        body(&writer)
        return SnapshotFile.seal(writer.bytes, key: key, version: version)
    }

    static func tensor(_ shape: [UInt64], count: UInt64, into writer: inout SnapshotWriter) {
        writer.write(UInt64(shape.count))
        for size in shape { writer.write(size) }
        writer.write(count)
        for _ in 0..<min(count, 16) { writer.write(Float(1)) }
    }

    static let malformed: [(file: [UInt8], error: ParameterFileError)] = [
        (sealed { $0.write(UInt64(9)) }, .corrupt(name: "f", reason: "it holds an unknown kind of value")),
        (sealed { $0.write(UInt64(1)); tensor([3], count: 2, into: &$0) }, .corrupt(name: "f", reason: "it holds 2 values for shape [3]")),
        (sealed { $0.write(UInt64(1)); tensor([1 << 40, 1 << 40], count: 0, into: &$0) },
         .corrupt(name: "f", reason: "it holds a size of 1099511627776")),
        (sealed { $0.write(UInt64(1)); tensor([1 << 20, 1 << 20], count: 0, into: &$0) },
         .corrupt(name: "f", reason: "it holds a tensor of shape [1048576, 1048576]")),
        // Counts no file this size could hold are refused before anything is allocated.
        (sealed { $0.write(UInt64(1)); tensor([1 << 30], count: 1 << 30, into: &$0) }, .truncated(name: "f")),
        (sealed { $0.write(UInt64(2)); $0.write(UInt64.max >> 1) }, .truncated(name: "f")),
        (sealed { $0.write(UInt64(1)); $0.write(UInt64.max >> 1) }, .truncated(name: "f")),
        (sealed {
            $0.write(UInt64(3)); $0.write(UInt64(2))
            $0.write("a"); tensor([1], count: 1, into: &$0)
            $0.write("a"); tensor([1], count: 1, into: &$0)
        }, .corrupt(name: "f", reason: "it holds the name \"a\" twice")),
        (sealed { $0.write(UInt64(1)); tensor([1], count: 1, into: &$0); $0.write(UInt64(0)) },
         .corrupt(name: "f", reason: "it holds unread bytes at the end (1)")),
        (sealed(key: "snapshot key") { $0.write(UInt64(1)) }, .notAParameterFile(name: "f")),
        (sealed(version: 7) { $0.write(UInt64(1)) }, .otherVersion(name: "f", found: 7, expected: 1)),
        (Array("x,y\n1,2\n".utf8), .notAParameterFile(name: "f")),
    ]

    @Test(arguments: malformed.indices)
    func malformedPayloadsGetAClearError(_ index: Int) {
        let (file, error) = Self.malformed[index]
        #expect(throws: error) { try ParameterFile.decode(file, name: "f") }
    }

    @Test func messagesNameTheFile() {
        #expect(ParameterFileError.notAParameterFile(name: "x-file").description == "'x-file' is not a parameter file written by save(_:_:)")
        #expect(ParameterFileError.otherVersion(name: "m", found: 7, expected: 1).description
                == "'m' has parameter-file format version 7, this litrun reads version 1; save it again")
        #expect(ParameterFileError.tooLarge(name: "big", bytes: 300 << 20, limit: 256 << 20).description
                == "'big' would take 300 MiB, more than the 256 MiB a parameter file may hold")
    }
}
