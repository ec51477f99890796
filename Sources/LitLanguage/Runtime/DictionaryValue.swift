/// A cell-language dictionary: value semantics like Swift's, but it keeps insertion
/// order, so that printing and iterating give the same output on every run (Swift's
/// own order changes from process to process).
public struct DictionaryValue {
    /// The kinds of value that can be keys.
    package enum Key: Hashable {
        case int(Int)
        case double(Double)
        case bool(Bool)
        case string(String)

        package init?(_ value: Value) {
            switch value {
            case .int(let n): self = .int(n)
            case .double(let d): self = .double(d)
            case .bool(let b): self = .bool(b)
            case .string(let s): self = .string(s)
            default: return nil
            }
        }
    }

    package private(set) var keys: [Value] = []
    package private(set) var values: [Value] = []
    private var positions: [Key: Int] = [:]

    package init() {}

    package var count: Int { keys.count }

    package subscript(key: Key) -> Value? {
        positions[key].map { values[$0] }
    }

    /// Sets `value` for `key`, or removes the key when `value` is nil.
    package mutating func set(_ key: Value, _ hashable: Key, to value: Value?) {
        if let position = positions[hashable] {
            if let value {
                values[position] = value
            } else {
                keys.remove(at: position)
                values.remove(at: position)
                positions[hashable] = nil
                for index in position..<keys.count { positions[Key(keys[index])!] = index }
            }
        } else if let value {
            positions[hashable] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    /// The entries as `(key: K, value: V)` tuples, as Swift's dictionaries iterate.
    package var entries: [Value] {
        zip(keys, values).map { .tuple([$0, $1], labels: ["key", "value"]) }
    }

    package func isEqual(to other: DictionaryValue) -> Bool? {
        guard count == other.count else { return false }
        for (key, value) in zip(keys, values) {
            guard let otherValue = other[Key(key)!] else { return false }
            guard let equal = value.isEqual(to: otherValue) else { return nil }
            if !equal { return false }
        }
        return true
    }
}
