import LitDocument
import LitRandom
import Testing

/// Feeds random and mutated chapters to the parser and splicer: errors are fine, crashes are not.
@Suite struct ChapterRobustnessTests {
    /// Snippets that open and close containers, fences and output blocks.
    static let snippets = [
        "- ", "> ", "```", "~~~~", "\n", "   ", "1. ", "\t", "```swift\n", "\n\n", ">", "\r\n",
        "<!-- litrun:output cell=1 hash=1 -->\n", "<!-- litrun:end -->\n", "<!-- litrun:chapter cells=1 hash=1 -->\n",
    ]

    /// Bytes that matter to Markdown, so mutations hit fences, containers and markers often.
    static let interesting = Array("`~>-*+1. \t\n\r<!->litrun:output cell=1 hash=0 end swift norun".utf8) + [0xE4, 0xB8, 0xAD, 0xFF, 0]

    @Test func survivesRandomAndMutatedInput() throws {
        var random = SplitMix64(seed: 0x5EED_1234)
        let fixtures = try (MarkdownFixtures.valid + ["unknown-flag.md", "unterminated.md"]).map(MarkdownFixtures.bytes)
        var parsed = 0
        for iteration in 0..<3000 {
            var bytes: [UInt8]
            if iteration % 4 == 0 {
                let length = Int.random(in: 0..<200, using: &random)
                bytes = (0..<length).map { _ in
                    Bool.random(using: &random)
                        ? Self.interesting.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...127, using: &random)
                }
            } else {
                bytes = fixtures.randomElement(using: &random) ?? []
                for _ in 0..<Int.random(in: 1...6, using: &random) { mutate(&bytes, using: &random) }
            }
            guard let chapter = try? Chapter.parse(bytes, path: "fuzz.md") else { continue }
            parsed += 1
            #expect(chapter.spliced([:], removeOrphans: false) == bytes)
            var updates: [Int: CellUpdate] = [:]
            let hashes = CellHash.chain(chapter.cells)
            for cell in chapter.cells {
                let marker = OutputMarker(cell: cell.number, hash: hashes[cell.number - 1])
                updates[cell.number] = [
                    .keep, .noOutput, .markNotRun, .output(marker, [.text("x ``` \(iteration)")]),
                    .output(marker, [.table(header: ["a"], rows: [["|"]]), .figure(path: "f.svg", alt: "f")]),
                ].randomElement(using: &random)
            }
            let spliced = chapter.spliced(updates, removeOrphans: Bool.random(using: &random))
            _ = try? Chapter.parse(spliced, path: "fuzz.md").spliced(updates)

            // Writing every cell's output must settle after one pass, with each block attached.
            let once = chapter.spliced(chapter.sampleUpdates())
            let reparsed = try Chapter.parse(once, path: "fuzz.md")
            #expect(reparsed.spliced(reparsed.sampleUpdates()) == once)
            #expect(reparsed.cells.count == chapter.cells.count)
            #expect(reparsed.cells.allSatisfy { $0.output != nil } && reparsed.orphanOutputs.isEmpty)

            // The closing marker: written once below the last cell, whatever the blocks do,
            // and settled after one pass.
            let closing = ChapterMarker.Update.write(ChapterMarker(cells: hashes.count, hash: hashes.last ?? "0"))
            let closed = chapter.spliced(updates, closing: closing)
            if let reread = try? Chapter.parse(closed, path: "fuzz.md"), reread.cells.count == chapter.cells.count {
                #expect(reread.closingMarkers.count == (chapter.cells.isEmpty ? 0 : 1))
                let keep = Dictionary(uniqueKeysWithValues: reread.cells.map { ($0.number, CellUpdate.keep) })
                #expect(reread.spliced(keep, closing: closing) == closed)
            }
        }
        #expect(parsed > 1000)
    }

    private func mutate(_ bytes: inout [UInt8], using random: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
        case 1:
            bytes.insert(Self.interesting.randomElement(using: &random) ?? 0, at: position)
        case 2 where !bytes.isEmpty:
            bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &random)))
        case 3:
            // Duplicate the line around `position`.
            let lineStart = bytes[..<position].lastIndex(of: 10).map { $0 + 1 } ?? 0
            let lineEnd = bytes[position...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: bytes[lineStart..<lineEnd], at: lineStart)
        case 4:
            bytes.insert(contentsOf: Array((Self.snippets.randomElement(using: &random) ?? "").utf8), at: position)
        default:
            bytes.insert(contentsOf: Array("\n<!-- litrun:end -->\n".utf8), at: position)
        }
    }
}
