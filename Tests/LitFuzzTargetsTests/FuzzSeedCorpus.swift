import LitFuzzTargets
import Foundation
import LitDocument
import LitTestSupport
import Testing

/// The committed seed corpus in fuzz/corpus, made from the test fixtures and the chapters:
/// whole chapters for the document target; for the parser and interpreter targets, cell
/// sources: the oracle programs, every cell on its own, and each chapter's runnable cells
/// 1 through n joined into one cell, so that later cells see the names they use.
enum FuzzSeedCorpus {
    static let fuzzFolder = TestPaths.repository.appendingPathComponent("fuzz")

    /// Folders of Markdown files and the prefix their seeds are named with.
    static let markdownFolders = [
        ("markdown", TestPaths.fixtures.appendingPathComponent("markdown")),
        ("golden", TestPaths.fixtures.appendingPathComponent("chapters")),
        ("diagnostics", TestPaths.fixtures.appendingPathComponent("diagnostics")),
        ("chapters", TestPaths.repository.appendingPathComponent("chapters")),
    ]

    /// Seed files by name, for one target.
    static func seeds(for target: FuzzTarget) throws -> [String: [UInt8]] {
        switch target {
        case .document: try documentSeeds()
        case .parser, .interpreter: try cellSeeds()
        }
    }

    private static func documentSeeds() throws -> [String: [UInt8]] {
        var seeds: [String: [UInt8]] = [:]
        for (name, bytes) in try markdownFiles() { seeds[name] = bytes }
        return seeds
    }

    private static func cellSeeds() throws -> [String: [UInt8]] {
        var seeds: [String: [UInt8]] = [:]
        var seen = Set<[UInt8]>()
        func add(_ name: String, _ bytes: [UInt8]) {
            if seen.insert(bytes).inserted { seeds[name] = bytes }
        }
        let oracle = TestPaths.fixtures.appendingPathComponent("oracle")
        for file in try files(in: oracle, extension: "swift") {
            add("oracle-\(file.lastPathComponent)", try [UInt8](Data(contentsOf: file)))
        }
        for (name, bytes) in try markdownFiles() {
            // Fixtures include files that are not chapters on purpose.
            guard let chapter = try? Chapter.parse(bytes, path: name) else { continue }
            let stem = String(name.dropLast(3))
            for cell in chapter.cells {
                add("\(stem)-cell-\(cell.number).swift", Array(cell.code.utf8))
            }
            guard name.hasPrefix("chapters-") else { continue }
            let runnable = chapter.cells.filter { $0.flags.isEmpty }
            for count in runnable.indices.dropFirst() {
                let joined = runnable[...count].map(\.code).joined(separator: "\n")
                add("\(stem)-cells-1-to-\(runnable[count].number).swift", Array(joined.utf8))
            }
        }
        return seeds
    }

    /// Every Markdown fixture and chapter, named after its folder and file.
    private static func markdownFiles() throws -> [(String, [UInt8])] {
        try markdownFolders.flatMap { prefix, folder in
            try files(in: folder, extension: "md").map { file in
                ("\(prefix)-\(file.lastPathComponent)", try [UInt8](Data(contentsOf: file)))
            }
        }
    }

    static func files(in folder: URL, extension fileExtension: String? = nil) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { fileExtension == nil || $0.pathExtension == fileExtension }
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// Rewrites fuzz/corpus from the fixtures and chapters:
/// `RECORD_FUZZ_SEEDS=1 swift test --filter FuzzSeedRecording`.
@Suite struct FuzzSeedRecording {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["RECORD_FUZZ_SEEDS"] == "1"))
    func recordSeedCorpus() throws {
        for target in FuzzTarget.allCases {
            let folder = FuzzSeedCorpus.fuzzFolder.appendingPathComponent("corpus/\(target.rawValue)")
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, bytes) in try FuzzSeedCorpus.seeds(for: target) {
                try Data(bytes).write(to: folder.appendingPathComponent(name))
            }
        }
    }
}
