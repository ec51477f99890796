/// The words of each message, as Swift's compiler and runtime would put them where they have one.
extension LanguageMessage {
    public var description: String {
        switch self {
        case .unexpectedCharacter(let c): "unexpected character '\(c)'"
        case .unterminatedString: "unterminated string literal"
        case .unterminatedComment: "unterminated '/*' comment"
        case .invalidNumber(let s): "invalid number literal '\(s)'"
        case .expected(let what, let found): "expected \(what), found \(found)"
        case .unsupported(let feature): "cell language does not support \(feature)"
        case .sandboxed(let what):
            "cell language does not support \(what): cells run in a sandbox, without the file system, the network, processes or the "
                + "environment; read the chapter's own files with readText(\"data/x.csv\") or loadCSV(\"data/x.csv\")"
        case .undefinedName(let name, let suggestion): "cannot find '\(name)' in scope" + didYouMean(suggestion)
        case .undefinedType(let name, let suggestion): "cannot find type '\(name)' in scope" + didYouMean(suggestion)
        case .castFailed(let from, let to): "could not cast value of type '\(from)' to '\(to)'"
        case .undefinedMember(let type, let member, let suggestion):
            "value of type '\(type)' has no member '\(member)'" + didYouMean(suggestion)
        case .wrongArgumentLabels(let callee, let expected, let found, let suggestion):
            "incorrect argument labels in call to '\(callee)' (have '\(found)', expected '\(expected)')"
                + (suggestion.map { "; did you mean '\($0):'?" } ?? "")
        case .wrongArgumentCount(let callee, let expected, let found):
            "'\(callee)' takes \(expected) argument\(expected == 1 ? "" : "s") but \(found) \(found == 1 ? "was" : "were") given"
        case .assignToConstant(let name): "cannot assign to value: '\(name)' is a 'let' constant"
        case .invalidAssignmentTarget: "cannot assign to this expression"
        case .misplaced(let what): "\(what)"
        case .typeMismatch(let op, let lhs, let rhs):
            "binary operator '\(op)' cannot be applied to operands of type '\(lhs)' and '\(rhs)'"
        case .unaryTypeMismatch(let op, let operand):
            "unary operator '\(op)' cannot be applied to an operand of type '\(operand)'"
        case .cannotConvert(let from, let to): "cannot convert value of type '\(from)' to expected type '\(to)'"
        case .notCallable(let type): "cannot call value of type '\(type)'"
        case .missingArgument(let label): "missing argument\(label.map { " for parameter '\($0)'" } ?? "") in call"
        case .noMatchingOverload(let name, let arguments):
            "no form of '\(name)' accepts arguments (\(arguments.joined(separator: ", ")))"
        case .indexOutOfRange(let index, let count): "index \(index) is out of range for count \(count)"
        case .divisionByZero: "division by zero"
        case .arithmeticOverflow(let op): "arithmetic overflow in '\(op)'"
        case .remainderOfDouble: "'%' is unavailable for Double in Swift; use truncatingRemainder(dividingBy:)"
        case .doubleOutsideIntRange(let d):
            "Double value \(d) cannot be converted to Int because it is outside the representable range"
        case .unwrappedNil: "unexpectedly found nil while unwrapping an Optional value"
        case .memberOfOptional(let member):
            "value of optional type must be unwrapped to refer to member '\(member)'; use '?.' or '!'"
        case .preconditionFailed(let m): m.isEmpty ? "precondition failed" : "precondition failed: \(m)"
        case .assertionFailed(let m): m.isEmpty ? "assertion failed" : "assertion failed: \(m)"
        case .fatalError(let m): m.isEmpty ? "fatal error" : "fatal error: \(m)"
        case .recursionTooDeep(let limit): "call stack exceeded \(limit) frames (runaway recursion?)"
        case .timedOut(let cell, let seconds):
            "cell \(cell) ran longer than the \(formatSeconds(seconds)) s timeout; allow more with --timeout SECONDS, or 0 for no limit"
        case .interrupted(let cell): "cell \(cell) was interrupted"
        case .uninitializedProperty(let type, let property):
            "'\(type).init' returned without initializing property '\(property)'"
        case .getOnlyProperty(let name): "cannot assign to property: '\(name)' is a get-only property"
        case .readOnlyProperty(let name, let type): "cannot assign to property '\(name)' of '\(type)'"
        case .propertyOfValue(let name, let type): "cannot assign to property '\(name)' of a value of type '\(type)'"
        case .assignThroughSubscript(let type): "cannot assign through a subscript of '\(type)'"
        case .invalidSubscript(let type, let arguments):
            "cannot subscript a value of type '\(type)' with (\(arguments.joined(separator: ", ")))"
        case .dictionarySubscriptForm: "a dictionary is subscripted as d[key] or d[key, default: value]"
        case .invalidDictionaryKey(let type): "dictionary keys must be Int, Double, Bool or String, not '\(type)'"
        case .duplicateDictionaryKey(let key): "dictionary literal contains duplicate key \(key)"
        case .negativeSliceLength(let method, let count):
            method.hasPrefix("drop") ? "can't drop a negative number of elements (\(count))"
                : "can't take a \(method) of negative length (\(count))"
        case .removeFromEmptyArray: "can't remove from an empty array"
        case .negativeRepeatCount(let type): "can't construct \(type) with count < 0"
        case .oneSidedRangeNeedsInt: "a one-sided range needs an Int bound"
        case .invertedRange(let lower, let upper, let closed):
            "range requires lowerBound <= upperBound, but got \(lower)\(closed ? "..." : "..<")\(upper)"
        case .rangeOutOfBounds(let lower, let upper, let count):
            "range \(lower)..<\(upper) is out of bounds for count \(count)"
        case .notASequence(let type): "for-in loop requires a sequence, but '\(type)' is not one"
        case .expectedSequence(let type): "expected a sequence, got '\(type)'"
        case .noSwitchCaseMatched(let value): "no case of the switch matched \(value); add a 'default' case"
        case .randomNeedsRange: "Int.random(in:) takes a range, as in Int.random(in: 0..<10)"
        case .randomFromEmptyRange: "Int.random(in:) needs a non-empty range"
        case .zeroStrideStep: "stride step must not be zero"
        case .invalidStrideStep: "stride step must be finite and not zero"
        case .collectionPastLimit(let kind, let size):
            "\(kind) would grow to \(size) \(kind == "string" ? "bytes" : "elements"), past the cell language's limit of 10,000,000"
        case .stringPastLimit(let function): "\(function) would be longer than 10,000,000 bytes"
        case .arrayPastLimit: "Array(repeating:count:) is limited to 10,000,000 elements"
        case .stridePastLimit: "stride would produce more than 10,000,000 values"
        case .rangePastLimit(let lower, let upper): "range \(lower)..<\(upper) has more than 10,000,000 elements"
        case .formatWidthPastLimit(let digits):
            "format width or precision '\(digits)' is past the string limit of 10,000,000"
        case .formatEndsInsideConversion: "format string ends inside a '%' conversion"
        case .unsupportedFormatConversion(let conversion): "format conversion '%\(conversion)' is not supported"
        case .tooFewFormatArguments(let count): "format string has more conversions than arguments (\(count))"
        case .tooManyFormatArguments(let count): "format string has fewer conversions than arguments (\(count))"
        case .formatArgumentMismatch(let conversion, let type):
            "format conversion '%\(conversion)' does not take a value of type '\(type)'"
        case .library(let error): error.description
        }
    }
}

private func formatSeconds(_ s: Double) -> String {
    Int(exactly: s).map(String.init) ?? String(s)
}

private func didYouMean(_ suggestion: String?) -> String {
    suggestion.map { "; did you mean '\($0)'?" } ?? ""
}
