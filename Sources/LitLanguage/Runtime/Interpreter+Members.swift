import LitDiagnostics
extension Interpreter {
    package func member(_ name: String, of value: Value, at offset: Int) throws(LanguageError) -> Value {
        switch value {
        case .object(let instance):
            if let found = try instanceMember(name, of: instance, at: offset) { return found }
        case .native(let object):
            let type = object.scriptType
            if let property = type.properties[name] {
                return try positioned(at: offset) { () throws(LanguageError) in try property(object) }
            }
            if let method = type.methods[name] {
                return .function(BoundNativeMethod(name) { (arguments) throws(LanguageError) in try method(object, arguments) })
            }
            if let method = type.interpreterMethods[name] {
                return .function(BoundNativeMethod(name) { [unowned self] (arguments) throws(LanguageError) in
                    try method(object, arguments, self)
                })
            }
        case .tuple(let items, let labels):
            if let index = Int(name), index >= 0, index < items.count { return items[index] }
            if let index = labels?.firstIndex(of: name) { return items[index] }
        case .array(let items):
            if let found = try arrayMember(name, items, at: offset) { return found }
        case .dictionary(let dictionary):
            if let found = try dictionaryMember(name, dictionary, at: offset) { return found }
        case .range(let lower, let upper, let closed):
            switch name {
            case "count":
                let count = upper.subtractingReportingOverflow(lower)
                guard !count.overflow else { throw error(.arithmeticOverflow("\(upper) - \(lower)"), at: offset) }
                return .int(count.partialValue)
            case "isEmpty": return .bool(upper <= lower)
            case "lowerBound": return .int(lower)
            case "upperBound": return .int(closed ? upper - 1 : upper)  // `1...3` is stored as 1..<4
            default:
                let items = try positioned(at: offset) { () throws(LanguageError) in try elements(of: value) }
                if let found = try arrayMember(name, items, at: offset) { return found }
            }
        case .string(let text):
            if let found = stringMember(name, text) { return found }
        case .int(let n):
            switch name {
            case "description": return .string(String(n))
            case "magnitude":
                // Swift's magnitude is a UInt; the cell language has only Int, which cannot hold |Int.min|.
                guard n != Int.min else { throw error(.arithmeticOverflow("\(n).magnitude"), at: offset) }
                return .int(abs(n))
            case "isMultiple":
                return method(name) { (args) throws(LanguageError) in .bool(n.isMultiple(of: try self.int(args, 0, label: "of"))) }
            default: break
            }
        case .double(let d):
            switch name {
            case "description": return .string(String(d))
            case "isNaN": return .bool(d.isNaN)
            case "isInfinite": return .bool(d.isInfinite)
            case "isFinite": return .bool(d.isFinite)
            case "rounded": return method(name) { _ in .double(d.rounded()) }
            case "squareRoot": return method(name) { _ in .double(d.squareRoot()) }
            case "truncatingRemainder":
                return method(name) { (args) throws(LanguageError) in
                    .double(d.truncatingRemainder(dividingBy: try self.double(args, 0, label: "dividingBy")))
                }
            default: break
            }
        case .function(let function as OverloadSet):
            if let value = Interpreter.staticMembers[function.name]?[name] { return value }
            if name == "random", let generator = randomValue(of: function.name) { return generator }
        case .nilValue:
            throw error(.memberOfOptional(member: name), at: offset)
        default:
            break
        }
        let suggestion = SpellingSuggestion.closest(to: name, among: Interpreter.memberNames(of: value))
        throw error(.undefinedMember(type: value.typeName, member: name, suggestion: suggestion), at: offset)
    }

    /// The members a value is known to have, for suggestions.
    static func memberNames(of value: Value) -> [String] {
        switch value {
        case .native(let object): Array(object.scriptType.properties.keys) + Array(object.scriptType.methods.keys)
        case .object(let instance): instance.classInfo.memberNames.sorted()
        default: []
        }
    }

    /// Static members of the number types, as in `Double.pi` and `Int.max`.
    package nonisolated(unsafe) static let staticMembers: [String: [String: Value]] = [
        "Double": [
            "pi": .double(Double.pi), "infinity": .double(Double.infinity), "nan": .double(Double.nan),
            "greatestFiniteMagnitude": .double(Double.greatestFiniteMagnitude),
            "leastNormalMagnitude": .double(Double.leastNormalMagnitude), "ulpOfOne": .double(Double.ulpOfOne),
        ],
        "Int": ["max": .int(Int.max), "min": .int(Int.min)],
    ]

    /// `Int.random(in:)` and `Bool.random()`, drawn from the chapter's seeded stream.
    private func randomValue(of typeName: String) -> Value? {
        switch typeName {
        case "Int":
            return method("random") { (args) throws(LanguageError) in
                guard args.count == 1, args[0].label == "in", case .range(let lower, let upper, _) = args[0].value else {
                    throw .here(.randomNeedsRange)
                }
                guard lower < upper else { throw .here(.randomFromEmptyRange) }
                return .int(Int.random(in: lower..<upper, using: &self.random))
            }
        case "Bool":
            return method("random") { _ in .bool(Bool.random(using: &self.random)) }
        default:
            return nil
        }
    }

    package func method(_ name: String, _ body: @escaping ([ArgumentValue]) throws(LanguageError) -> Value) -> Value {
        .function(BoundNativeMethod(name, body))
    }

    /// Calls a function value with plain arguments, as `map` and `reduce` do.
    package func call(_ function: Value, _ values: Value..., at offset: Int = LanguageError.unpositioned) throws(LanguageError) -> Value {
        try callValue(function, values.map { ArgumentValue(label: nil, value: $0) }, at: offset)
    }

    private func stringMember(_ name: String, _ text: String) -> Value? {
        switch name {
        case "count": return .int(text.count)
        case "isEmpty": return .bool(text.isEmpty)
        case "uppercased": return method(name) { _ in .string(text.uppercased()) }
        case "lowercased": return method(name) { _ in .string(text.lowercased()) }
        case "hasPrefix": return method(name) { (args) throws(LanguageError) in .bool(text.hasPrefix(try self.string(args, 0, label: nil))) }
        case "hasSuffix": return method(name) { (args) throws(LanguageError) in .bool(text.hasSuffix(try self.string(args, 0, label: nil))) }
        case "contains": return method(name) { (args) throws(LanguageError) in .bool(text.contains(try self.string(args, 0, label: nil))) }
        default: return nil
        }
    }
}
