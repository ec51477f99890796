/// The members of dictionaries. Sequence methods (`map`, `sorted(by:)`, `forEach`...) see
/// the entries as `(key:, value:)` tuples, as Swift's do.
extension Interpreter {
    package func dictionaryMember(_ name: String, _ dictionary: DictionaryValue, at offset: Int) throws(LanguageError) -> Value? {
        switch name {
        case "count": return .int(dictionary.count)
        case "isEmpty": return .bool(dictionary.count == 0)
        case "keys": return .array(dictionary.keys)
        case "values": return .array(dictionary.values)
        case "filter":
            // Swift's `Dictionary.filter` keeps a dictionary.
            return method(name) { (args) throws(LanguageError) in
                let predicate = try self.argument(args, 0, label: nil)
                var kept = DictionaryValue()
                for (key, value) in zip(dictionary.keys, dictionary.values)
                    where try self.isTrue(try self.call(predicate, .tuple([key, value], labels: ["key", "value"]))) {
                    kept.set(key, DictionaryValue.Key(key)!, to: value)
                }
                return .dictionary(kept)
            }
        case "mapValues":
            return method(name) { (args) throws(LanguageError) in
                let transform = try self.argument(args, 0, label: nil)
                var mapped = DictionaryValue()
                for (key, value) in zip(dictionary.keys, dictionary.values) {
                    mapped.set(key, DictionaryValue.Key(key)!, to: try self.call(transform, value))
                }
                return .dictionary(mapped)
            }
        case "first", "last", "indices":
            return nil
        default:
            return try arrayMember(name, dictionary.entries, at: offset)
        }
    }

    /// `removeValue(forKey:)` and `removeAll()`, applied in place.
    package func mutateDictionary(_ value: inout Value, _ name: String, _ args: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        guard case .dictionary(var dictionary) = value else { return .void }
        value = .void  // let `dictionary` be uniquely referenced
        defer { value = .dictionary(dictionary) }
        switch name {
        case "removeValue":
            guard args.count == 1, args[0].label == "forKey" else {
                throw error(.wrongArgumentLabels(callee: "removeValue", expected: "removeValue(forKey:)",
                                                 found: "removeValue" + Signature.spelling(args.map(\.label))), at: offset)
            }
            let (key, hashable, _) = try dictionaryKey([ArgumentValue(label: nil, value: args[0].value)], at: offset)
            let old = dictionary[hashable] ?? .nilValue
            dictionary.set(key, hashable, to: nil)
            return old
        case "removeAll":
            dictionary = DictionaryValue()
            return .void
        default:
            throw error(.undefinedMember(type: Value.dictionary(dictionary).typeName, member: name), at: offset)
        }
    }
}
