import LitFuzzTargets
import Foundation
import Testing

/// One saved fuzz input and the target it is for.
struct FuzzInput: Sendable, CustomTestStringConvertible {
    let target: FuzzTarget
    let file: URL

    var testDescription: String { "\(target.rawValue)/\(file.lastPathComponent)" }

    /// Every input under fuzz/KIND/TARGET for every target.
    static func all(_ kind: String) -> [FuzzInput] {
        FuzzTarget.allCases.flatMap { target in
            let folder = FuzzSeedCorpus.fuzzFolder.appendingPathComponent("\(kind)/\(target.rawValue)")
            return ((try? FuzzSeedCorpus.files(in: folder)) ?? []).map { FuzzInput(target: target, file: $0) }
        }
    }
}

/// Replays the seed corpus and every saved crash through the fuzz targets' own code, so
/// that a finding stays fixed without libFuzzer.
@Suite struct FuzzCorpusTests {
    /// Fewer seeds than this means the corpus went missing.
    static let minimumSeeds: [FuzzTarget: Int] = [.document: 30, .parser: 80, .interpreter: 80]

    @Test(arguments: FuzzTarget.allCases)
    func seedCorpusIsThere(target: FuzzTarget) throws {
        let count = FuzzInput.all("corpus").filter { $0.target == target }.count
        let minimum = try #require(Self.minimumSeeds[target])
        #expect(count >= minimum)
    }

    @Test(arguments: FuzzInput.all("corpus"))
    func seedRunsClean(_ input: FuzzInput) throws {
        try input.target.run([UInt8](Data(contentsOf: input.file)))
    }

    @Test(arguments: FuzzInput.all("regressions"))
    func savedCrashRunsClean(_ input: FuzzInput) throws {
        try input.target.run([UInt8](Data(contentsOf: input.file)))
    }
}
