import LitTensor

/// Every message litrun can report, named so that tests match the case rather than the text.
public enum DiagnosticMessage: Sendable, Equatable {
    // Reading a chapter
    case unreadableFile(path: String, reason: String)
    case notMarkdown(path: String, reason: String)
    case unknownCellFlag(String)
    case unterminatedOutputBlock
    case writeFailed(path: String, reason: String)

    // Syntax
    case unexpectedCharacter(String)
    case unterminatedString
    case unterminatedComment
    case invalidNumber(String)
    case expected(String, found: String)
    case unsupported(String)

    // Resolution
    case undefinedName(String)
    case undefinedMember(type: String, member: String)
    case wrongArgumentLabels(callee: String, expected: String, found: String)
    case wrongArgumentCount(callee: String, expected: Int, found: Int)
    case assignToConstant(String)
    case invalidAssignmentTarget
    case misplaced(String)

    // Running
    case typeMismatch(operation: String, lhs: String, rhs: String)
    case cannotConvert(from: String, to: String)
    case notCallable(String)
    case indexOutOfRange(index: Int, count: Int)
    case divisionByZero
    case arithmeticOverflow(String)
    case unwrappedNil
    case preconditionFailed(String)
    case assertionFailed(String)
    case fatalError(String)
    case recursionTooDeep(limit: Int)
    case timedOut(cell: Int, seconds: Double)
    case interrupted(cell: Int)
    case expectedErrorMissing
    case shapeMismatch(String)
    /// A tensor operation refused its operands.
    case tensor(TensorError)
    /// A tensor error inside one layer of a `Sequential`.
    case layer(path: String, type: String, TensorError)
    case runtime(String)

    /// Ctrl-C stopped the cell: not a failure of its code.
    public var isInterrupt: Bool {
        if case .interrupted = self { true } else { false }
    }

    public var text: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read '\(path)': \(reason)"
        case .notMarkdown(let path, let reason): "'\(path)' is not a Markdown chapter: \(reason)"
        case .unknownCellFlag(let flag):
            "unknown cell flag '\(flag)' (known flags: norun, expect-error)"
        case .unterminatedOutputBlock: "output block has no '<!-- litrun:end -->' marker"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        case .unexpectedCharacter(let c): "unexpected character '\(c)'"
        case .unterminatedString: "unterminated string literal"
        case .unterminatedComment: "unterminated '/*' comment"
        case .invalidNumber(let s): "invalid number literal '\(s)'"
        case .expected(let what, let found): "expected \(what), found \(found)"
        case .unsupported(let feature): "cell language does not support \(feature)"
        case .undefinedName(let name): "cannot find '\(name)' in scope"
        case .undefinedMember(let type, let member): "value of type '\(type)' has no member '\(member)'"
        case .wrongArgumentLabels(let callee, let expected, let found):
            "incorrect argument labels in call to '\(callee)' (have '\(found)', expected '\(expected)')"
        case .wrongArgumentCount(let callee, let expected, let found):
            "'\(callee)' takes \(expected) argument\(expected == 1 ? "" : "s") but \(found) \(found == 1 ? "was" : "were") given"
        case .assignToConstant(let name): "cannot assign to value: '\(name)' is a 'let' constant"
        case .invalidAssignmentTarget: "cannot assign to this expression"
        case .misplaced(let what): "\(what)"
        case .typeMismatch(let op, let lhs, let rhs):
            "binary operator '\(op)' cannot be applied to operands of type '\(lhs)' and '\(rhs)'"
        case .cannotConvert(let from, let to): "cannot convert value of type '\(from)' to expected type '\(to)'"
        case .notCallable(let type): "cannot call value of type '\(type)'"
        case .indexOutOfRange(let index, let count): "index \(index) is out of range for count \(count)"
        case .divisionByZero: "division by zero"
        case .arithmeticOverflow(let op): "arithmetic overflow in '\(op)'"
        case .unwrappedNil: "unexpectedly found nil while unwrapping an Optional value"
        case .preconditionFailed(let m): m.isEmpty ? "precondition failed" : "precondition failed: \(m)"
        case .assertionFailed(let m): m.isEmpty ? "assertion failed" : "assertion failed: \(m)"
        case .fatalError(let m): m.isEmpty ? "fatal error" : "fatal error: \(m)"
        case .recursionTooDeep(let limit): "call stack exceeded \(limit) frames (runaway recursion?)"
        case .timedOut(let cell, let seconds): "cell \(cell) ran longer than the \(formatSeconds(seconds)) s timeout"
        case .interrupted(let cell): "cell \(cell) was interrupted"
        case .expectedErrorMissing: "cell is marked 'expect-error' but ran without an error"
        case .shapeMismatch(let m): m
        case .tensor(let error): error.description
        case .layer(let path, let type, let error): "in layer \(path) (\(type)): \(error.description)"
        case .runtime(let m): m
        }
    }
}

private func formatSeconds(_ s: Double) -> String {
    Int(exactly: s).map(String.init) ?? String(s)
}
