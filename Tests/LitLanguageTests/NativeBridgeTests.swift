import LitDiagnostics
import LitLanguage
import LitTestSupport
import Testing

/// The toy library's own errors, raised into cells as the language's `.library` message.
private enum VectorError: ErrorMessage, Equatable {
    case scaledNeedsOneDouble
    case callNeedsInt
    case indexNeedsInt
    case sizeMismatch(Int, Int)

    var description: String {
        switch self {
        case .scaledNeedsOneDouble: "scaled(by:) takes one Double"
        case .callNeedsInt: "call with an Int"
        case .indexNeedsInt: "index with an Int"
        case .sizeMismatch(let a, let b): "cannot add vectors of sizes [\(a)] and [\(b)]"
        }
    }
}

/// A toy library type, bridged the way the tensor library will be: cells see it as a
/// native Swift object with members, operators, subscripts and iteration.
private final class Vector: ScriptObject {
    var values: [Double]
    var label = ""

    init(_ values: [Double]) { self.values = values }

    var scriptType: NativeType { Vector.type }

    static let type: NativeType = {
        let type = NativeType(name: "Vector", describe: describe)
        type.property("count", get: { .int(($0 as! Vector).values.count) })
        type.property("label", get: { .string(($0 as! Vector).label) }, set: setLabel)
        type.method("scaled", scaled)
        type.method("callAsFunction", element)
        type.binaryOperator = binary
        type.prefixOperator = negate
        type.subscriptGet = subscriptValue
        type.makeIterator = iterate
        return type
    }()

    private static func describe(_ object: ScriptObject) -> String {
        let vector = object as! Vector
        return "Vector(\(vector.values))" + (vector.label.isEmpty ? "" : " \"\(vector.label)\"")
    }

    private static func setLabel(_ object: ScriptObject, _ value: Value) throws(LanguageError) {
        guard case .string(let text) = value else { throw .here(.cannotConvert(from: value.typeName, to: "String")) }
        (object as! Vector).label = text
    }

    private static func scaled(_ object: ScriptObject, _ arguments: [ArgumentValue]) throws(LanguageError) -> Value {
        guard arguments.count == 1, arguments[0].label == "by", let factor = number(arguments[0]) else {
            throw .here(.library(VectorError.scaledNeedsOneDouble))
        }
        return .native(Vector((object as! Vector).values.map { $0 * factor }))
    }

    private static func element(_ object: ScriptObject, _ arguments: [ArgumentValue]) throws(LanguageError) -> Value {
        let values = (object as! Vector).values
        guard arguments.count == 1, case .int(let index) = arguments[0].value else { throw .here(.library(VectorError.callNeedsInt)) }
        return .double(values[index % values.count])
    }

    private static func binary(_ op: String, _ lhs: Value, _ rhs: Value) throws(LanguageError) -> Value? {
        switch (op, lhs, rhs) {
        case ("+", .native(let a as Vector), .native(let b as Vector)):
            guard a.values.count == b.values.count else {
                throw .here(.library(VectorError.sizeMismatch(a.values.count, b.values.count)))
            }
            return .native(Vector(zip(a.values, b.values).map { $0 + $1 }))
        case ("*", .double(let s), .native(let v as Vector)), ("*", .native(let v as Vector), .double(let s)):
            return .native(Vector(v.values.map { $0 * s }))
        default:
            return nil
        }
    }

    private static func negate(_ op: String, _ object: ScriptObject) throws(LanguageError) -> Value? {
        op == "-" ? .native(Vector((object as! Vector).values.map { -$0 })) : nil
    }

    private static func subscriptValue(_ object: ScriptObject, _ arguments: [ArgumentValue]) throws(LanguageError) -> Value {
        let values = (object as! Vector).values
        guard arguments.count == 1, case .int(let index) = arguments[0].value else { throw .here(.library(VectorError.indexNeedsInt)) }
        guard values.indices.contains(index) else { throw .here(.indexOutOfRange(index: index, count: values.count)) }
        return .double(values[index])
    }

    private static func iterate(_ object: ScriptObject) throws(LanguageError) -> AnyIterator<Value> {
        var iterator = (object as! Vector).values.makeIterator()
        return AnyIterator { iterator.next().map { .double($0) } }
    }

    private static func number(_ argument: ArgumentValue) -> Double? {
        switch argument.value {
        case .double(let d): d
        case .int(let n) where argument.isIntegerLiteral: Double(n)
        default: nil
        }
    }
}

@Suite struct NativeBridgeTests {
    private func interpreter() -> Interpreter {
        let interpreter = Interpreter(seed: 0)
        interpreter.define("Vector") { _, arguments in
            guard arguments.count == 1, case .array(let items) = arguments[0].value else { return nil }
            let values = items.compactMap { item -> Double? in
                if case .double(let d) = item { return d }
                if case .int(let n) = item { return Double(n) }
                return nil
            }
            return values.count == items.count ? .native(Vector(values)) : nil
        }
        return interpreter
    }

    @Test func membersOperatorsSubscriptsAndIteration() throws {
        let text = try interpreter().run("""
            let v: Vector = Vector([1, 2, 3])
            let w = -(v + v.scaled(by: 2)) * 0.5
            var v2 = v
            v2.label = "half"
            var total = 0.0
            for x in w { total += x }
            print(w, v.count, w[2], total, v(4), v2)
            func norm1(_ x: Vector) -> Double { x.count == 0 ? 0 : x[0] }
            norm1(v)
            """, cell: 1).text
        #expect(text == "Vector([-1.5, -3.0, -4.5]) 3 -4.5 -9.0 2.0 Vector([1.0, 2.0, 3.0]) \"half\"\n1.0\n")
    }

    @Test func errorsFromNativeCodeCarryTheCallPosition() throws {
        let code = "let a = Vector([1, 2])\nlet b = Vector([1, 2, 3])\nlet c = a + b"
        var caught: LanguageError?
        do { _ = try interpreter().run(code, cell: 1) } catch { caught = error }
        #expect(caught?.message == .library(VectorError.sizeMismatch(2, 3)))
        #expect(caught?.message.description == "cannot add vectors of sizes [2] and [3]")
        #expect(caught?.offset == code.utf8Offset(of: "+"))

        let indexing = "let a = Vector([1, 2])\nprint(a[7])"
        do { _ = try interpreter().run(indexing, cell: 1); Issue.record("expected an error") } catch {
            #expect(error.message == .indexOutOfRange(index: 7, count: 2))
            #expect(error.offset == indexing.utf8Offset(of: "[", occurrence: 2))
        }
    }

    @Test func nativeTypesInAnnotationsAreChecked() throws {
        var caught: LanguageError?
        do { _ = try interpreter().run("let v: Vector = 3", cell: 1) } catch { caught = error }
        #expect(caught?.message == .cannotConvert(from: "Int", to: "Vector"))
    }
}
