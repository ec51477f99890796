/// A fenced `swift` block of a chapter, with where it sits in the chapter's bytes.
public struct Cell: Sendable, Equatable {
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Shown, never run.
        public static let norun = Flags(rawValue: 1)
        /// Must fail; its error becomes its output.
        public static let expectError = Flags(rawValue: 2)
        /// Holds the chapter's parameters, `let` declarations that `-p NAME=VALUE` overrides.
        public static let parameters = Flags(rawValue: 4)
    }

    /// 1-based position among the chapter's cells.
    public var number: Int
    /// The whole info string, for example `swift expect-error`.
    public var info: String
    public var flags: Flags
    /// The code as cmark gives it, container prefixes removed, lines ended by "\n".
    public var code: String
    /// Chapter line (1-based) of the opening fence.
    public var fenceLine: Int
    /// Chapter line (1-based) of the first line of `code`.
    public var firstCodeLine: Int
    /// For code line `i` (0-based), the chapter column of that line's first byte is
    /// `codeColumnOffsets[i] + 1`; so a 1-based code column `c` is chapter column
    /// `codeColumnOffsets[i] + c`.
    public var codeColumnOffsets: [Int]
    /// Bytes from the start of the opening fence's line to the end of the block's last
    /// line, without that line's terminator.
    public var range: Range<Int>
    /// What must precede every line written inside the same container as this cell
    /// (for example "> " in a block quote, spaces in a list item); "" at top level.
    public var containerPrefix: String
    /// The output block directly below this cell, if there is one.
    public var output: OutputBlock?

    public init(
        number: Int, info: String, flags: Flags, code: String, fenceLine: Int, firstCodeLine: Int,
        codeColumnOffsets: [Int], range: Range<Int>, containerPrefix: String, output: OutputBlock?
    ) {
        self.number = number
        self.info = info
        self.flags = flags
        self.code = code
        self.fenceLine = fenceLine
        self.firstCodeLine = firstCodeLine
        self.codeColumnOffsets = codeColumnOffsets
        self.range = range
        self.containerPrefix = containerPrefix
        self.output = output
    }
}
