import Foundation
import LitDocument
import LitPublishing
import LitRandom
import LitTestSupport
import Testing

/// Every chapter litrun can read becomes a page: cells in containers, CRLF, unclosed
/// fences, and random damage neither crash the publisher nor lose a cell.
@Suite struct HostilePageTests {
    static let fixtures: [URL] = {
        let folders = ["Fixtures/markdown", "Fixtures/publish", "../chapters"].map { TestPaths.testsDirectory.appendingPathComponent($0) }
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".md") }.sorted().map { folder.appendingPathComponent($0) }
        }
    }()

    @Test func everyCellAndOutputAppearsOnceOnItsPage() throws {
        #expect(Self.fixtures.count >= 15)
        for fixture in Self.fixtures {
            guard let chapter = try? Chapter.read(path: fixture.path) else { continue }
            let page = ChapterPage(chapter, name: "page")
            for cell in chapter.cells {
                #expect(page.body.components(separatedBy: "id=\"cell-\(cell.number)\"").count == 2, "\(fixture.lastPathComponent) cell \(cell.number)")
            }
            let outputs = chapter.cells.compactMap(\.output).count + chapter.orphanOutputs.count
            #expect(page.body.components(separatedBy: "<div class=\"output").count - 1 == outputs, "\(fixture.lastPathComponent)")
            #expect(!page.body.contains("<!--litrun-slot-"), "\(fixture.lastPathComponent)")
        }
    }

    @Test func cellsInContainersKeepTheirContainers() throws {
        let text = "- item\n\n  ```swift\n  print(1)\n  ```\n\n  more of the item\n\n> ```swift\n> print(2)\n> ```\n"
        let page = ChapterPage(try Chapter.parse(Array(text.utf8), path: "c.md"), name: "c")
        #expect(page.body.contains("<li>\n<p>item</p>\n<div class=\"cell\" id=\"cell-1\">"))
        #expect(page.body.contains("<p>more of the item</p>\n</li>"))
        #expect(page.body.contains("<blockquote>\n<div class=\"cell\" id=\"cell-2\">"))
    }

    @Test func damagedChaptersNeverCrashThePublisher() throws {
        let original = try [UInt8](Data(contentsOf: TestPaths.fixtures.appendingPathComponent("publish/tricky-math.md")))
        var generator = SplitMix64(seed: 15)
        let alphabet = Array("$`|\\*_\n#>-[]()!<".utf8)
        var rendered = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                if Bool.random(using: &generator) {
                    bytes[index] = alphabet.randomElement(using: &generator)!
                } else {
                    bytes.remove(at: index)
                }
            }
            guard let chapter = try? Chapter.parse(bytes, path: "damaged.md") else { continue }
            let page = ChapterPage(chapter, name: "damaged")
            #expect(!page.body.contains("LITRUNMATH"))
            rendered += 1
        }
        #expect(rendered > 100)
    }
}
