import ArgumentParser
import Lit

/// `litrun publish`: a thin layer over `PublishJob`.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "litrun publish",
        abstract: "Write the chapters as a static web site, from the outputs they hold; runs no cell.",
        discussion: """
            One page per chapter and an index, with math typeset by KaTeX (Debian's libjs-katex),
            figures, tables and highlighted cells; everything the pages load is copied into the
            site, so it works offline and from file://. Exit status: 0 on success, 1 when --strict
            found warnings, 2 for bad usage or an unreadable chapter.
            """)

    @Argument(help: "Markdown chapters, in reading order; a directory stands for every .md file in it, in name order.")
    var chapters: [String]

    @Option(name: .customLong("to"), help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var destination: String

    @Option(help: "The site's title (default: 'Chapters', or '章节' for Chinese chapters).")
    var title: String?

    @Flag(help: "Treat warnings (stale outputs, budget outputs, missing or remote images) as errors and exit 1.")
    var strict = false

    func validate() throws {
        if destination.isEmpty { throw ValidationError("--to needs a folder") }
    }

    func run() throws {
        let status = PublishJob.publish(ChapterArguments.expand(chapters), to: destination, title: title, strict: strict)
        if status != .success { throw ExitCode(status.rawValue) }
    }
}
