/// The methods of arrays (and of ranges, which behave as arrays of their elements).
extension Interpreter {
    package func arrayMember(_ name: String, _ items: [Value], at offset: Int) throws(LanguageError) -> Value? {
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
                let n = args.isEmpty ? 1 : try self.int(args, 0, label: nil)
                // Swift stops these with a precondition failure; here it is an error at the call.
                guard n >= 0 else { throw .here(.negativeSliceLength(method: name, count: n)) }
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

    /// The mutating array methods, applied in place to the array stored at an l-value.
    package func mutateArray(_ value: inout Value, _ name: String, _ args: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
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
            guard !items.isEmpty else { throw error(.removeFromEmptyArray, at: offset) }
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
