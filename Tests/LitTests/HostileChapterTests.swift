import Foundation
import LitTestSupport
import Testing

/// Chapters from someone else, run with the real `litrun`: whatever they try, nothing
/// outside their folder is read, written or reached.
@Suite struct HostileChapterTests {
    /// A folder holding the chapter's folder and, beside it, the user's own files.
    struct Setting {
        let home: URL
        let folder: URL
        var secret: URL { home.appendingPathComponent("secret.txt") }

        init(_ chapter: String) throws {
            home = try TestPaths.temporaryDirectory()
            folder = home.appendingPathComponent("course")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("secret\n".utf8).write(to: secret)
            try Data(chapter.utf8).write(to: folder.appendingPathComponent("chapter.md"))
        }

        func link(_ name: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: destination)
        }

        /// Everything under `home` outside the chapter's folder, with contents.
        func outside() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for path in try FileManager.default.subpathsOfDirectory(atPath: home.path) where !path.hasPrefix("course") {
                let url = home.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files[path] = try Data(contentsOf: url)
                }
            }
            return files
        }

        func remove() { try? FileManager.default.removeItem(at: home) }
    }

    static func cell(_ code: String) -> String { "# Hostile\n\n```swift\n\(code)\n```\n" }

    @Test(arguments: [
        ("print(readText(\"../secret.txt\"))", "goes up with '..'"),
        ("print(readText(\"\(FileManager.default.temporaryDirectory.path)/x\"))", "is an absolute path"),
        ("print(readText(\"link.txt\"))", "leads out of the chapter's folder through a symbolic link"),
        ("print(loadCSV(\"up/secret.txt\"))", "leads out of the chapter's folder through a symbolic link"),
        ("let f = FileManager.default\nf.createFile(atPath: \"../x\", contents: nil)", "cell language does not support 'FileManager': cells run in a sandbox"),
        ("let s = String(contentsOfFile: \"../secret.txt\")", "cell language does not support 'String(contentsOfFile:)': cells run in a sandbox"),
        ("import Foundation", "cell language does not support 'import': cells run in a sandbox"),
    ])
    func readsAndWritesOutsideTheFolderAreRefused(code: String, message: String) throws {
        let setting = try Setting(Self.cell(code))
        defer { setting.remove() }
        try setting.link("link.txt", to: setting.secret.path)
        try setting.link("up", to: setting.home.path)
        let before = try setting.outside()
        let run = try runLitrun(["chapter.md"], in: setting.folder)
        #expect(run.status == 1)
        #expect(run.standardError.contains(message), "\(run.standardError)")
        #expect(!run.standardError.contains("secret\n") && !run.standardOutput.contains("secret"))
        #expect(try setting.outside() == before)
    }

    /// A chapter whose figure would go through a link out of its folder: the assets folder
    /// itself, or the figure file.
    @Test(arguments: ["folder", "file"])
    func figuresAreNeverWrittenThroughALinkOutOfTheFolder(_ linked: String) throws {
        let directory = try FashionMNISTFixture.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let training = "let net = Sequential(Flatten(), Linear(784, 10))\nlet (trainIter, testIter) = loadFashionMNIST(batchSize: 2)\n"
            + "train(net, trainIter, testIter, optimizer: SGD(net.parameters(), lr: 0.1), epochs: 1)"
        let setting = try Setting(Self.cell(training))
        defer { setting.remove() }
        if linked == "folder" {
            try setting.link("chapter.assets", to: setting.home.path)
        } else {
            try FileManager.default.createDirectory(at: setting.folder.appendingPathComponent("chapter.assets"), withIntermediateDirectories: true)
            try setting.link("chapter.assets/cell-1-training.svg", to: setting.secret.path)
        }
        let before = try setting.outside()
        let run = try runLitrun(["--data", directory.path, "chapter.md"], in: setting.folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("cell-1-training.svg': it goes through a symbolic link"), "\(run.standardError)")
        #expect(try setting.outside() == before)
        #expect(try String(contentsOf: setting.secret, encoding: .utf8) == "secret\n")
    }

    @Test func theSnapshotCacheIsNeverWrittenThroughALinkOutOfTheFolder() throws {
        let setting = try Setting(Self.cell("print(1)"))
        defer { setting.remove() }
        try setting.link(".litrun-cache", to: setting.home.path)
        let before = try setting.outside()
        let run = try runLitrun(["chapter.md"], in: setting.folder)
        #expect(run.status == 0)
        #expect(run.standardError.contains("note: cannot write the snapshot cache (.litrun-cache leads out of the chapter's folder)"),
                "\(run.standardError)")
        #expect(try setting.outside() == before)
    }
}
