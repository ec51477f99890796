/// A runtime value of the cell language. Native library objects (tensors, layers,
/// data loaders) travel as `.native`, so built-ins call the real Swift types.
public enum Value {
    case void
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case array([Value])
    case dictionary(DictionaryValue)
    /// A tuple; `labels` is nil when no element is labelled.
    case tuple([Value], labels: [String?]?)
    case nilValue
    /// An integer range, stored half-open as `lower..<upper`; `closed` remembers that it
    /// was written `a...b` (stored as `a..<b+1`), for printing.
    case range(Int, Int, closed: Bool = false)
    case function(Callable)
    case object(Instance)
    case native(ScriptObject)
    /// A class used as a value, as in `Conv2d(...)`.
    case classRef(ClassInfo)

    /// The type name Swift would print in an error message.
    public var typeName: String {
        switch self {
        case .void: "()"
        case .int: "Int"
        case .double: "Double"
        case .bool: "Bool"
        case .string: "String"
        case .array(let items): "[\(Value.commonTypeName(items))]"
        case .dictionary(let dictionary):
            "[\(Value.commonTypeName(dictionary.keys)): \(Value.commonTypeName(dictionary.values))]"
        case .tuple(let items, _): "(" + items.map(\.typeName).joined(separator: ", ") + ")"
        case .nilValue: "Optional"
        case .range(_, _, let closed): closed ? "ClosedRange<Int>" : "Range<Int>"
        case .function: "function"
        case .object(let instance): instance.classInfo.name
        case .native(let object): object.scriptType.name
        case .classRef(let info): "\(info.name).Type"
        }
    }

    package static func commonTypeName(_ items: [Value]) -> String {
        guard let first = items.first else { return "Any" }
        let name = first.typeName
        return items.allSatisfy({ $0.typeName == name }) ? name : "Any"
    }

    /// The bounds a one-sided range (`3...`, `..<5`) leaves open.
    package static let unboundedLower = Int.min
    package static let unboundedUpper = Int.max

    /// A range's bounds over a collection of `count` elements, its open ends filled in.
    package static func bounds(_ lower: Int, _ upper: Int, count: Int) -> (lower: Int, upper: Int) {
        (lower == unboundedLower ? 0 : lower, upper == unboundedUpper ? count : upper)
    }

    package var isFunction: Bool {
        if case .function = self { return true }
        return false
    }

    package var isNone: Bool {
        if case .nilValue = self { return true }
        return false
    }
}

extension Value: CustomStringConvertible {
    /// What `print` shows, following Swift's `description` for each type.
    public var description: String { render(quoted: false) }

    package func render(quoted: Bool) -> String {
        switch self {
        case .void: return "()"
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        case .string(let s): return quoted ? "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : s
        case .array(let items): return "[" + items.map { $0.render(quoted: true) }.joined(separator: ", ") + "]"
        case .dictionary(let dictionary):
            guard dictionary.count > 0 else { return "[:]" }
            return "[" + zip(dictionary.keys, dictionary.values).map { "\($0.render(quoted: true)): \($1.render(quoted: true))" }
                .joined(separator: ", ") + "]"
        case .tuple(let items, let labels):
            let parts = items.enumerated().map { i, item in
                let label = labels?[i].map { "\($0): " } ?? ""
                return label + item.render(quoted: true)
            }
            return "(" + parts.joined(separator: ", ") + ")"
        case .nilValue: return "nil"
        case .range(let lower, let upper, let closed):
            let from = lower == Value.unboundedLower ? "" : String(lower)
            if upper == Value.unboundedUpper { return "\(from)..." }
            return closed ? "\(from)...\(upper - 1)" : "\(from)..<\(upper)"
        case .function(let f): return "(function \(f.name))"
        case .object(let instance): return instance.classInfo.nativeBase?.describe(instance) ?? instance.classInfo.name
        case .native(let object): return object.scriptType.describe(object)
        case .classRef(let info): return info.name
        }
    }
}

extension Value {
    /// Structural equality, as Swift's `==` on Equatable values.
    package func isEqual(to other: Value) -> Bool? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.nilValue, .nilValue): return true
        case (.nilValue, _), (_, .nilValue): return false
        case (.range(let a, let b, _), .range(let c, let d, _)): return a == c && b == d
        case (.array(let a), .array(let b)), (.tuple(let a, _), .tuple(let b, _)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) {
                guard let equal = x.isEqual(to: y) else { return nil }
                if !equal { return false }
            }
            return true
        case (.dictionary(let a), .dictionary(let b)): return a.isEqual(to: b)
        case (.object(let a), .object(let b)): return a === b
        default: return nil
        }
    }
}
