import Foundation
import LitDocument
import LitTestSupport

/// Hostile Markdown fixtures shared by the document tests.
enum MarkdownFixtures {
    static let directory = TestPaths.fixtures.appendingPathComponent("markdown")

    /// Fixtures that parse without a diagnostic.
    static let valid = [
        "crlf-tabs.md", "chinese-math.md", "long-fences.md", "containers.md", "no-final-newline.md",
        "unclosed-at-end.md", "stale-output.md",
    ]

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A missing fixture is an error, never an empty chapter that tests would pass on.
    static func bytes(_ name: String) throws -> [UInt8] {
        let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
        guard !bytes.isEmpty else { throw MissingFixture(name: name) }
        return bytes
    }

    struct MissingFixture: Error, CustomStringConvertible {
        let name: String
        var description: String { "fixture \(name) is empty" }
    }

    static func chapter(_ name: String) throws -> Chapter {
        try Chapter.parse(try bytes(name), path: "chapters/\(name)")
    }
}

extension Chapter {
    /// Outputs for every cell, with text, a table and a figure, so containers see every kind of line.
    func sampleUpdates() -> [Int: CellUpdate] {
        let hashes = CellHash.chain(cells)
        var updates: [Int: CellUpdate] = [:]
        for cell in cells {
            let marker = OutputMarker(cell: cell.number, hash: hashes[cell.number - 1])
            updates[cell.number] = .output(
                marker,
                [
                    .text("cell \(cell.number) says\n\nhello ``` world\n"), .text("second print\n"),
                    .table(header: ["epoch", "loss|acc"], rows: [["1", "0.5"], ["2"]]),
                    .figure(path: "x.assets/cell-\(cell.number).svg", alt: "loss curve"),
                ])
        }
        return updates
    }

    /// The chapter's bytes with every attached output block cut out by hand, independently of `spliced`.
    func bytesWithoutOutputs() -> [UInt8] {
        var result = bytes
        for cell in cells.reversed() {
            guard let output = cell.output else { continue }
            result.removeSubrange(cell.range.upperBound..<output.range.upperBound)
        }
        return result
    }
}

func decodedText(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
