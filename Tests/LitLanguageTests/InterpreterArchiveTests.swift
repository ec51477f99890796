import LitArchive
import LitLanguage
import Testing

/// A toy native object that holds one cell value, as a library `Sequential` holds the
/// cell-class layers in it.
private final class Box: ScriptObject {
    var content: Value
    init(_ content: Value) { self.content = content }

    var scriptType: NativeType { Box.type }

    static let type: NativeType = {
        let type = NativeType(name: "Box", describe: { "Box(\(($0 as! Box).content))" })
        type.property("content", get: { ($0 as! Box).content }, set: { ($0 as! Box).content = $1 })
        return type
    }()
}

private struct BoxArchiver: NativeArchiver {
    func heldValues(of object: ScriptObject) -> [Value] { [(object as! Box).content] }

    func write(_ object: ScriptObject, to writer: inout SnapshotWriter, values: InterpreterArchive.ValueWriter) throws {
        try values.write((object as! Box).content, to: &writer)
    }

    func read(from reader: inout SnapshotReader, values: InterpreterArchive.ValueReader) throws -> ScriptObject {
        Box(try values.read(from: &reader))
    }
}

/// An interpreter's state saved after some cells and restored into a fresh one: every
/// later cell then prints exactly what it prints in the interpreter that ran them all.
@Suite struct InterpreterArchiveTests {
    static func interpreter() -> Interpreter {
        let interpreter = Interpreter(seed: 7)
        interpreter.define("Box") { _, arguments in .native(Box(arguments.first?.value ?? .nilValue)) }
        return interpreter
    }

    static func snapshot(_ interpreter: Interpreter) throws -> [UInt8] {
        var writer = SnapshotWriter()
        try InterpreterArchive.save(interpreter, natives: BoxArchiver(), into: &writer)
        return writer.bytes
    }

    static func restored(_ bytes: [UInt8], cells: [String]) throws -> Interpreter {
        let interpreter = interpreter()
        for (index, code) in cells.enumerated() { try interpreter.registerDeclarations(of: code, cell: index + 1) }
        var reader = SnapshotReader(bytes)
        try InterpreterArchive.restore(interpreter, natives: BoxArchiver(), from: &reader)
        try reader.expectEnd()
        return interpreter
    }

    /// Runs `before`, saves, restores into a fresh interpreter, then runs `after` in both
    /// and expects the same output from each cell.
    static func expectResumesExactly(before: [String], after: [String]) throws {
        let original = interpreter()
        for (index, code) in before.enumerated() { _ = try original.run(code, cell: index + 1) }
        let copy = try restored(try snapshot(original), cells: before)
        for (index, code) in after.enumerated() {
            let cell = before.count + index + 1
            let expected = try original.run(code, cell: cell).text
            let found = try copy.run(code, cell: cell).text
            #expect(found == expected, "cell \(cell): \(code)")
            #expect(!expected.isEmpty)
        }
    }

    @Test func plainValuesSurvive() throws {
        try Self.expectResumesExactly(
            before: [
                """
                let n = -42
                var x = 0.1 + 0.2
                let nan = Double.nan
                let s = "héllo, 世界 \\"quoted\\""
                let empty = ""
                var list = [1, 2, 3]
                let nested = [[1.5], [], [2.5, -0.0]]
                var table = ["b": 2, "a": 1, "c": 3]
                let pair = (x: 1, y: "two")
                let bare = (1, true)
                var maybe: Int? = nil
                let some: String? = "here"
                let r = 1..<5
                let closed = 2...4
                let typed: [String: [Int]] = ["k": [1]]
                """,
                "table[\"a\"] = nil\ntable[\"d\"] = 4\nlist.append(4)",
            ],
            after: [
                "print(n, x, nan.isNaN, s, empty.isEmpty, list, nested, table, pair, pair.y, bare, maybe == nil, some!, r, closed, typed)",
                "for (k, v) in table { print(k, v) }\nx += 1\nprint(x)",
                "maybe = 3\nprint(maybe!)",
            ])
    }

