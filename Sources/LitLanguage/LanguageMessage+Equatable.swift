import LitDiagnostics

/// Written by hand because a library's error is any `ErrorMessage`, which is not
/// `Equatable` itself: two library errors are equal when their own type says so.
extension LanguageMessage: Equatable {
    public static func == (lhs: LanguageMessage, rhs: LanguageMessage) -> Bool {
        switch (lhs, rhs) {
        case let (.library(a), .library(b)): a.isEqual(to: b)
        case let (.unexpectedCharacter(a), .unexpectedCharacter(b)): a == b
        case (.unterminatedString, .unterminatedString): true
        case (.unterminatedComment, .unterminatedComment): true
        case let (.invalidNumber(a), .invalidNumber(b)): a == b
        case let (.expected(a0, a1), .expected(b0, b1)): a0 == b0 && a1 == b1
        case let (.unsupported(a), .unsupported(b)): a == b
        case let (.sandboxed(a), .sandboxed(b)): a == b
        case let (.undefinedName(a0, a1), .undefinedName(b0, b1)): a0 == b0 && a1 == b1
        case let (.undefinedType(a0, a1), .undefinedType(b0, b1)): a0 == b0 && a1 == b1
        case let (.castFailed(a0, a1), .castFailed(b0, b1)): a0 == b0 && a1 == b1
        case let (.undefinedMember(a0, a1, a2), .undefinedMember(b0, b1, b2)): a0 == b0 && a1 == b1 && a2 == b2
        case let (.wrongArgumentLabels(a0, a1, a2, a3), .wrongArgumentLabels(b0, b1, b2, b3)): a0 == b0 && a1 == b1 && a2 == b2 && a3 == b3
        case let (.wrongArgumentCount(a0, a1, a2), .wrongArgumentCount(b0, b1, b2)): a0 == b0 && a1 == b1 && a2 == b2
        case let (.assignToConstant(a), .assignToConstant(b)): a == b
        case (.invalidAssignmentTarget, .invalidAssignmentTarget): true
        case let (.misplaced(a), .misplaced(b)): a == b
        case let (.typeMismatch(a0, a1, a2), .typeMismatch(b0, b1, b2)): a0 == b0 && a1 == b1 && a2 == b2
        case let (.unaryTypeMismatch(a0, a1), .unaryTypeMismatch(b0, b1)): a0 == b0 && a1 == b1
        case let (.cannotConvert(a0, a1), .cannotConvert(b0, b1)): a0 == b0 && a1 == b1
        case let (.notCallable(a), .notCallable(b)): a == b
        case let (.missingArgument(a), .missingArgument(b)): a == b
        case let (.noMatchingOverload(a0, a1), .noMatchingOverload(b0, b1)): a0 == b0 && a1 == b1
        case let (.indexOutOfRange(a0, a1), .indexOutOfRange(b0, b1)): a0 == b0 && a1 == b1
        case (.divisionByZero, .divisionByZero): true
        case let (.arithmeticOverflow(a), .arithmeticOverflow(b)): a == b
        case (.remainderOfDouble, .remainderOfDouble): true
        case let (.doubleOutsideIntRange(a), .doubleOutsideIntRange(b)): a == b
        case (.unwrappedNil, .unwrappedNil): true
        case let (.memberOfOptional(a), .memberOfOptional(b)): a == b
        case let (.preconditionFailed(a), .preconditionFailed(b)): a == b
        case let (.assertionFailed(a), .assertionFailed(b)): a == b
        case let (.fatalError(a), .fatalError(b)): a == b
        case let (.recursionTooDeep(a), .recursionTooDeep(b)): a == b
        case let (.timedOut(a0, a1), .timedOut(b0, b1)): a0 == b0 && a1 == b1
        case let (.interrupted(a), .interrupted(b)): a == b
        case let (.uninitializedProperty(a0, a1), .uninitializedProperty(b0, b1)): a0 == b0 && a1 == b1
        case let (.getOnlyProperty(a), .getOnlyProperty(b)): a == b
        case let (.readOnlyProperty(a0, a1), .readOnlyProperty(b0, b1)): a0 == b0 && a1 == b1
        case let (.propertyOfValue(a0, a1), .propertyOfValue(b0, b1)): a0 == b0 && a1 == b1
        case let (.assignThroughSubscript(a), .assignThroughSubscript(b)): a == b
        case let (.invalidSubscript(a0, a1), .invalidSubscript(b0, b1)): a0 == b0 && a1 == b1
        case (.dictionarySubscriptForm, .dictionarySubscriptForm): true
        case let (.invalidDictionaryKey(a), .invalidDictionaryKey(b)): a == b
        case let (.duplicateDictionaryKey(a), .duplicateDictionaryKey(b)): a == b
        case let (.negativeSliceLength(a0, a1), .negativeSliceLength(b0, b1)): a0 == b0 && a1 == b1
        case (.removeFromEmptyArray, .removeFromEmptyArray): true
        case let (.negativeRepeatCount(a), .negativeRepeatCount(b)): a == b
        case (.oneSidedRangeNeedsInt, .oneSidedRangeNeedsInt): true
        case let (.invertedRange(a0, a1, a2), .invertedRange(b0, b1, b2)): a0 == b0 && a1 == b1 && a2 == b2
        case let (.rangeOutOfBounds(a0, a1, a2), .rangeOutOfBounds(b0, b1, b2)): a0 == b0 && a1 == b1 && a2 == b2
        case let (.notASequence(a), .notASequence(b)): a == b
        case let (.expectedSequence(a), .expectedSequence(b)): a == b
        case let (.noSwitchCaseMatched(a), .noSwitchCaseMatched(b)): a == b
        case (.randomNeedsRange, .randomNeedsRange): true
        case (.randomFromEmptyRange, .randomFromEmptyRange): true
        case (.zeroStrideStep, .zeroStrideStep): true
        case (.invalidStrideStep, .invalidStrideStep): true
        case let (.collectionPastLimit(a0, a1), .collectionPastLimit(b0, b1)): a0 == b0 && a1 == b1
        case let (.stringPastLimit(a), .stringPastLimit(b)): a == b
        case (.arrayPastLimit, .arrayPastLimit): true
        case (.stridePastLimit, .stridePastLimit): true
        case let (.rangePastLimit(a0, a1), .rangePastLimit(b0, b1)): a0 == b0 && a1 == b1
        case let (.formatWidthPastLimit(a), .formatWidthPastLimit(b)): a == b
        case (.formatEndsInsideConversion, .formatEndsInsideConversion): true
        case let (.unsupportedFormatConversion(a), .unsupportedFormatConversion(b)): a == b
        case let (.tooFewFormatArguments(a), .tooFewFormatArguments(b)): a == b
        case let (.tooManyFormatArguments(a), .tooManyFormatArguments(b)): a == b
        case let (.formatArgumentMismatch(a0, a1), .formatArgumentMismatch(b0, b1)): a0 == b0 && a1 == b1
        default: false
        }
    }
}
