import Foundation
import LitData
import LitTestSupport
import Testing

/// The assets folder as saved files see it: plain names only, and nothing read or
/// checked as writable through a symbolic link, wherever the link points.
@Suite struct AssetFolderTests {
    /// A chapter folder beside a secret, with an assets folder.
    struct Setting {
        let home: URL
        let chapter: URL
        var assets: URL { chapter.appendingPathComponent("chapter.assets") }
        var folder: AssetFolder { AssetFolder(chapterFolder: chapter, name: "chapter.assets") }
        var secret: URL { home.appendingPathComponent("secret.params") }

        init(makeAssets: Bool = true) throws {
            home = try TestPaths.temporaryDirectory()
            chapter = home.appendingPathComponent("course")
            try FileManager.default.createDirectory(at: chapter, withIntermediateDirectories: true)
            if makeAssets { try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true) }
            try Data("secret".utf8).write(to: secret)
        }

        func link(_ path: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: chapter.appendingPathComponent(path).path, withDestinationPath: destination)
        }

        func remove() { try? FileManager.default.removeItem(at: home) }
    }

    static let badNames: [(name: String, error: AssetFileError)] = [
        ("", .emptyName),
        ("/etc/passwd", .absolutePath("/etc/passwd")),
        ("~/x.params", .absolutePath("~/x.params")),
        ("..", .parentDirectory("..")),
        ("../x.params", .parentDirectory("../x.params")),
        ("sub/../x.params", .parentDirectory("sub/../x.params")),
        ("sub/x.params", .subfolder("sub/x.params")),
        (".hidden", .invalidName(".hidden", reason: "it starts with '.'")),
        (".", .invalidName(".", reason: "it starts with '.'")),
        ("a\nb", .invalidName("a\nb", reason: "it holds a control character")),
        (String(repeating: "x", count: 201), .invalidName(String(repeating: "x", count: 201), reason: "it is longer than 200 bytes")),
    ]

    @Test(arguments: badNames)
    func namesThatAreNotPlainFileNamesAreRefused(name: String, error: AssetFileError) throws {
        let setting = try Setting()
        defer { setting.remove() }
        #expect(throws: error) { try AssetFolder.checkName(name) }
        #expect(throws: error) { try setting.folder.checkWritable(name) }
        #expect(throws: error) { try setting.folder.read(name) }
    }

    @Test func plainNamesAreAllowed() throws {
        for name in ["mlp.params", "x-file", "权重.params", "a b", "a..b"] { try AssetFolder.checkName(name) }
    }

    @Test func readsAFileAndSaysWhenThereIsNone() throws {
        let setting = try Setting()
        defer { setting.remove() }
        try Data([1, 2, 3]).write(to: setting.assets.appendingPathComponent("mlp.params"))
        #expect(try setting.folder.read("mlp.params") == [1, 2, 3])
        #expect(try setting.folder.read("other.params") == nil)
        try setting.folder.checkWritable("mlp.params")
        try setting.folder.checkWritable("other.params")
        let noFolder = try Setting(makeAssets: false)
        defer { noFolder.remove() }
        #expect(try noFolder.folder.read("mlp.params") == nil)
        try noFolder.folder.checkWritable("mlp.params")
    }

    @Test(arguments: ["outside", "inside"])
    func aLinkedFileIsNeverFollowed(_ pointing: String) throws {
        let setting = try Setting()
        defer { setting.remove() }
        try Data("mine".utf8).write(to: setting.chapter.appendingPathComponent("notes.txt"))
        try setting.link("chapter.assets/mlp.params", to: pointing == "outside" ? setting.secret.path : "../notes.txt")
        let error = AssetFileError.linkedFile("chapter.assets/mlp.params")
        #expect(throws: error) { try setting.folder.read("mlp.params") }
        #expect(throws: error) { try setting.folder.checkWritable("mlp.params") }
        #expect(error.description == "'chapter.assets/mlp.params' is a symbolic link; saved files are never read or written through a link")
    }

    @Test func aLinkedAssetsFolderIsNeverFollowed() throws {
        let setting = try Setting(makeAssets: false)
        defer { setting.remove() }
        try FileManager.default.copyItem(at: setting.secret, to: setting.home.appendingPathComponent("mlp.params"))
        try setting.link("chapter.assets", to: setting.home.path)
        #expect(throws: AssetFileError.linkedFolder("chapter.assets")) { try setting.folder.read("mlp.params") }
        #expect(throws: AssetFileError.linkedFolder("chapter.assets")) { try setting.folder.checkWritable("new.params") }
    }

    @Test func directoriesPipesAndNonFoldersAreRefused() throws {
        let setting = try Setting()
        defer { setting.remove() }
        try FileManager.default.createDirectory(at: setting.assets.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(throws: AssetFileError.notAFile("chapter.assets/sub")) { try setting.folder.read("sub") }
        #expect(throws: AssetFileError.notAFile("chapter.assets/sub")) { try setting.folder.checkWritable("sub") }
        #expect(mkfifo(setting.assets.appendingPathComponent("pipe").path, 0o600) == 0)
        #expect(throws: AssetFileError.notAFile("chapter.assets/pipe")) { try setting.folder.read("pipe") }
        let plain = try Setting(makeAssets: false)
        defer { plain.remove() }
        try Data().write(to: plain.assets)
        #expect(throws: AssetFileError.notAFolder("chapter.assets")) { try plain.folder.read("mlp.params") }
        #expect(throws: AssetFileError.notAFolder("chapter.assets")) { try plain.folder.checkWritable("mlp.params") }
    }

    @Test func oversizedFilesAreRefused() throws {
        let setting = try Setting()
        defer { setting.remove() }
        let big = setting.assets.appendingPathComponent("big.params")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(ParameterFile.maximumBytes + 1))
        try handle.close()
        #expect(throws: AssetFileError.tooLarge("chapter.assets/big.params", limit: ParameterFile.maximumBytes)) {
            try setting.folder.read("big.params")
        }
    }
}
