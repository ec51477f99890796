import Foundation
import LitData
import LitLanguage
import LitLibrary
import LitTensor
import LitTestSupport
import Testing

/// Cells see the chapter's own folder, read-only, and nothing else of the machine; what
/// reaches further is refused with an error that says so and what to use instead.
@Suite struct SandboxTests {
    /// A chapter folder with a data file, a subfolder, and things a hostile chapter might
    /// try to reach: a secret outside the folder, links out of it and within it.
    struct Folder {
        let outside: URL
        let root: URL

        init() throws {
            outside = try TestPaths.temporaryDirectory()
            root = outside.appendingPathComponent("chapter")
            let fileManager = FileManager.default
            try fileManager.createDirectory(at: root.appendingPathComponent("data/deeper"), withIntermediateDirectories: true)
            try Data("x,y,name\n1,2.5,a\n3,-4,\"b, c\"\n".utf8).write(to: root.appendingPathComponent("data/points.csv"))
            try Data("hello\n".utf8).write(to: root.appendingPathComponent("data/deeper/note.txt"))
            try Data("secret\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
            try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("data/leak.txt").path,
                                               withDestinationPath: outside.appendingPathComponent("secret.txt").path)
            try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("data/up").path, withDestinationPath: outside.path)
            try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("alias.txt").path, withDestinationPath: "data/deeper/note.txt")
            try fileManager.createSymbolicLink(atPath: root.appendingPathComponent("data/null").path, withDestinationPath: "/dev/null")
        }

        func session() -> ChapterSession {
            let session = ChapterSession(seed: 0)
            session.files = ChapterFolder(root)
            return session
        }

        func remove() { try? FileManager.default.removeItem(at: outside) }
    }

    static func outcome(_ code: String, in folder: Folder) -> String {
        do {
            return try folder.session().run(code, cell: 1).text
        } catch {
            return "error: \(error.message)"
        }
    }

    @Test func readTextAndLoadCSVReadTheChaptersFiles() throws {
        let folder = try Folder()
        defer { folder.remove() }
        #expect(Self.outcome("print(readText(\"data/deeper/note.txt\"), terminator: \"\")", in: folder) == "hello\n")
        #expect(Self.outcome("print(readText(\"alias.txt\").count)", in: folder) == "6\n")
        let csv = "let (header, values) = loadCSV(\"data/points.csv\")\nprint(header, values.shape)\nprint(values)"
        #expect(Self.outcome(csv, in: folder) == "[\"x\", \"y\"] [2, 2]\ntensor([[ 1.0000,  2.5000],\n        [ 3.0000, -4.0000]])\n")
    }

    static let refusals: [(code: String, error: SandboxError)] = [
        ("readText(\"../secret.txt\")", .parentDirectory("../secret.txt")),
        ("readText(\"data/../../secret.txt\")", .parentDirectory("data/../../secret.txt")),
        ("readText(\"/etc/passwd\")", .absolutePath("/etc/passwd")),
        ("readText(\"~/secret.txt\")", .absolutePath("~/secret.txt")),
        ("readText(\"data/leak.txt\")", .outsideFolder("data/leak.txt")),
        ("readText(\"data/up/secret.txt\")", .outsideFolder("data/up/secret.txt")),
        ("loadCSV(\"data/null\")", .outsideFolder("data/null")),
        ("readText(\"data\")", .notAFile("data")),
        ("readText(\"data/missing.csv\")", .missing("data/missing.csv")),
        ("readText(\"\")", .emptyPath),
    ]

    @Test(arguments: refusals)
    func readsOutsideTheFolderAreRefused(code: String, error: SandboxError) throws {
        let folder = try Folder()
        defer { folder.remove() }
        #expect(Self.outcome(code, in: folder) == "error: \(error)")
        #expect(try String(contentsOf: folder.outside.appendingPathComponent("secret.txt"), encoding: .utf8) == "secret\n")
    }

    @Test func devicesAndLargeFilesAreRefused() throws {
        let folder = try Folder()
        defer { folder.remove() }
        // A device reached through a link inside the folder itself.
        let devices = ChapterFolder(URL(fileURLWithPath: "/dev"))
        #expect(throws: SandboxError.notAFile("null")) { try devices.read("null") }
        let big = folder.root.appendingPathComponent("big.bin")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(ChapterFolder.maximumBytes + 1))
        try handle.close()
        #expect(Self.outcome("readText(\"big.bin\")", in: folder) == "error: \(SandboxError.tooLarge("big.bin", limit: ChapterFolder.maximumBytes))")
    }

    @Test func badCSVFilesGetTheirLine() throws {
        let folder = try Folder()
        defer { folder.remove() }
        try Data("a,b\n1,2\n3\n".utf8).write(to: folder.root.appendingPathComponent("short.csv"))
        #expect(Self.outcome("loadCSV(\"short.csv\")", in: folder)
                == "error: \(DataError.inconsistent(path: "short.csv", reason: "line 3 has 1 fields, the header has 2"))")
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.root.appendingPathComponent("binary.csv"))
        #expect(Self.outcome("readText(\"binary.csv\")", in: folder)
                == "error: \(DataError.inconsistent(path: "binary.csv", reason: "the file is not UTF-8 text"))")
        let quoted = try CSVTable(parsing: "name,note\r\n\"a \"\"b\"\"\",\"1\n2\"\r\n\r\n", path: "q.csv")
        #expect(quoted.header == ["name", "note"] && quoted.rows == [["a \"b\"", "1\n2"]])
    }

    static let reachingOut: [(code: String, what: String)] = [
        ("import Foundation", "'import'"),
        ("let s = try readText(\"a\")", "'try'"),
        ("let s = String(contentsOfFile: \"/etc/passwd\")", "'String(contentsOfFile:)'"),
        ("let f = FileManager.default", "'FileManager'"),
        ("print(ProcessInfo.processInfo.environment)", "'ProcessInfo'"),
        ("let u = URL(fileURLWithPath: \"/\")", "'URL'"),
        ("func f() { let p = getenv(\"HOME\") }", "'getenv'"),
    ]

    @Test(arguments: reachingOut)
    func reachingOutsideSaysCellsRunInASandbox(code: String, what: String) throws {
        let folder = try Folder()
        defer { folder.remove() }
        let message = LanguageMessage.sandboxed(what)
        #expect(Self.outcome(code, in: folder) == "error: \(message)")
        #expect(message.description == "cell language does not support \(what): cells run in a sandbox, without the file system, the network, "
                + "processes or the environment; read the chapter's own files with readText(\"data/x.csv\") or loadCSV(\"data/x.csv\")")
    }
}
