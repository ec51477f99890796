import Foundation

/// The built-in functions every chapter sees. Libraries add theirs with `define`, and
/// may add overloads to an existing name (`sqrt` for tensors beside `sqrt` for Double).
extension Interpreter {
    public typealias Overload = (Interpreter, [ArgumentValue]) throws(LanguageError) -> Value?

    /// Adds an overload of a global function; an overload returns nil when the
    /// arguments are not for it, and the next one is tried.
    /// With `signatures`, calls with other labels are rejected before the cell runs;
    /// an overload defined without them turns that check off for the name.
    public func define(_ name: String, signatures: [Signature]? = nil, _ overload: @escaping Overload) {
        let set: OverloadSet
        if case .function(let existing as OverloadSet)? = builtins[name] {
            set = existing
            set.signatures = signatures.flatMap { new in set.signatures.map { existing in existing + new.filter { !existing.contains($0) } } }
        } else {
            set = OverloadSet(name, signatures: signatures)
            builtins[name] = .function(set)
        }
        set.overloads.insert(overload, at: 0)
    }

    package func installBuiltins() {
        let printSignature = Signature("_...", "separator=", "terminator=")
        define("print", signatures: [printSignature]) { (interpreter, args) throws(LanguageError) in
            var separator = " ", terminator = "\n"
            var items: [String] = []
            for argument in args {
                switch argument.label {
                case nil: items.append(argument.value.description)
                case "separator"?: separator = try interpreter.string([argument], 0, label: "separator")
                case "terminator"?: terminator = try interpreter.string([argument], 0, label: "terminator")
                case _?: throw .here(Signature.mismatch(calling: "print", with: args.map(\.label), [printSignature]))
                }
            }
            interpreter.write(items.joined(separator: separator) + terminator)
            return .void
        }
        for name in ["precondition", "assert"] {
            let signature = Signature("_", "_=")
            define(name, signatures: [signature]) { (interpreter, args) throws(LanguageError) in
                guard signature.accepts(args.map(\.label)) else {
                    throw .here(Signature.mismatch(calling: name, with: args.map(\.label), [signature]))
                }
                if try interpreter.isTrue(args[0].value) { return .void }
                let message = args.count > 1 ? try interpreter.string(args, 1, label: nil) : ""
                throw .here(name == "assert" ? .assertionFailed(message) : .preconditionFailed(message))
            }
        }
        define("fatalError", signatures: [Signature("_=")]) { (interpreter, args) throws(LanguageError) in
            throw .here(.fatalError(args.isEmpty ? "" : try interpreter.string(args, 0, label: nil)))
        }
        installNumericBuiltins()
        installSequenceBuiltins()
        installStringBuiltins()
    }

    private func installNumericBuiltins() {
        define("abs", signatures: [Signature("_")]) { (_, args) throws(LanguageError) in
            guard args.count == 1 else { return nil }
            switch args[0].value {
            case .int(let n):
                guard n != Int.min else { throw .here(.arithmeticOverflow("abs(\(n))")) }
                return .int(abs(n))
            case .double(let d): return .double(abs(d))
            default: return nil
            }
        }
        for name in ["min", "max"] {
            define(name, signatures: [Signature("_", "_", "_...")]) { (interpreter, args) throws(LanguageError) in
                guard args.count >= 2, args.allSatisfy({ $0.label == nil }) else { return nil }
                var best = args[0]
                for candidate in args.dropFirst() {
                    let less = try interpreter.applyBinary("<", candidate.value, best.value, lhsIsLiteral: candidate.isIntegerLiteral,
                                                           rhsIsLiteral: best.isIntegerLiteral, at: LanguageError.unpositioned)
                    if try interpreter.isTrue(less) == (name == "min") { best = candidate }
                }
                // `max(0, x)` with a Double `x` is a Double, as the literal adapts.
                if case .int(let n) = best.value, best.isIntegerLiteral,
                   args.contains(where: { if case .double = $0.value { true } else { false } }) {
                    return .double(Double(n))
                }
                return best.value
            }
        }
        let functions: [String: (Double) -> Double] = [
            "sqrt": { $0.squareRoot() }, "exp": Foundation.exp, "log": Foundation.log, "floor": Foundation.floor,
            "ceil": Foundation.ceil, "round": Foundation.round, "sin": Foundation.sin, "cos": Foundation.cos,
            "tanh": Foundation.tanh,
        ]
        for (name, function) in functions {
            define(name, signatures: [Signature("_")]) { (interpreter, args) throws(LanguageError) in
                guard args.count == 1, args[0].label == nil else { return nil }
                switch args[0].value {
                case .double, .int: return .double(function(try interpreter.double(args, 0, label: nil)))
                default: return nil
                }
            }
        }
        define("pow", signatures: [Signature("_", "_")]) { (interpreter, args) throws(LanguageError) in
            guard args.count == 2 else { return nil }
            return .double(Foundation.pow(try interpreter.double(args, 0, label: nil), try interpreter.double(args, 1, label: nil)))
        }
        define("Double", signatures: [Signature("_")]) { (interpreter, args) throws(LanguageError) in
            guard args.count == 1 else { return nil }
            switch args[0].value {
            case .int(let n): return .double(Double(n))
            case .double: return args[0].value
            case .string(let s): return Double(s).map { .double($0) } ?? Value.nilValue
            default: return nil
            }
        }
        define("Int", signatures: [Signature("_")]) { (interpreter, args) throws(LanguageError) in
            guard args.count == 1 else { return nil }
            switch args[0].value {
            case .int: return args[0].value
            case .double(let d):
                // Int(exactly:) of the truncated value, not a hand-written bound: 2^63 itself
                // is a Double just past Int.max, and Int(d) would trap on it.
                guard let n = Int(exactly: d.rounded(.towardZero)) else {
                    throw .here(.doubleOutsideIntRange(d))
                }
                return .int(n)
            case .string(let s): return Int(s).map { .int($0) } ?? Value.nilValue
            default: return nil
            }
        }
        define("Bool", signatures: [Signature("_")]) { _, args in
            guard args.count == 1, case .bool = args[0].value else { return nil }
            return args[0].value
        }
    }

