/// Reading built-ins' arguments with Swift's conversion rules and clear errors.
extension Interpreter {
    package func argument(_ args: [ArgumentValue], _ index: Int, label: String?) throws(LanguageError) -> Value {
        guard index < args.count else {
            throw .here(.missingArgument(label: label))
        }
        return args[index].value
    }

    package func int(_ args: [ArgumentValue], _ index: Int, label: String?) throws(LanguageError) -> Int {
        let value = try argument(args, index, label: label)
        guard case .int(let n) = value else { throw .here(.cannotConvert(from: value.typeName, to: "Int")) }
        return n
    }

    package func double(_ args: [ArgumentValue], _ index: Int, label: String?) throws(LanguageError) -> Double {
        let value = try argument(args, index, label: label)
        if case .double(let d) = value { return d }
        if case .int(let n) = value, args[index].isIntegerLiteral { return Double(n) }
        throw .here(.cannotConvert(from: value.typeName, to: "Double"))
    }

    package func string(_ args: [ArgumentValue], _ index: Int, label: String?) throws(LanguageError) -> String {
        let value = try argument(args, index, label: label)
        guard case .string(let s) = value else { throw .here(.cannotConvert(from: value.typeName, to: "String")) }
        return s
    }

    package func isTrue(_ value: Value) throws(LanguageError) -> Bool {
        guard case .bool(let flag) = value else { throw .here(.cannotConvert(from: value.typeName, to: "Bool")) }
        return flag
    }

    /// Checks a value against a declared type; an integer literal becomes a `Double`
    /// where one is wanted, as Swift literals adapt to context.
    package func coerce(_ value: Value, to type: TypeRef, isIntegerLiteral: Bool, at offset: Int) throws(LanguageError) -> Value {
        if let converted = Interpreter.conform(value, to: type, isIntegerLiteral: isIntegerLiteral) { return converted }
        throw error(.cannotConvert(from: value.typeName, to: type.description), at: offset)
    }

    package static func conform(_ value: Value, to type: TypeRef, isIntegerLiteral: Bool) -> Value? {
        switch type {
        case .optional(let wrapped):
            return value.isNone ? value : conform(value, to: wrapped, isIntegerLiteral: isIntegerLiteral)
        case .array(let element):
            guard case .array(let items) = value else { return nil }
            var converted: [Value] = []
            converted.reserveCapacity(items.count)
            for item in items {
                // `let xs: [Double] = [1, 2]`: the literal's elements adapt too.
                guard let c = conform(item, to: element, isIntegerLiteral: isIntegerLiteral) else { return nil }
                converted.append(c)
            }
            return .array(converted)
        case .dictionary(let keyType, let valueType):
            guard case .dictionary(let dictionary) = value else { return nil }
            var converted = DictionaryValue()
            for (key, item) in zip(dictionary.keys, dictionary.values) {
                guard let k = conform(key, to: keyType, isIntegerLiteral: isIntegerLiteral),
                      let v = conform(item, to: valueType, isIntegerLiteral: isIntegerLiteral),
                      let hashable = DictionaryValue.Key(k) else { return nil }
                converted.set(k, hashable, to: v)
            }
            return .dictionary(converted)
        case .tuple(let elements, let typeLabels):
            if elements.isEmpty, case .void = value { return value }
            guard case .tuple(let items, let valueLabels) = value, items.count == elements.count else { return nil }
            // `return (lo, hi)` from a function declared `-> (min: Int, max: Int)` gets the labels.
            let labels = typeLabels ?? valueLabels
            var converted: [Value] = []
            for (item, element) in zip(items, elements) {
                guard let c = conform(item, to: element, isIntegerLiteral: false) else { return nil }
                converted.append(c)
            }
            return .tuple(converted, labels: labels)
        case .function:
            if case .function = value { return value }
            return nil
        case .named(let name):
            return conformNamed(value, name, isIntegerLiteral: isIntegerLiteral)
        }
    }

    private static func conformNamed(_ value: Value, _ name: String, isIntegerLiteral: Bool) -> Value? {
        switch (name, value) {
        case ("Any", _), ("AnyObject", .object), ("AnyObject", .native): return value
        case ("Int", .int), ("Double", .double), ("Bool", .bool), ("String", .string): return value
        case ("Double", .int(let n)) where isIntegerLiteral: return .double(Double(n))
        case ("Float", .double), ("Float32", .double): return value
        case ("Void", .void): return value
        case ("Range", .range), ("ClosedRange", .range): return value
        case (_, .object(let instance)): return instance.classInfo.isSubclass(of: name) ? value : nil
        case (_, .native(let object)): return object.scriptType.name == name || object.scriptType.isKind(of: name) ? value : nil
        default: return nil
        }
    }
}
