extension Resolver {
    package mutating func checkExpr(_ expr: Expr) throws(LanguageError) {
        switch expr.kind {
        case .integer, .floating, .boolean, .nilLiteral, .selfRef, .superRef, .operatorFunction, .discard, .dollar, .unboundedRange:
            break
        case .string(let parts):
            for case .interpolation(let inner) in parts { try checkExpr(inner) }
        case .array(let elements):
            for element in elements { try checkExpr(element) }
        case .tuple(let elements):
            for element in elements { try checkExpr(element.value) }
        case .dictionary(let entries):
            for entry in entries {
                try checkExpr(entry.key)
                try checkExpr(entry.value)
            }
        case .name(let name):
            if find(name) == nil { throw undefined(name, at: expr.offset) }
        case .member(let base, _, _):
            try checkExpr(base)
        case .call(let callee, let arguments):
            try checkExpr(callee)
            for argument in arguments { try checkExpr(argument.value) }
            if case .name(let name) = callee.kind { try checkLabels(name, arguments, at: expr.offset) }
        case .subscriptAccess(let base, let arguments):
            try checkExpr(base)
            for argument in arguments { try checkExpr(argument.value) }
        case .prefix(_, let operand), .forceUnwrap(let operand), .rangeFrom(let operand), .rangeUpTo(let operand, _),
             .cast(let operand, _, _):
            try checkExpr(operand)
        case .binary(_, let lhs, let rhs):
            try checkExpr(lhs)
            try checkExpr(rhs)
        case .ternary(let condition, let then, let otherwise):
            try checkExpr(condition)
            try checkExpr(then)
            try checkExpr(otherwise)
        case .assign(_, let target, let value):
            try checkExpr(value)
            try checkExpr(target)
        case .closure(let literal):
            try checkClosure(literal)
        }
    }

    private mutating func checkClosure(_ literal: ClosureLiteral) throws(LanguageError) {
        scopes.append([:])
        defer { scopes.removeLast() }
        for name in literal.parameters ?? (0..<literal.usesDollars).map({ "$\($0)" }) { declare(name, .value) }
        try checkBlock(literal.body, newScope: false)
    }

    /// Label and count checks for calls whose callee is known before running: user
    /// functions, classes and built-ins that declare their signatures.
    private func checkLabels(_ name: String, _ arguments: [Argument], at offset: Int) throws(LanguageError) {
        guard let signatures = signatures(of: name), !signatures.isEmpty else { return }
        let labels = arguments.map(\.label)
        guard !signatures.contains(where: { $0.accepts(labels) }) else { return }
        throw LanguageError(Signature.mismatch(calling: name, with: labels, signatures), at: offset)
    }
}
