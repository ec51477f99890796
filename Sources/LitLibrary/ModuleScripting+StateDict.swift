import LitLanguage
import LitNN
import LitTensor

/// `net.stateDict()` and `net.loadStateDict(sd)`, PyTorch's `state_dict()` and
/// `load_state_dict()`: the cell value is a `[String: Tensor]` dictionary in the state
/// dict's order, so that `sd["0.weight"]` reads one entry.
extension ModuleScripting {
    static func installStateDictMembers(_ type: NativeType) {
        type.method("stateDict") { object, args throws(LanguageError) in
            try ScriptArguments(args, "stateDict").check(labels: [], count: 0...0)
            return .dictionary(dictionary((object as! Module).stateDict()))
        }
        type.method("loadStateDict") { object, args throws(LanguageError) in
            try ScriptArguments(args, "loadStateDict").check(labels: [nil], count: 1...1)
            let entries = try namedTensors(args[0].value)
            try libraryOperation { () throws(StateDictError) in try (object as! Module).loadStateDict(entries) }
            return .void
        }
    }

    /// Named tensors as a cell dictionary, keeping their order.
    package static func dictionary(_ entries: [(name: String, tensor: Tensor)]) -> DictionaryValue {
        var dictionary = DictionaryValue()
        for (name, tensor) in entries {
            let key = Value.string(name)
            dictionary.set(key, .string(name), to: .native(tensor))
        }
        return dictionary
    }

    /// A `[String: Tensor]` dictionary's entries, in order.
    private static func namedTensors(_ value: Value) throws(LanguageError) -> [(name: String, tensor: Tensor)] {
        guard case .dictionary(let dictionary) = value else { throw .library(.notAStateDict(type: value.typeName, key: nil)) }
        var entries: [(name: String, tensor: Tensor)] = []
        for (key, item) in zip(dictionary.keys, dictionary.values) {
            guard case .string(let name) = key else { throw .library(.notAStateDict(type: value.typeName, key: nil)) }
            guard case .native(let tensor as Tensor) = item else { throw .library(.notAStateDict(type: item.typeName, key: name)) }
            entries.append((name, tensor))
        }
        return entries
    }
}
