import Testing
import LitArchive

@Suite struct SnapshotCodingTests {
    final class Node {
        var value: Int
        init(_ value: Int) { self.value = value }
    }

    @Test func integersAreVarintsAndZigzag() {
        var writer = SnapshotWriter()
        writer.write(UInt64(300))
        writer.write(-1)
        writer.write(1)
        // 300 = 0b10_0101100: low seven bits with the continuation bit, then 2; -1 → 1, 1 → 2.
        #expect(writer.bytes == [0xAC, 0x02, 0x01, 0x02])
    }

    @Test func valuesRoundTripExactly() throws {
        var writer = SnapshotWriter()
        let doubles: [Double] = [-0.0, .nan, .infinity, .leastNonzeroMagnitude, .pi]
        for value in doubles { writer.write(value) }
        writer.write(Int.min)
        writer.write(Int.max)
        writer.write("卷积 ✓")
        writer.write([Float(1.5), -2, .leastNonzeroMagnitude])
        var reader = SnapshotReader(writer.bytes)
        for value in doubles { #expect(try reader.readDouble().bitPattern == value.bitPattern) }
        #expect(try reader.readInt() == Int.min)
        #expect(try reader.readInt() == Int.max)
        #expect(try reader.readString() == "卷积 ✓")
        #expect(try reader.readFloats() == [1.5, -2, .leastNonzeroMagnitude])
        try reader.expectEnd()
    }

    @Test func sharedObjectsComeBackAsOneInstance() throws {
        let shared = Node(7)
        var writer = SnapshotWriter()
        for node in [shared, Node(8), shared] {
            try writer.writeReference(node) { writer, node in writer.write(node.value) }
        }
        var reader = SnapshotReader(writer.bytes)
        let nodes = try (0..<3).map { _ in try reader.readReference(Node.self) { Node(try $0.readInt()) } }
        #expect(nodes.map(\.value) == [7, 8, 7])
        #expect(nodes[0] === nodes[2])
        #expect(nodes[0] !== nodes[1])
    }

    @Test func aBackReferenceToNothingIsCorrupt() {
        var writer = SnapshotWriter()
        try? writer.writeReference(Node(1)) { writer, node in writer.write(node.value) }
        var bytes = writer.bytes
        bytes[0] = 2  // turn the new object into a back-reference to an object never read
        var reader = SnapshotReader(bytes)
        #expect(throws: SnapshotError.self) { _ = try reader.readReference(Node.self) { Node(try $0.readInt()) } }
    }
}
