import Foundation
import LitDocument
import LitTestSupport
import Testing

/// `-p NAME=VALUE`, as papermill's parameters: typed like the declaration it replaces,
/// refused with the chapter's parameters listed, and marked so it never passes for the
/// chapter's own run.
@Suite struct ParameterTests {
    static let chapter = """
        # Parameters

        ```swift parameters
        let epochs = 5
        let lr = 0.01
        let name = "net"
        let verbose = false
        let shift = -2
        ```

        ```swift
        print(epochs, lr, name, verbose, shift)
        ```

        """

    static let listing = "epochs: Int = 5, lr: Double = 0.01, name: String = \"net\", verbose: Bool = false, shift: Int = -2"

    static func workspace(_ text: String = chapter) throws -> URL {
        let directory = try TestPaths.temporaryDirectory()
        try Data(text.utf8).write(to: directory.appendingPathComponent("chapter.md"))
        return directory
    }

    static func read(_ directory: URL, _ name: String = "chapter.md") throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func valuesReplaceTheDeclarationsAndMarkTheOutputs() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runLitrun(["chapter.md", "-p", "epochs=1", "--param", "lr=0.5", "-p", "name=big net, v2", "-p", "shift=3"],
                                in: directory)
        #expect(run.status == 0, "\(run.standardError)")
        let written = try Self.read(directory)
        #expect(written.contains("```text\n1 0.5 big net, v2 false 3\n```"), "\(written)")
        let params = "params=epochs=1,lr=0.5,name=big%20net%2C%20v2,shift=3"
        #expect(written.contains("<!-- litrun:output cell=2 hash=") && written.contains(" \(params) -->"), "\(written)")
        #expect(written.contains("<!-- litrun:chapter cells=2 hash=") && written.hasSuffix(" \(params) -->\n"), "\(written)")
        let check = try runLitrun(["--check", "chapter.md"], in: directory)
        #expect(check.status == 1)
        #expect(check.standardError.contains("chapter.md:11:1: error: cell 2 is stale: its output comes from a run with other "
                                             + "parameter values (epochs=1,lr=0.5,name=big%20net%2C%20v2,shift=3)"), "\(check.standardError)")
        // The chapter's own values again: plain markers, and --check is content.
        #expect(try runLitrun(["chapter.md"], in: directory).status == 0)
        #expect(try Self.read(directory).contains("```text\n5 0.01 net false -2\n```"))
        #expect(try runLitrun(["--check", "chapter.md"], in: directory).status == 0)
    }

    @Test func theChaptersOwnValuesAreNotMarked() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try runLitrun(["chapter.md", "-p", "epochs=5", "-p", "lr=1e-2", "-p", "verbose=false"], in: directory).status == 0)
        #expect(!(try Self.read(directory)).contains("params="))
        #expect(try runLitrun(["--check", "chapter.md"], in: directory).status == 0)
    }

    @Test func aWrongNameOrTypeIsAnErrorAtTheParametersCell() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(argument: String, message: String)] = [
            ("epoch=1", "no parameter 'epoch'; the chapter's parameters are \(Self.listing)"),
            ("epochs=1.5", "parameter 'epochs' is an Int, and '1.5' is not one; the chapter's parameters are \(Self.listing)"),
            ("lr=fast", "parameter 'lr' is a Double, and 'fast' is not one; the chapter's parameters are \(Self.listing)"),
            ("verbose=yes", "parameter 'verbose' is a Bool, and 'yes' is not one; the chapter's parameters are \(Self.listing)"),
        ]
        for (argument, message) in cases {
            let run = try runLitrun(["chapter.md", "-p", argument], in: directory)
            #expect(run.status == 1)
            #expect(run.standardError.hasPrefix("chapter.md:3:1: error: \(message)\n```swift parameters\n^\n"), "\(run.standardError)")
            #expect(try Self.read(directory) == Self.chapter, "a refused run writes nothing")
        }
        let malformed = try runLitrun(["chapter.md", "-p", "epochs"], in: directory)
        #expect(malformed.status == 2 && malformed.standardError.contains("-p takes NAME=VALUE, such as -p epochs=1, not 'epochs'"))
    }

    @Test func aParametersCellHoldsLiteralDeclarationsOnly() throws {
        let directory = try Self.workspace("```swift parameters\nlet epochs = 2 * 3\n```\n")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runLitrun(["chapter.md"], in: directory)
        #expect(run.status == 1)
        #expect(run.standardError.contains("chapter.md:1:1: error: a 'swift parameters' cell holds only declarations such as "
                                           + "'let epochs = 5', with literal values"), "\(run.standardError)")
        let none = try Self.workspace("```swift\nlet epochs = 5\n```\n")
        defer { try? FileManager.default.removeItem(at: none) }
        let missing = try runLitrun(["chapter.md", "-p", "epochs=1"], in: none)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("-p epochs=... names a parameter, but the chapter has no 'swift parameters' cell"))
    }

    @Test func outputWritesTheParametrisedResultElsewhere() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runLitrun(["chapter.md", "-p", "epochs=2", "--output", "two.md"], in: directory)
        #expect(run.status == 0)
        #expect(try Self.read(directory) == Self.chapter)
        #expect(try Self.read(directory, "two.md").contains("```text\n2 0.01 net false -2\n```"))
        // A second parametrised run resumes from the snapshots of the first, which are
        // kept apart from those of the chapter's own values.
        let again = try runLitrun(["chapter.md", "-p", "epochs=2", "--output", "two.md"], in: directory)
        #expect(again.standardError.contains("resumed from the snapshot after cell 2"), "\(again.standardError)")
        let own = try runLitrun(["chapter.md"], in: directory)
        #expect(own.standardError.contains("ran 2 of 2 cells") && !own.standardError.contains("resumed"), "\(own.standardError)")
    }
}
