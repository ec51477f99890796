import Foundation

/// Runs cells against one shared context. Top-level declarations persist from cell to
/// cell; redeclaring a name in a later cell replaces it (the notebook rule).
public final class Interpreter {
    struct Frame {
        var function: String
        /// The cell whose code is running in this frame.
        var cell: Int
        var callOffset: Int
        var callCell: Int
        var receiver: Instance?
        var owner: ClassInfo?
        var isInitializer: Bool
        /// What a `return` in this frame must produce; nil for closures.
        var returnType: TypeRef? = nil
    }

    enum Flow {
        case normal
        case returned(Value)
        case breakLoop
        case continueLoop
    }

    let globals = Scope(parent: nil)
    var builtins: [String: Value] = [:]
    var frames: [Frame] = []
    var currentCell = 0
    /// Where the innermost call from cell code was made, for library code calling back into cells.
    var nativeCallOffset = LanguageError.unpositioned
    /// Text printed by the running cell, capped at `PrintedText.maximumLines` lines.
    public var output: String { printed.text }
    private var printed = PrintedText()
    /// Tables and figures the running cell produced, with the text printed before each.
    public private(set) var emittedItems: [OutputItem] = []
    /// Files for the chapter's assets folder, such as training curves, from every cell run so far.
    public private(set) var assets: [ChapterAsset] = []
    /// The chapter's file name, for progress lines and the assets folder.
    public var chapterName = "chapter.md"
    /// The folder, relative to the chapter, that figures go in: `batchnorm.assets`.
    public var assetFolder: String { Chapter.assetFolder(forChapterNamed: chapterName) }
    public var maximumCallDepth = 3000
    private var deadline: UInt64?
    private var timeoutSeconds: Double = 0
    private var steps = 0
    /// Library hooks read this, for example to seed their generators.
    public let seed: UInt64
    /// The chapter's one random stream (`Int.random(in:)`, `shuffled()`), seeded by `--seed`.
    public var random: SplitMix64
    /// Data location, budget and progress for the library's calls.
    public let settings: LibrarySettings

    public init(seed: UInt64 = 0, settings: LibrarySettings = LibrarySettings()) {
        self.seed = seed
        self.random = SplitMix64(seed: seed)
        self.settings = settings
        installBuiltins()
        installTensorLibrary()
        installModuleLibrary()
        installTrainingLibrary()
        installDataLibrary()
    }

    /// The result of running one cell.
    public struct CellResult {
        /// Everything the cell printed, followed by the display of its last bare expression.
        public var text: String
        public var displayed: Value?
        /// The cell's whole output in order: text, tables and figures.
        public var items: [OutputItem]
    }

    /// Parses, resolves and runs one cell's code.
    public func run(_ code: String, cell: Int, timeout: Double? = nil) throws(LanguageError) -> CellResult {
        printed = PrintedText()  // a cell that fails to parse printed nothing
        emittedItems = []
        let statements = try parse(code, cell: cell)
        return try execute(statements, cell: cell, timeout: timeout)
    }

    func parse(_ code: String, cell: Int) throws(LanguageError) -> [Stmt] {
        do {
            let statements = try Parser.parse(code)
            var resolver = Resolver(interpreter: self)
            try resolver.check(statements)
            return statements
        } catch {
            var error = error
            error.cell = cell
            throw error
        }
    }

    func execute(_ statements: [Stmt], cell: Int, timeout: Double?) throws(LanguageError) -> CellResult {
        currentCell = cell
        frames = []
        if let timeout {
            timeoutSeconds = timeout
            // Capped at about 31 years, so that a huge limit cannot overflow the conversion.
            deadline = DispatchTime.now().uptimeNanoseconds + UInt64(min(max(0, timeout), 1e9) * 1e9)
        } else {
            deadline = nil
        }
        var displayed: Value?
        do {
            var body = statements
            var last: Expr?
            if case .expression(let expr)? = body.last?.kind, Interpreter.isDisplayable(expr) {
                last = expr
                body.removeLast()
            }
            _ = try exec(body, in: globals)
            if let last {
                let value = try eval(last, in: globals)
                if case .void = value {} else { displayed = value }
            }
        } catch {
            var error = error
            if error.cell == nil { error.cell = cell }
            throw error
        }
        var text = output
        if let displayed { text += displayed.description + "\n" }
        let items = emittedItems + (text.isEmpty ? [] : [.text(text)])
        return CellResult(text: items.plainText, displayed: displayed, items: items)
    }

    /// A cell's last expression is shown unless it is an assignment or a `print`.
    private static func isDisplayable(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .assign: return false
        case .call(let callee, _):
            if case .name(let name) = callee.kind, ["print", "precondition", "assert"].contains(name) { return false }
            return true
        default: return true
        }
    }

    /// Appends to the cell's printed output.
    public func write(_ text: String) {
        printed.append(text)
    }

    /// Adds a table or figure to the cell's output, after what it printed so far.
    public func emit(_ item: OutputItem) {
        let text = printed.text
        if !text.isEmpty { emittedItems.append(.text(text)) }
        printed = PrintedText()
        emittedItems.append(item)
    }

    /// Keeps a file for the assets folder and returns its path relative to the chapter:
    /// `batchnorm.assets/cell-12-training.svg`. The name depends only on the cell and
    /// `name`, so re-runs overwrite the same file; a second figure of the same name in
    /// one cell gets `-2`.
    public func addAsset(named name: String, extension fileExtension: String, contents: [UInt8]) -> String {
        let stem = "\(assetFolder)/cell-\(currentCell)-\(name)"
        var path = "\(stem).\(fileExtension)"
        var copy = 1
        while assets.contains(where: { $0.path == path }) {
            copy += 1
            path = "\(stem)-\(copy).\(fileExtension)"
        }
        assets.append(ChapterAsset(path: path, contents: contents))
        return path
    }

    var cellOfRunningCode: Int { frames.last?.cell ?? currentCell }

    func error(_ message: LanguageMessage, at offset: Int) -> LanguageError {
        LanguageError(message, at: offset, cell: cellOfRunningCode)
    }

    /// Stops with the cell's time-limit error once its deadline has passed, or with an
    /// interrupt after Ctrl-C; for library code that runs long (a training loop) between
    /// cell statements.
    public func checkDeadline() throws(LanguageError) {
        try stopIfDue(at: nativeCallOffset)
    }

    /// Called at loop iterations and calls, so that `--timeout` and Ctrl-C stop runaway cells.
    @inline(__always)
    func tick(at offset: Int) throws(LanguageError) {
        steps &+= 1
        guard steps & 1023 == 0 else { return }
        try stopIfDue(at: offset)
    }

    /// Throws the interrupt after Ctrl-C, or the time-limit error once the deadline passed.
    private func stopIfDue(at offset: Int) throws(LanguageError) {
        if InterruptRequest.isRequested { throw error(.interrupted(cell: currentCell), at: offset) }
        guard let deadline, DispatchTime.now().uptimeNanoseconds > deadline else { return }
        throw error(.timedOut(cell: currentCell, seconds: timeoutSeconds), at: offset)
    }
}
