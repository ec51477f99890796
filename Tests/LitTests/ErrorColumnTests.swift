import Foundation
import Lit
import LitTestSupport
import Testing

/// Columns count UTF-8 bytes, as compilers do, so an error after Chinese text in the same
/// line (or after a container's prefix) points at the right byte. The expected columns are
/// counted by hand in the comments.
@Suite struct ErrorColumnTests {
    private func firstError(_ chapter: String) throws -> String {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("chapter.md").path
        try Data(chapter.utf8).write(to: URL(fileURLWithPath: path))
        let console = CapturedConsole()
        _ = ChapterJob.run(path, options: RunOptions(seed: 0, timeout: 10), to: .standardOutput, console: console.console)
        let first = try #require(console.errors.split(separator: "\n").first)
        return String(first).replacingOccurrences(of: directory.path + "/", with: "")
    }

    @Test func columnsAfterChineseTextCountBytes() throws {
        // `let 名 = "数据"; print(名 + 1)`: "let " 4 + "名" 3 + " = " 3 + "\"数据\"" 8 + "; print(" 8
        // + "名" 3 + " " 1 = 30 bytes before '+', so column 31.
        let error = try firstError("# 中文\n\n```swift\nlet 名 = \"数据\"; print(名 + 1)\n```\n")
        #expect(error == "chapter.md:4:31: error: binary operator '+' cannot be applied to operands of type 'String' and 'Int'")
    }

    @Test func columnsInsideAListItemAfterChineseText() throws {
        // In `   let s = "批量" ; let xs = [1]; print(xs[9])` the bytes before the subscript's
        // '[' are: the item's indent 3, "let s = " 8, "\"批量\"" 8, " ; " 3, "let xs = [1]" 12,
        // "; " 2, "print(xs" 8: 44 in all, so column 45.
        let chapter = "1. 列表：\n\n   ```swift\n   let s = \"批量\" ; let xs = [1]; print(xs[9])\n   ```\n"
        #expect(try firstError(chapter) == "chapter.md:4:45: error: index 9 is out of range for count 1")
    }
}
