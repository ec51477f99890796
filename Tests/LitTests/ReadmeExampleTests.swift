import Foundation
import Lit
import LitDiagnostics
import LitDocument
import LitTestSupport
import Testing

/// The README shows a chapter before and after a run; running the first must give the second.
@Test func readmeExampleIsWhatLitrunWrites() throws {
    let readme = try String(contentsOf: TestPaths.repository.appendingPathComponent("README.md"), encoding: .utf8)
    let blocks = readme.components(separatedBy: "````markdown\n").dropFirst().map {
        String($0.components(separatedBy: "\n````").first ?? "") + "\n"
    }
    try #require(blocks.count >= 2)
    let chapter = try Chapter.parse(Array(blocks[0].utf8), path: "chapter.md")
    let report = ChapterRunner().run(chapter)
    #expect(!report.failed)
    #expect(String(decoding: chapter.spliced(report.updates), as: UTF8.self) == blocks[1])
}

/// Every chapter in chapters/ runs cleanly and is already what litrun would write.
@Test(arguments: ["tour.md", "tensors.md"])
func chapterIsCurrent(_ name: String) throws {
    let path = TestPaths.repository.appendingPathComponent("chapters/" + name).path
    let chapter = try Chapter.read(path: path)
    let report = ChapterRunner().run(chapter)
    #expect(!report.failed, "\(report.diagnostics.map { DiagnosticPrinter.render($0) })")
    #expect(String(decoding: chapter.spliced(report.updates), as: UTF8.self) == String(decoding: chapter.bytes, as: UTF8.self))
}
