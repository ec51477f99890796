import LitDiagnostics
extension Interpreter {
    package func eval(_ expr: Expr, in scope: Scope) throws(LanguageError) -> Value {
        switch expr.kind {
        case .integer(let value): return .int(value)
        case .floating(let value): return .double(value)
        case .boolean(let value): return .bool(value)
        case .nilLiteral: return .nilValue
        case .string(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .interpolation(let inner): text += try eval(inner, in: scope).description
                }
            }
            return .string(text)
        case .array(let elements):
            var items: [Value] = []
            items.reserveCapacity(elements.count)
            var sawDouble = false
            for element in elements {
                let item = try eval(element, in: scope)
                if case .double = item { sawDouble = true }
                items.append(item)
            }
            // `[1, 2.5]` is a `[Double]` in Swift: integer literals adapt.
            if sawDouble {
                for (i, element) in elements.enumerated() where element.isIntegerLiteral {
                    if case .int(let n) = items[i] { items[i] = .double(Double(n)) }
                }
            }
            return .array(items)
        case .dictionary(let entries):
            var dictionary = DictionaryValue()
            for entry in entries {
                let key = try eval(entry.key, in: scope)
                let hashable = try hashableKey(key, at: entry.key.offset)
                guard dictionary[hashable] == nil else {
                    throw error(.duplicateDictionaryKey(key.render(quoted: true)), at: entry.key.offset)
                }
                dictionary.set(key, hashable, to: try eval(entry.value, in: scope))
            }
            return .dictionary(dictionary)
        case .tuple(let elements):
            var items: [Value] = []
            for element in elements { items.append(try eval(element.value, in: scope)) }
            if items.isEmpty { return .void }
            let labels = elements.contains { $0.label != nil } ? elements.map(\.label) : nil
            return .tuple(items, labels: labels)
        case .name(let name):
            return try lookup(name, in: scope, at: expr.offset)
        case .dollar(let index):
            return try lookup("$\(index)", in: scope, at: expr.offset)
        case .selfRef:
            guard let receiver = frames.last?.receiver else {
                throw error(.misplaced("'self' is only available inside a class"), at: expr.offset)
            }
            return .object(receiver)
        case .superRef:
            throw error(.misplaced("'super' must be followed by a member"), at: expr.offset)
        case .member(let base, let name, let optionalChain):
            if case .superRef = base.kind { return try superMember(name, at: expr.offset) }
            let receiver = try eval(base, in: scope)
            if optionalChain && receiver.isNone { return .nilValue }
            return try member(name, of: receiver, at: expr.offset)
        case .call(let callee, let arguments):
            return try evalCall(callee, arguments, in: scope, at: expr.offset)
        case .subscriptAccess(let base, let arguments):
            let container = try eval(base, in: scope)
            return try subscriptValue(container, try evalArguments(arguments, in: scope), at: expr.offset)
        case .rangeFrom(let bound):
            guard case .int(let lower) = try eval(bound, in: scope) else {
                throw error(.oneSidedRangeNeedsInt, at: expr.offset)
            }
            return .range(lower, Value.unboundedUpper, closed: true)
        case .unboundedRange:
            return .range(Value.unboundedLower, Value.unboundedUpper)
        case .rangeUpTo(let bound, let closed):
            guard case .int(let upper) = try eval(bound, in: scope) else {
                throw error(.oneSidedRangeNeedsInt, at: expr.offset)
            }
            guard !closed || upper < Int.max else { throw error(.arithmeticOverflow("...\(upper)"), at: expr.offset) }
            return .range(Value.unboundedLower, closed ? upper + 1 : upper, closed: closed)
        case .prefix(let op, let operand):
            return try applyPrefix(op, try eval(operand, in: scope), at: expr.offset)
        case .binary(let op, let lhs, let rhs):
            return try evalBinary(op, lhs, rhs, in: scope, at: expr.offset)
        case .ternary(let condition, let then, let otherwise):
            let (chosen, other) = try truth(condition, in: scope) ? (then, otherwise) : (otherwise, then)
            let value = try eval(chosen, in: scope)
            // `flag ? 1 : 0.5` is a Double: an integer literal adapts to the other branch's literal.
            if chosen.isIntegerLiteral, case .floating = other.kind, case .int(let n) = value { return .double(Double(n)) }
            return value
        case .assign(let op, let target, let value):
            try assign(op, target, value, in: scope, at: expr.offset)
            return .void
        case .closure(let literal):
            let frame = frames.last
            return .function(Closure(literal, scope: scope, receiver: frame?.receiver, owner: frame?.owner,
                                     cell: cellOfRunningCode))
        case .cast(let operand, let type, let kind):
            return try cast(try eval(operand, in: scope), to: type, kind, isIntegerLiteral: operand.isIntegerLiteral, at: expr.offset)
        case .forceUnwrap(let operand):
            let value = try eval(operand, in: scope)
            if value.isNone { throw error(.unwrappedNil, at: expr.offset) }
            return value
        case .operatorFunction(let op):
            return .function(OperatorFunction(op))
        case .discard:
            throw error(.misplaced("'_' can only appear on the left of an assignment"), at: expr.offset)
        }
    }

    /// Locals, then members of `self`, then globals, then built-ins: Swift's order.
    package func lookup(_ name: String, in scope: Scope, at offset: Int) throws(LanguageError) -> Value {
        if let binding = scope.lookup(name, localOnly: true) { return binding.value }
        if let receiver = frames.last?.receiver, let value = try instanceMember(name, of: receiver, at: offset) {
            return value
        }
        if let binding = globals.lookupLocal(name) { return binding.value }
        if let value = builtins[name] { return value }
        if Sandbox.unavailableNames.contains(name) { throw error(.sandboxed("'\(name)'"), at: offset) }
        throw error(.undefinedName(name, suggestion: SpellingSuggestion.closest(to: name, among: globals.entries.map(\.name) + builtins.keys)),
                    at: offset)
    }

    package func evalArguments(_ arguments: [Argument], in scope: Scope) throws(LanguageError) -> [ArgumentValue] {
        var values: [ArgumentValue] = []
        values.reserveCapacity(arguments.count)
        for argument in arguments {
            values.append(ArgumentValue(label: argument.label, value: try eval(argument.value, in: scope),
                                        isIntegerLiteral: argument.value.isIntegerLiteral))
        }
        return values
    }

    package func subscriptValue(_ container: Value, _ arguments: [ArgumentValue], at offset: Int) throws(LanguageError) -> Value {
        switch container {
        case .array(let items):
            guard arguments.count == 1, arguments[0].label == nil else { break }
            switch arguments[0].value {
            case .int(let index):
                guard index >= 0 && index < items.count else {
                    throw error(.indexOutOfRange(index: index, count: items.count), at: offset)
                }
                return items[index]
            case .range(let from, let to, _):
                let (lower, upper) = Value.bounds(from, to, count: items.count)
                guard lower >= 0 && upper <= items.count && lower <= upper else {
                    throw error(.rangeOutOfBounds(lower: lower, upper: upper, count: items.count), at: offset)
                }
                return .array(Array(items[lower..<upper]))
            default: break
            }
        case .dictionary(let dictionary):
            let (_, hashable, fallback) = try dictionaryKey(arguments, at: offset)
            return dictionary[hashable] ?? fallback ?? .nilValue
        case .native(let object):
            if let get = object.scriptType.subscriptGet {
                return try positioned(at: offset) { () throws(LanguageError) in try get(object, arguments) }
            }
        default: break
        }
        throw error(.invalidSubscript(type: container.typeName, arguments: arguments.map(\.value.typeName)), at: offset)
    }

    /// Gives errors from built-ins the position of the call that raised them.
    package func positioned<T>(at offset: Int, _ body: () throws(LanguageError) -> T) throws(LanguageError) -> T {
        do {
            return try body()
        } catch {
            var error = error
            if error.offset == LanguageError.unpositioned {
                error.offset = offset
                error.cell = cellOfRunningCode
            }
            throw error
        }
    }
}