    @Test func closuresShareTheVariablesTheyCaptured() throws {
        try Self.expectResumesExactly(
            before: [
                """
                var counter = 0
                func bump() -> Int {
                    counter += 1
                    return counter
                }
                let scaled = { counter * 10 }
                func makeAdder(_ step: Int) -> (Int) -> Int {
                    var total = 0
                    return { x in
                        total += step + x
                        return total
                    }
                }
                let add = makeAdder(5)
                """,
                "counter = 5\nprint(add(1))",
            ],
            after: ["print(bump(), scaled(), counter, add(2), add(3))", "counter = 100\nprint(scaled(), bump())"])
    }

    @Test func classesInstancesCyclesAndSharedReferences() throws {
        try Self.expectResumesExactly(
            before: [
                """
                class Node {
                    var name: String
                    var next: Node?
                    init(_ name: String) { self.name = name }
                    func describe() -> String { "node " + name }
                }
                class Special: Node {
                    var weight = 2.5
                    override func describe() -> String { "special " + name + " \\(weight)" }
                }
                let a = Node("a")
                let b = Special("b")
                a.next = b
                b.next = a
                let same = [a, a, b]
                let method = a.describe
                """,
                "a.name = \"A\"",
            ],
            after: [
                "print(a.next!.next!.name, b.describe(), method(), same[0] === same[1], same[0] === a)",
                "same[1].name = \"changed\"\nprint(a.name, b.next!.name)",
                "let c = Special(\"c\")\nprint(c.describe())",
            ])
    }

    @Test func nativeObjectsKeepTheirIdentityAndTheInstancesTheyHold() throws {
        try Self.expectResumesExactly(
            before: [
                """
                class Tag {
                    var text = "t"
                }
                let tag = Tag()
                let box = Box(tag)
                let boxes = [box, box]
                let holder = Box(Box(3))
                """,
            ],
            after: [
                "boxes[0].content = 9\nprint(box.content, boxes[1].content, holder.content.content)",
                "let t = Box(0)\nprint(t.content)",
            ])
        // The box held the very instance the global names.
        try Self.expectResumesExactly(
            before: ["class Tag {\n var text = \"t\"\n}\nlet tag = Tag()\nlet box = Box(tag)"],
            after: ["tag.text = \"u\"\nprint(box.content.text)"])
    }

    @Test func theRandomStreamContinues() throws {
        try Self.expectResumesExactly(
            before: ["let first = Int.random(in: 0..<1_000_000)"],
            after: ["print(Int.random(in: 0..<1_000_000), Bool.random(), [1, 2, 3, 4, 5].shuffled())"])
    }

    @Test func aValueItCannotHoldIsRefusedNotGuessed() throws {
        let interpreter = Self.interpreter()
        _ = try interpreter.run("let upper = \"abc\".uppercased", cell: 1)
        #expect(throws: SnapshotError.self) { try Self.snapshot(interpreter) }
    }

    @Test func damagedSnapshotsThrowAndNeverTrap() throws {
        let cells = ["class K {\n var v = [1, 2]\n}\nlet k = K()\nlet f = { k.v.count }\nvar d = [\"x\": (1, 2.5)]"]
        let original = Self.interpreter()
        _ = try original.run(cells[0], cell: 1)
        let bytes = try Self.snapshot(original)
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) { _ = try Self.restored(Array(bytes.prefix(length)), cells: cells) }
        }
        // Flipped bytes either fail to decode or decode into something; none may crash.
        var state: UInt64 = 1
        for _ in 0..<300 {
            state = state &* 6_364_136_223_846_793_005 &+ 1
            var damaged = bytes
            let index = Int(state >> 33) % damaged.count
            damaged[index] ^= UInt8(truncatingIfNeeded: state >> 20) | 1
            _ = try? Self.restored(damaged, cells: cells)
        }
        // A snapshot of cells that changed meanwhile no longer finds its declarations.
        #expect(throws: (any Error).self) { _ = try Self.restored(bytes, cells: ["let k = 1"]) }
    }
}
