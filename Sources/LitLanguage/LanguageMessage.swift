import LitDiagnostics

/// What went wrong in a cell: its syntax, its names, or running it. Named so that tests
/// match the case rather than the text.
public enum LanguageMessage: ErrorMessage {
    // Syntax
    case unexpectedCharacter(String)
    case unterminatedString
    case unterminatedComment
    case invalidNumber(String)
    case expected(String, found: String)
    case unsupported(String)
    /// Something that reaches outside the sandbox: the file system, processes, the
    /// environment, modules.
    case sandboxed(String)

    // Resolution
    /// `suggestion` is a defined name close to the one typed.
    case undefinedName(String, suggestion: String? = nil)
    case undefinedType(String, suggestion: String? = nil)
    case castFailed(from: String, to: String)
    case undefinedMember(type: String, member: String, suggestion: String? = nil)
    /// `suggestion` is a label of the callee close to one that was given.
    case wrongArgumentLabels(callee: String, expected: String, found: String, suggestion: String? = nil)
    case wrongArgumentCount(callee: String, expected: Int, found: Int)
    case assignToConstant(String)
    case invalidAssignmentTarget
    case misplaced(String)

    // Running
    case typeMismatch(operation: String, lhs: String, rhs: String)
    case unaryTypeMismatch(operation: String, operand: String)
    case cannotConvert(from: String, to: String)
    case notCallable(String)
    /// Nil where no default fills a parameter: a native call with too few arguments.
    case missingArgument(label: String?)
    case noMatchingOverload(name: String, arguments: [String])
    case indexOutOfRange(index: Int, count: Int)
    case divisionByZero
    case arithmeticOverflow(String)
    case remainderOfDouble
    case doubleOutsideIntRange(Double)
    case unwrappedNil
    case memberOfOptional(member: String)
    case preconditionFailed(String)
    case assertionFailed(String)
    case fatalError(String)
    case recursionTooDeep(limit: Int)
    case timedOut(cell: Int, seconds: Double)
    case interrupted(cell: Int)

    // Classes and properties
    case uninitializedProperty(type: String, property: String)
    case getOnlyProperty(String)
    /// A native object's property that has no setter.
    case readOnlyProperty(String, type: String)
    /// A property of a value that has no stored properties, such as an Int.
    case propertyOfValue(String, type: String)

    // Collections, ranges and sequences
    case assignThroughSubscript(type: String)
    case invalidSubscript(type: String, arguments: [String])
    case dictionarySubscriptForm
    case invalidDictionaryKey(type: String)
    /// The key as the cell would print it, quoted when a String.
    case duplicateDictionaryKey(String)
    /// `prefix`, `suffix`, `dropFirst` or `dropLast` with a negative count.
    case negativeSliceLength(method: String, count: Int)
    case removeFromEmptyArray
    case negativeRepeatCount(type: String)
    case oneSidedRangeNeedsInt
    case invertedRange(lower: Int, upper: Int, closed: Bool)
    case rangeOutOfBounds(lower: Int, upper: Int, count: Int)
    case notASequence(type: String)
    case expectedSequence(type: String)
    /// The value as the cell would print it.
    case noSwitchCaseMatched(String)
    case randomNeedsRange
    case randomFromEmptyRange
    case zeroStrideStep
    case invalidStrideStep

    // The cell language's limit of 10,000,000 elements or bytes, which keeps a runaway
    // loop from exhausting memory.
    /// `kind` is "string" or "array".
    case collectionPastLimit(kind: String, size: Int)
    /// `function` is the initializer that would make the string.
    case stringPastLimit(function: String)
    case arrayPastLimit
    case stridePastLimit
    case rangePastLimit(lower: Int, upper: Int)
    case formatWidthPastLimit(String)

    // String(format:)
    case formatEndsInsideConversion
    /// The conversion without its '%', as written: "5q".
    case unsupportedFormatConversion(String)
    case tooFewFormatArguments(Int)
    case tooManyFormatArguments(Int)
    case formatArgumentMismatch(conversion: String, type: String)

    /// An error raised by a library bound into the language, shown with its own text.
    case library(any ErrorMessage)

    /// Ctrl-C stopped the cell: not a failure of its code.
    public var isInterrupt: Bool {
        if case .interrupted = self { true } else { false }
    }
}
