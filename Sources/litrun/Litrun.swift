import ArgumentParser
import Foundation
import Lit
import enum LitLanguage.InterruptRequest
import LitLibrary
import LitRendering

/// The `litrun` command: a thin layer over `ChapterJob`; all logic lives in Lit.
@main
struct Litrun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litrun",
        abstract: "Run the Swift cells of Markdown chapters and write their outputs back.",
        discussion: """
            Exit status: 0 on success, 1 when a cell failed (or --check found stale cells),
            2 for bad usage or an unreadable chapter, 130 when Ctrl-C or SIGTERM stopped a cell.

            litrun publish CHAPTER... --to DIR writes the chapters as a static web site;
            see 'litrun publish --help'.
            """,
        version: "litrun \(LitrunVersion.current)")

    @Argument(help: "Markdown chapters to run; a directory stands for every .md file in it, in name order.")
    var chapters: [String]

    @Flag(help: "Run nothing; report cells whose outputs are missing or stale and exit 1 if any.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("Write the result to this file and leave the chapter untouched.", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("stdout"), help: "Write the result to standard output and leave the chapter untouched.")
    var toStandardOutput = false

    @Option(help: "Seed for every random number (initialisation, shuffling, rand).")
    var seed: UInt64 = RunOptions.defaultSeed

    @Option(help: ArgumentHelp("Time limit per cell in seconds (default: none; 0 also means none).", valueName: "seconds"))
    var timeout: Double = 0

    @Option(help: ArgumentHelp("Run on a small budget: a sample of the data and fewer epochs, for a quick check. "
                               + "Outputs are marked as budget outputs, which --check reports as stale.", valueName: "quick"))
    var budget: String?

    @Option(help: ArgumentHelp(
        "Directory holding the Fashion-MNIST files (default: $\(LibrarySettings.dataEnvironmentVariable), else \(LibrarySettings.standardDataDirectory)).",
        valueName: "dir"))
    var data: String?

    @Option(name: [.customShort("p"), .customLong("param")], parsing: .singleValue,
            help: ArgumentHelp("Give a parameter of the chapter's 'swift parameters' cell another value; repeatable. "
                               + "Outputs are then marked params=..., which --check reports as stale.", valueName: "name=value"))
    var param: [String] = []

    @Flag(name: .customLong("no-cache"), help: "Run every cell from the start, and neither read nor write the snapshot cache.")
    var noCache = false

    @Flag(name: .customLong("clean-cache"), help: "Delete the chapters' snapshots from .litrun-cache/ and run nothing.")
    var cleanCache = false

    @Option(name: .customLong("cache-limit"),
            help: ArgumentHelp("The most the .litrun-cache/ folder may hold, as 500MB or 2GB (default: 2GB); the oldest snapshots go first.",
                               valueName: "size"))
    var cacheLimit: String?

    /// `-p` values split at their first `=`.
    var parameters: [(name: String, value: String)] {
        param.compactMap { text in
            text.firstIndex(of: "=").map { (String(text[..<$0]), String(text[text.index(after: $0)...])) }
        }
    }

    func validate() throws {
        for text in param where text.firstIndex(of: "=").map({ $0 == text.startIndex }) ?? true {
            throw ValidationError("-p takes NAME=VALUE, such as -p epochs=1, not '\(text)'")
        }
        if let cacheLimit, CachePolicy.bytes(from: cacheLimit) == nil {
            throw ValidationError("--cache-limit takes a size such as 500MB or 2GB, not '\(cacheLimit)'")
        }
        if cleanCache && check { throw ValidationError("--clean-cache and --check cannot be used together") }
        if let budget, Budget.named(budget) == nil {
            throw ValidationError("unknown budget '\(budget)'; the budgets are: \(Budget.all.map(\.name).joined(separator: ", "))")
        }
        if output != nil && toStandardOutput { throw ValidationError("--output and --stdout cannot be used together") }
        if (output != nil || toStandardOutput) && chapters.count != 1 {
            throw ValidationError("--output and --stdout take exactly one chapter")
        }
        if check && (output != nil || toStandardOutput) { throw ValidationError("--check writes nothing; drop --output/--stdout") }
        if !(timeout >= 0) || !timeout.isFinite { throw ValidationError("--timeout must be a number of seconds, 0 or more") }
        if data?.isEmpty == true { throw ValidationError("--data needs a directory") }
    }

    func run() throws {
        var status = ChapterJob.ExitStatus.success
        let progress = ProgressSink(isTerminal: isatty(STDERR_FILENO) != 0) { FileHandle.standardError.write(Data($0.utf8)) }
        let library = LibrarySettings(dataDirectory: data, budget: budget.flatMap(Budget.named), progress: progress)
        let cache = noCache ? nil : CachePolicy(limit: cacheLimit.flatMap(CachePolicy.bytes(from:)) ?? CachePolicy.defaultLimit)
        var options = RunOptions(seed: seed, timeout: timeout == 0 ? nil : timeout, bindsCPUs: true, library: library, cache: cache)
        options.parameters = parameters
        let destination: ChapterJob.Destination =
            if let output { .file(output) } else if toStandardOutput { .standardOutput } else { .inPlace }
        let chapters = ChapterArguments.expand(self.chapters)
        if cleanCache {
            for chapter in chapters { status = max(status, ChapterJob.cleanCache(chapter)) }
            if status != .success { throw ExitCode(status.rawValue) }
            return
        }
        if !check { InterruptRequest.install() }
        for chapter in chapters {
            let result = check ? ChapterJob.check(chapter) : ChapterJob.run(chapter, options: options, to: destination)
            status = max(status, result)
            if result == .interrupted { break }
        }
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Usage errors exit with 2, as the contract says, not the parser's default 64.
    /// `publish` is dispatched here: the chapters are the root command's own arguments, so
    /// the parser cannot tell a subcommand from a chapter named like one.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "publish" {
            main(Publish.self, arguments: Array(arguments.dropFirst()))
        } else {
            main(Litrun.self, arguments: arguments)
        }
    }

    private static func main<Command: ParsableCommand>(_ type: Command.Type, arguments: [String]) {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = type.exitCode(for: error)
            if code == .success { type.exit(withError: error) }
            FileHandle.standardError.write(Data((type.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ChapterJob.ExitStatus.badInput.rawValue)
        }
    }
}
