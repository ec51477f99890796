import LitDocument
import Testing

@Suite struct CellHashTests {
    private func cells(_ source: String) throws -> [Cell] {
        try Chapter.parse(Array(source.utf8), path: "h.md").cells
    }

    @Test func isStableAndShort() throws {
        let hashes = CellHash.chain(try cells("```swift\nlet a = 1\n```\n\n```swift\nprint(a)\n```\n"))
        #expect(hashes == CellHash.chain(try cells("Other prose.\n\n```swift\nlet a = 1\n```\n```swift\nprint(a)\n```")))
        #expect(hashes.count == 2)
        #expect(hashes.allSatisfy { $0.count == 8 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(hashes[0] != hashes[1])
    }

    @Test func ignoresLineEndings() throws {
        let lf = try cells("```swift\nlet a = 1\nprint(a)\n```\n")
        let crlf = try cells("```swift\r\nlet a = 1\r\nprint(a)\r\n```\r\n")
        #expect(CellHash.chain(lf) == CellHash.chain(crlf))
    }

    @Test func chainsEditsToLaterCells() throws {
        let before = CellHash.chain(try cells("```swift\nlet a = 1\n```\n\n```swift\nprint(a)\n```\n"))
        let after = CellHash.chain(try cells("```swift\nlet a = 2\n```\n\n```swift\nprint(a)\n```\n"))
        #expect(before[0] != after[0])
        #expect(before[1] != after[1])
        let flagged = CellHash.chain(try cells("```swift norun\nlet a = 1\n```\n\n```swift\nprint(a)\n```\n"))
        #expect(flagged[0] != before[0])
        // Editing a later cell leaves earlier hashes alone.
        let later = CellHash.chain(try cells("```swift\nlet a = 1\n```\n\n```swift\nprint(a + 1)\n```\n"))
        #expect(later[0] == before[0] && later[1] != before[1])
    }
}
