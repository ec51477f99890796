import Foundation
import Lit
import LitDocument
import LitRandom
import LitTestSupport
import Testing

/// Mutated chapters go through the whole pipeline (parse, run, locate errors, splice):
/// whatever the input, litrun reports errors and never crashes or hangs.
@Test func mutatedChaptersNeverCrashTheRunner() throws {
    let sources = [TestPaths.repository.appendingPathComponent("chapters/tour.md")]
        + DiagnosticGoldenTests.chapters.map { DiagnosticGoldenTests.directory.appendingPathComponent($0) }
    let originals = try sources.map { try [UInt8](Data(contentsOf: $0)) }
    var random = SplitMix64(seed: 0x4C17_2026)
    let runner = ChapterRunner(options: RunOptions(seed: 1, timeout: 0.05))
    var ran = 0
    for _ in 0..<400 {
        var bytes = originals[random.below(originals.count)]
        for _ in 0...random.below(4) { mutate(&bytes, &random) }
        guard let chapter = try? Chapter.parse(bytes, path: "mutated.md") else { continue }
        let report = runner.run(chapter)
        let written = chapter.spliced(report.updates)
        let reparsed = try Chapter.parse(written, path: "mutated.md")
        #expect(reparsed.cells.count == chapter.cells.count)
        for diagnostic in report.diagnostics {
            if let location = diagnostic.location {
                #expect(location.line >= 1 && location.column >= 1)
            }
        }
        ran += 1
    }
    #expect(ran > 100, "most mutations should still parse as chapters")
}

private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
    guard !bytes.isEmpty else { bytes = [0x60, 0x60, 0x60]; return }
    let position = random.below(bytes.count)
    switch random.below(5) {
    case 0: bytes.remove(at: position)
    case 1: bytes.insert(Array("(){}[]\"\\.,:;=+-*/?!`$#\n ".utf8)[random.below(24)], at: position)
    case 2: bytes[position] = UInt8(32 + random.below(95))
    case 3:
        let end = min(bytes.count, position + random.below(40))
        bytes.insert(contentsOf: bytes[position..<end], at: position)
    default:
        let end = min(bytes.count, position + random.below(20))
        bytes.removeSubrange(position..<end)
    }
}
