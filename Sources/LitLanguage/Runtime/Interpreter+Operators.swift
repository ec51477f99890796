extension Interpreter {
    package func evalBinary(_ op: String, _ lhs: Expr, _ rhs: Expr, in scope: Scope, at offset: Int) throws(LanguageError) -> Value {
        switch op {
        case "&&":
            guard try truth(lhs, in: scope) else { return .bool(false) }
            return .bool(try truth(rhs, in: scope))
        case "||":
            if try truth(lhs, in: scope) { return .bool(true) }
            return .bool(try truth(rhs, in: scope))
        case "??":
            let value = try eval(lhs, in: scope)
            return value.isNone ? try eval(rhs, in: scope) : value
        default:
            var left = try eval(lhs, in: scope)
            var right = try eval(rhs, in: scope)
            if case .double = right, let value = lhs.literalDouble { left = .double(value) }
            if case .double = left, let value = rhs.literalDouble { right = .double(value) }
            return try applyBinary(op, left, right, lhsIsLiteral: lhs.isIntegerLiteral, rhsIsLiteral: rhs.isIntegerLiteral, at: offset)
        }
    }

    package func applyBinary(_ op: String, _ lhs: Value, _ rhs: Value, lhsIsLiteral: Bool, rhsIsLiteral: Bool,
                     at offset: Int) throws(LanguageError) -> Value {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)):
            return try intOperation(op, a, b, at: offset)
        case (.double(let a), .double(let b)):
            return try doubleOperation(op, a, b, at: offset)
        case (.int(let a), .double(let b)) where lhsIsLiteral:
            return try doubleOperation(op, Double(a), b, at: offset)
        case (.double(let a), .int(let b)) where rhsIsLiteral:
            return try doubleOperation(op, a, Double(b), at: offset)
        case (.native(let object), _), (_, .native(let object)):
            if let apply = object.scriptType.binaryOperator,
               let result = try positioned(at: offset, { () throws(LanguageError) in try apply(op, lhs, rhs) }) {
                return result
            }
        case (.string(let a), .string(let b)):
            switch op {
            case "+":
                try checkSize(a.utf8.count + b.utf8.count, of: "string", at: offset)
                return .string(a + b)
            case "==", "!=", "<", ">", "<=", ">=": return .bool(Interpreter.compare(op, a, b))
            default: break
            }
        case (.array(let a), .array(let b)) where op == "+":
            try checkSize(a.count + b.count, of: "array", at: offset)
            return .array(a + b)
        case (.object(let a), .object(let b)) where op == "===" || op == "!==":
            return .bool((a === b) == (op == "==="))
        default:
            break
        }
        if op == "==" || op == "!=", let equal = lhs.isEqual(to: rhs) {
            return .bool(equal == (op == "=="))
        }
        throw error(.typeMismatch(operation: op, lhs: lhs.typeName, rhs: rhs.typeName), at: offset)
    }

    private func intOperation(_ op: String, _ a: Int, _ b: Int, at offset: Int) throws(LanguageError) -> Value {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case "+": result = a.addingReportingOverflow(b)
        case "-": result = a.subtractingReportingOverflow(b)
        case "*": result = a.multipliedReportingOverflow(by: b)
        case "/", "%":
            guard b != 0 else { throw error(.divisionByZero, at: offset) }
            result = op == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
        case "==", "!=", "<", ">", "<=", ">=": return .bool(Interpreter.compare(op, a, b))
        case "..<":
            guard a <= b else { throw error(.invertedRange(lower: a, upper: b, closed: false), at: offset) }
            return .range(a, b)
        case "...":
            guard a <= b else { throw error(.invertedRange(lower: a, upper: b, closed: true), at: offset) }
            guard b < Int.max else { throw error(.arithmeticOverflow("..."), at: offset) }
            return .range(a, b + 1, closed: true)
        default:
            throw error(.typeMismatch(operation: op, lhs: "Int", rhs: "Int"), at: offset)
        }
        if result.overflow { throw error(.arithmeticOverflow("\(a) \(op) \(b)"), at: offset) }
        return .int(result.partialValue)
    }

    private func doubleOperation(_ op: String, _ a: Double, _ b: Double, at offset: Int) throws(LanguageError) -> Value {
        switch op {
        case "+": return .double(a + b)
        case "-": return .double(a - b)
        case "*": return .double(a * b)
        case "/": return .double(a / b)
        case "==", "!=", "<", ">", "<=", ">=": return .bool(Interpreter.compare(op, a, b))
        case "%":
            throw error(.remainderOfDouble, at: offset)
        default:
            throw error(.typeMismatch(operation: op, lhs: "Double", rhs: "Double"), at: offset)
        }
    }

    /// Strings and arrays are bounded, so that a doubling loop ends in an error rather
    /// than in the machine running out of memory.
    package func checkSize(_ size: Int, of kind: String, at offset: Int) throws(LanguageError) {
        guard size > Interpreter.maximumMaterializedCount else { return }
        throw error(.collectionPastLimit(kind: kind, size: size), at: offset)
    }

    /// One of the six comparison operators.
    private static func compare<T: Comparable>(_ op: String, _ a: T, _ b: T) -> Bool {
        switch op {
        case "==": a == b
        case "!=": a != b
        case "<": a < b
        case ">": a > b
        case "<=": a <= b
        default: a >= b
        }
    }

    package func applyPrefix(_ op: String, _ value: Value, at offset: Int) throws(LanguageError) -> Value {
        switch (op, value) {
        case ("-", .int(let n)):
            guard n != Int.min else { throw error(.arithmeticOverflow("-\(n)"), at: offset) }
            return .int(-n)
        case ("-", .double(let d)): return .double(-d)
        case ("!", .bool(let b)): return .bool(!b)
        case (_, .native(let object)):
            if let apply = object.scriptType.prefixOperator,
               let result = try positioned(at: offset, { () throws(LanguageError) in try apply(op, object) }) {
                return result
            }
        default: break
        }
        throw error(.unaryTypeMismatch(operation: op, operand: value.typeName), at: offset)
    }
}
