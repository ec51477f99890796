extension Resolver {
    mutating func checkExpr(_ expr: Expr) throws(LanguageError) {
        switch expr.kind {
        case .integer, .floating, .boolean, .nilLiteral, .selfRef, .superRef, .operatorFunction, .discard, .dollar:
            break
        case .string(let parts):
            for case .interpolation(let inner) in parts { try checkExpr(inner) }
        case .array(let elements):
            for element in elements { try checkExpr(element) }
        case .tuple(let elements):
            for element in elements { try checkExpr(element.value) }
        case .name(let name):
            if findName(name) == nil { throw LanguageError(.undefinedName(name), at: expr.offset) }
        case .member(let base, _, _):
            try checkExpr(base)
        case .call(let callee, let arguments):
            try checkExpr(callee)
            for argument in arguments { try checkExpr(argument.value) }
            if case .name(let name) = callee.kind { try checkLabels(name, arguments, at: expr.offset) }
        case .subscriptAccess(let base, let arguments):
            try checkExpr(base)
            for argument in arguments { try checkExpr(argument.value) }
        case .prefix(_, let operand), .forceUnwrap(let operand):
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
        pushScope()
        for name in literal.parameters ?? (0..<literal.usesDollars).map({ "$\($0)" }) { declareValue(name) }
        defer { popScope() }
        try checkBlockForClosure(literal.body)
    }

    /// Static label checks for calls to user functions and classes; built-ins check at run time.
    private func checkLabels(_ name: String, _ arguments: [Argument], at offset: Int) throws(LanguageError) {
        let labels = arguments.map { ArgumentValue(label: $0.label, value: .void) }
        let found = "\(name)(" + arguments.map { ($0.label ?? "_") + ":" }.joined() + ")"
        switch declaration(of: name) {
        case .function(let function)?:
            guard !Interpreter.labelsMatch(function, labels) else { return }
            let hasVariadic = function.parameters.contains(where: \.isVariadic)
            if !hasVariadic && arguments.count > function.parameters.count
                || arguments.count < function.parameters.filter({ $0.defaultValue == nil && !$0.isVariadic }).count {
                throw LanguageError(.wrongArgumentCount(callee: name, expected: function.parameters.count, found: arguments.count), at: offset)
            }
            throw LanguageError(.wrongArgumentLabels(callee: name, expected: function.signature, found: found), at: offset)
        case .classInitializers(let initializers)?:
            guard !initializers.isEmpty, !initializers.contains(where: { Interpreter.labelsMatch($0, labels) }) else { return }
            let expected = initializers.map { "\(name)(" + $0.parameters.map { ($0.label ?? "_") + ":" }.joined() + ")" }
            throw LanguageError(.wrongArgumentLabels(callee: name, expected: expected.joined(separator: "' or '"), found: found), at: offset)
        case nil:
            return
        }
    }
}