    private func installSequenceBuiltins() {
        define("zip", signatures: [Signature("_", "_")]) { (interpreter, args) throws(LanguageError) in
            guard args.count == 2 else { return nil }
            let a = try interpreter.elements(of: args[0].value), b = try interpreter.elements(of: args[1].value)
            return .array(zip(a, b).map { .tuple([$0, $1], labels: nil) })
        }
        define("Array", signatures: [Signature("_"), Signature("repeating", "count")]) { (interpreter, args) throws(LanguageError) in
            if args.count == 2 {
                let count = try interpreter.int(args, 1, label: "count")
                guard count >= 0 else { throw .here(.negativeRepeatCount(type: "Array")) }
                guard count <= Interpreter.maximumMaterializedCount else { throw .here(.arrayPastLimit) }
                return .array(Array(repeating: args[0].value, count: count))
            }
            guard args.count == 1 else { return nil }
            return .array(try interpreter.elements(of: args[0].value))
        }
        define("stride", signatures: [Signature("from", "to", "by"), Signature("from", "through", "by")]) { (interpreter, args) throws(LanguageError) in
            guard args.count == 3, args[0].label == "from", args[2].label == "by",
                  args[1].label == "to" || args[1].label == "through" else { return nil }
            let inclusive = args[1].label == "through"
            if case .int(let from) = args[0].value, case .int(let to) = args[1].value, case .int(let by) = args[2].value {
                guard by != 0 else { throw .here(.zeroStrideStep) }
                let span = to.subtractingReportingOverflow(from)
                let steps = span.partialValue.dividedReportingOverflow(by: by)
                guard !span.overflow, !steps.overflow, steps.partialValue.magnitude < UInt(Interpreter.maximumMaterializedCount) else {
                    throw .here(.stridePastLimit)
                }
                return .array(inclusive ? stride(from: from, through: to, by: by).map { .int($0) }
                                        : stride(from: from, to: to, by: by).map { .int($0) })
            }
            let from = try interpreter.double(args, 0, label: "from"), to = try interpreter.double(args, 1, label: nil)
            let by = try interpreter.double(args, 2, label: "by")
            guard by != 0, by.isFinite else { throw .here(.invalidStrideStep) }
            guard abs((to - from) / by) < 1e7 else { throw .here(.stridePastLimit) }
            return .array(inclusive ? stride(from: from, through: to, by: by).map { .double($0) }
                                    : stride(from: from, to: to, by: by).map { .double($0) })
        }
    }

    package static let maximumMaterializedCount = 10_000_000

    package func elements(of value: Value) throws(LanguageError) -> [Value] {
        switch value {
        case .array(let items): return items
        case .dictionary(let dictionary): return dictionary.entries
        case .range(let lower, let upper, _):
            // Building the array cannot be interrupted by the timeout, so keep it bounded.
            let count = upper.subtractingReportingOverflow(lower)
            guard !count.overflow, count.partialValue <= Interpreter.maximumMaterializedCount else {
                throw .here(.rangePastLimit(lower: lower, upper: upper))
            }
            return (lower..<max(lower, upper)).map { .int($0) }
        default: throw .here(.expectedSequence(type: value.typeName))
        }
    }
}
