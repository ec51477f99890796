import Foundation
import Lit
import LitDocument
import LitTestSupport
import Testing

/// Edits made to a chapter while it runs are never lost.
@Suite struct InPlaceWriterTests {
    static let text = "Intro.\n\n```swift\nprint(\"hello\")\n```\n\nOutro.\n"

    private func runChapter(in work: URL) throws -> (Chapter, [Int: CellUpdate], URL) {
        let url = work.appendingPathComponent("chapter.md")
        try Data(Self.text.utf8).write(to: url)
        let chapter = try Chapter.read(path: url.path)
        return (chapter, ChapterRunner().run(chapter).updates, url)
    }

    @Test func writesOnceThenFindsNothingToDo() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (chapter, updates, url) = try runChapter(in: work)
        #expect(try InPlaceWriter.write(updates, into: chapter) == .written)
        let written = try Chapter.read(path: url.path)
        #expect(try InPlaceWriter.write(ChapterRunner().run(written).updates, into: written) == .unchanged)
    }

    @Test func proseEditedDuringTheRunIsKeptAndGetsTheOutputs() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (chapter, updates, url) = try runChapter(in: work)
        let edited = Self.text.replacingOccurrences(of: "Outro.", with: "A better outro, written meanwhile.")
        try Data(edited.utf8).write(to: url)
        #expect(try InPlaceWriter.write(updates, into: chapter) == .mergedIntoEditedChapter)
        let result = try String(contentsOf: url, encoding: .utf8)
        #expect(result.contains("A better outro, written meanwhile."))
        #expect(result.contains("```text\nhello\n```"))
    }

    @Test func cellsEditedDuringTheRunAreNotOverwritten() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let (chapter, updates, url) = try runChapter(in: work)
        let edited = Self.text.replacingOccurrences(of: "\"hello\"", with: "\"bye\"")
        try Data(edited.utf8).write(to: url)
        let beside = work.appendingPathComponent("chapter.litrun.md").path
        #expect(try InPlaceWriter.write(updates, into: chapter) == .savedBeside(beside))
        #expect(try String(contentsOf: url, encoding: .utf8) == edited)
        #expect(try String(contentsOfFile: beside, encoding: .utf8).contains("```text\nhello\n```"))
    }

    @Test func besidePathKeepsTheFolderAndExtension() {
        #expect(InPlaceWriter.besidePath("chapters/resnet.md") == "chapters/resnet.litrun.md")
        #expect(InPlaceWriter.besidePath("notes") == "notes.litrun.md")
        #expect(InPlaceWriter.besidePath("/a/b.markdown") == "/a/b.litrun.markdown")
    }
}
