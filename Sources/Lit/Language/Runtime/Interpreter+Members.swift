extension Interpreter {
    func member(_ name: String, of value: Value, at offset: Int) throws(LanguageError) -> Value {
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
        case .tuple(let items, let labels):
            if let index = Int(name), index >= 0, index < items.count { return items[index] }
            if let index = labels?.firstIndex(of: name) { return items[index] }
        case .array(let items):
            if let found = try arrayMember(name, items, at: offset) { return found }
        case .range(let lower, let upper, _):
            switch name {
            case "count":
                let count = upper.subtractingReportingOverflow(lower)
                guard !count.overflow else { throw error(.arithmeticOverflow("\(upper) - \(lower)"), at: offset) }
                return .int(count.partialValue)
            case "isEmpty": return .bool(upper <= lower)
            case "lowerBound": return .int(lower)
            case "upperBound": return .int(upper)
            default:
                let items = try positioned(at: offset) { () throws(LanguageError) in try elements(of: value) }
                if let found = try arrayMember(name, items, at: offset) { return found }
            }
        case .string(let text):
            if let found = stringMember(name, text) { return found }
        case .int(let n):
            switch name {
            case "description": return .string(String(n))
            case "magnitude": return .int(n.magnitude > UInt(Int.max) ? Int.max : Int(n.magnitude))
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
            throw error(.runtime("value of optional type must be unwrapped to refer to member '\(name)'; use '?.' or '!'"), at: offset)
        default:
            break
        }
        throw error(.undefinedMember(type: value.typeName, member: name), at: offset)
    }

    /// Static members of the number types, as in `Double.pi` and `Int.max`.
    nonisolated(unsafe) static let staticMembers: [String: [String: Value]] = [
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
                    throw .here(.runtime("Int.random(in:) takes a range, as in Int.random(in: 0..<10)"))
                }
                guard lower < upper else { throw .here(.runtime("Int.random(in:) needs a non-empty range")) }
                return .int(Int.random(in: lower..<upper, using: &self.random))
            }
        case "Bool":
            return method("random") { _ in .bool(Bool.random(using: &self.random)) }
        default:
            return nil
        }
    }

    func method(_ name: String, _ body: @escaping ([ArgumentValue]) throws(LanguageError) -> Value) -> Value {
        .function(BoundNativeMethod(name, body))
    }

    /// Calls a function value with plain arguments, as `map` and `reduce` do.
    func call(_ function: Value, _ values: Value..., at offset: Int = LanguageError.unpositioned) throws(LanguageError) -> Value {
        try callValue(function, values.map { ArgumentValue(label: nil, value: $0) }, at: offset)
    }

    private func arrayMember(_ name: String, _ items: [Value], at offset: Int) throws(LanguageError) -> Value? {
        switch name {
        case "count": return .int(items.count)
        case "isEmpty": return .bool(items.isEmpty)
        case "first": return items.first ?? .nilValue
        case "last": return items.last ?? .nilValue
        case "indices": return .range(0, items.count)
        case "map":
            return method(name) { (args) throws(LanguageError) in
                let transform = try self.argument(args, 0, label: nil)
                var result: [Value] = []
                result.reserveCapacity(items.count)
                for item in items { result.append(try self.call(transform, item)) }
                return .array(result)
            }
        case "compactMap", "flatMap":
            return method(name) { (args) throws(LanguageError) in
                let transform = try self.argument(args, 0, label: nil)
                var result: [Value] = []
                for item in items {
                    let mapped = try self.call(transform, item)
                    switch (name, mapped) {
                    case ("compactMap", .nilValue): continue
                    case ("flatMap", .array(let inner)):
                        try self.checkSize(result.count + inner.count, of: "array", at: offset)
                        result.append(contentsOf: inner)
                    case ("flatMap", _): throw .here(.cannotConvert(from: mapped.typeName, to: "Array"))
                    default: result.append(mapped)
                    }
                }
                return .array(result)
            }
        case "filter":
            return method(name) { (args) throws(LanguageError) in
                let predicate = try self.argument(args, 0, label: nil)
                var result: [Value] = []
                for item in items where try self.isTrue(try self.call(predicate, item)) { result.append(item) }
                return .array(result)
            }
        case "forEach":
            return method(name) { (args) throws(LanguageError) in
                let body = try self.argument(args, 0, label: nil)
                for item in items { _ = try self.call(body, item) }
                return .void
            }
        case "reduce":
            return method(name) { (args) throws(LanguageError) in
                guard args.count == 2 else {
                    throw .here(.wrongArgumentCount(callee: "reduce", expected: 2, found: args.count))
                }
                var accumulator = args[0].value
                // `doubles.reduce(0, +)`: the literal 0 becomes a Double, as in Swift.
                if args[0].isIntegerLiteral, case .int(let n) = accumulator, case .double? = items.first {
                    accumulator = .double(Double(n))
                }
                for item in items { accumulator = try self.call(args[1].value, accumulator, item) }
                return accumulator
            }
        case "allSatisfy", "contains":
            return method(name) { (args) throws(LanguageError) in
                let argument = try self.argument(args, 0, label: args.first?.label)
                for item in items {
                    let hit: Bool
                    if case .function = argument { hit = try self.isTrue(try self.call(argument, item)) }
                    else { hit = item.isEqual(to: argument) ?? false }
                    if name == "contains" && hit { return .bool(true) }
                    if name == "allSatisfy" && !hit { return .bool(false) }
                }
                return .bool(name == "allSatisfy")
            }
        case "enumerated":
            return method(name) { _ in
                .array(items.enumerated().map { .tuple([.int($0.offset), $0.element], labels: ["offset", "element"]) })
            }
        case "reversed": return method(name) { _ in .array(items.reversed()) }
        case "shuffled": return method(name) { _ in .array(items.shuffled(using: &self.random)) }
        case "randomElement": return method(name) { _ in items.randomElement(using: &self.random) ?? .nilValue }
        case "sorted":
            return method(name) { (args) throws(LanguageError) in
                let by = args.first?.value
                return .array(try self.sort(items, by: by))
            }
        case "joined":
            return method(name) { (args) throws(LanguageError) in
                let separator = args.isEmpty ? "" : try self.string(args, 0, label: "separator")
                return .string(items.map(\.description).joined(separator: separator))
            }
        case "min", "max":
            return method(name) { _ throws(LanguageError) in
                guard var best = items.first else { return .nilValue }
                for item in items.dropFirst() {
                    let less = try self.isTrue(try self.applyBinary("<", item, best, lhsIsLiteral: false, rhsIsLiteral: false, at: offset))
                    if less == (name == "min") { best = item }
                }
                return best
            }
        case "firstIndex":
            return method(name) { (args) throws(LanguageError) in
                let target = try self.argument(args, 0, label: "of")
                return items.firstIndex { $0.isEqual(to: target) == true }.map { .int($0) } ?? .nilValue
            }
        case "prefix", "dropFirst", "dropLast", "suffix":
            return method(name) { (args) throws(LanguageError) in
                let n = args.isEmpty ? 1 : max(0, try self.int(args, 0, label: nil))
                switch name {
                case "prefix": return .array(Array(items.prefix(n)))
                case "suffix": return .array(Array(items.suffix(n)))
                case "dropFirst": return .array(Array(items.dropFirst(n)))
                default: return .array(Array(items.dropLast(n)))
                }
            }
        default:
            return nil
        }
    }

    private func sort(_ items: [Value], by predicate: Value?) throws(LanguageError) -> [Value] {
        var failure: LanguageError?
        let sorted = items.sorted { a, b in
            guard failure == nil else { return false }
            do throws(LanguageError) {
                let result: Value
                if let predicate { result = try self.call(predicate, a, b) }
                else { result = try self.applyBinary("<", a, b, lhsIsLiteral: false, rhsIsLiteral: false, at: LanguageError.unpositioned) }
                return try self.isTrue(result)
            } catch {
                failure = error
                return false
            }
        }
        if let failure { throw failure }
        return sorted
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

    /// The mutating array methods, applied in place to the array stored at an l-value.
    func mutateArray(_ value: inout Value, _ name: String, _ args: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        guard case .array(var items) = value else { return .void }
        value = .void  // let `items` be uniquely referenced, so appends do not copy
        defer { value = .array(items) }
        switch name {
        case "append":
            if args.first?.label == "contentsOf" {
                guard case .array(let more) = args[0].value else {
                    throw error(.cannotConvert(from: args[0].value.typeName, to: "Array"), at: offset)
                }
                try checkSize(items.count + more.count, of: "array", at: offset)
                items.append(contentsOf: more)
            } else {
                items.append(try argument(args, 0, label: nil))
            }
            return .void
        case "insert":
            let index = try int(args, 1, label: "at")
            guard index >= 0 && index <= items.count else { throw error(.indexOutOfRange(index: index, count: items.count), at: offset) }
            items.insert(try argument(args, 0, label: nil), at: index)
            return .void
        case "popLast":
            return items.popLast() ?? .nilValue
        case "shuffle":
            items.shuffle(using: &random)
            return .void
        case "removeLast", "removeFirst":
            guard !items.isEmpty else { throw error(.runtime("can't remove from an empty array"), at: offset) }
            return name == "removeLast" ? items.removeLast() : items.removeFirst()
        case "remove":
            let index = try int(args, 0, label: "at")
            guard index >= 0 && index < items.count else { throw error(.indexOutOfRange(index: index, count: items.count), at: offset) }
            return items.remove(at: index)
        case "removeAll":
            items.removeAll()
            return .void
        case "reverse":
            items.reverse()
            return .void
        case "sort":
            items = try sort(items, by: args.first?.value)
            return .void
        default:
            throw error(.undefinedMember(type: "Array", member: name), at: offset)
        }
    }
}
