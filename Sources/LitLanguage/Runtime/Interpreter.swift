import Foundation
import LitDiagnostics
import LitRandom

/// Runs cells against one shared context. Top-level declarations persist from cell to
/// cell; redeclaring a name in a later cell replaces it (the notebook rule).
public final class Interpreter {
    package struct Frame {
        package var function: String
        /// The cell whose code is running in this frame.
        package var cell: Int
        package var callOffset: Int
        package var callCell: Int
        package var receiver: Instance?
        package var owner: ClassInfo?
        package var isInitializer: Bool
        /// What a `return` in this frame must produce; nil for closures.
        package var returnType: TypeRef? = nil
    }

    package enum Flow {
        case normal
        case returned(Value)
        case breakLoop
        case continueLoop
    }

    package let globals = Scope(parent: nil)
    package var builtins: [String: Value] = [:]
    /// Each parsed cell's declarations (`Parser.declarations`), which a snapshot names
    /// functions, closures and classes by.
    package var declarationsByCell: [Int: [Declaration]] = [:]
    package var frames: [Frame] = []
    package var currentCell = 0
    /// Where the innermost call from cell code was made, for library code calling back into cells.
    package var nativeCallOffset = LanguageError.unpositioned
    /// Text printed by the running cell, capped at `PrintedText.maximumLines` lines.
    public var output: String { printed.text }
    private var printed = PrintedText()
    public var maximumCallDepth = 3000
    private var deadline: UInt64?
    private var timeoutSeconds: Double = 0
    private var steps = 0
    /// Library hooks read this, for example to seed their generators.
    public let seed: UInt64
    /// The chapter's one random stream (`Int.random(in:)`, `shuffled()`), seeded by `--seed`.
    public var random: SplitMix64
    /// Type names that casts accept besides the built-in ones and the global names: the
    /// libraries' types that cells never construct by name (`Tensor`).
    public var nativeTypeNames: Set<String> = []

    /// An interpreter with the language's own built-ins; libraries add theirs with
    /// `define` and `defineBaseClass`.
    public init(seed: UInt64 = 0) {
        self.seed = seed
        self.random = SplitMix64(seed: seed)
        installBuiltins()
    }

    /// The result of running one cell.
    public struct CellResult {
        /// What the cell printed since the last `takePrintedText()`, followed by the
        /// display of its last bare expression.
        public var text: String
        public var displayed: Value?
    }

    /// The cell being run, or the last one run.
    public var cell: Int { currentCell }

    /// Parses, resolves and runs one cell's code.
    public func run(_ code: String, cell: Int, timeout: Double? = nil) throws(LanguageError) -> CellResult {
        printed = PrintedText()  // a cell that fails to parse printed nothing
        let statements = try parse(code, cell: cell)
        return try execute(statements, cell: cell, timeout: timeout)
    }

    package func parse(_ code: String, cell: Int) throws(LanguageError) -> [Stmt] {
        do {
            let (statements, declarations) = try Parser.parseCell(code)
            declarationsByCell[cell] = declarations
            var resolver = Resolver(lookupGlobal: { [unowned self] name in lookupGlobal(name) },
                                    globalNames: { [unowned self] in globals.entries.map(\.name) + builtins.keys })
            try resolver.check(statements)
            return statements
        } catch {
            var error = error
            error.cell = cell
            throw error
        }
    }

    package func execute(_ statements: [Stmt], cell: Int, timeout: Double?) throws(LanguageError) -> CellResult {
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
        return CellResult(text: text, displayed: displayed)
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

    /// Hands over what the running cell printed so far and starts afresh, so that a
    /// library can place a table or figure after the text that came before it.
    public func takePrintedText() -> String {
        let text = printed.text
        printed = PrintedText()
        return text
    }

    /// Makes a library class that cell classes can subclass, such as `Module`.
    public func defineBaseClass(_ name: String, _ base: NativeClassBase) {
        builtins[name] = .classRef(ClassInfo(nativeBase: base, scope: globals))
    }

    package var cellOfRunningCode: Int { frames.last?.cell ?? currentCell }

    package func error(_ message: LanguageMessage, at offset: Int) -> LanguageError {
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
    package func tick(at offset: Int) throws(LanguageError) {
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
