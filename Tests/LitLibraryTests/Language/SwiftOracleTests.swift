import Foundation
import LitDocument
import LitLibrary
import LitTestSupport
import Testing

/// Differential tests against the real compiler: each program in Fixtures/oracle, and the
/// runnable cells of chapters/tour.md, is compiled with `swiftc` and run, and what it
/// prints must match, byte for byte, what the cell language prints.
@Suite struct SwiftOracleTests {
    static let directory = TestPaths.fixtures.appendingPathComponent("oracle")

    static let programs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.sorted()
    }()

    /// An empty list would pass the parameterised test by running none.
    @Test func everyProgramIsFound() {
        #expect(Self.programs.count == 8, "\(Self.programs)")
    }

    @Test(arguments: programs)
    func programPrintsWhatCompiledSwiftPrints(_ name: String) throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
        try expectSameOutput(cells: [source])
    }

    @Test func tourChapterPrintsWhatCompiledSwiftPrints() throws {
        let chapter = try Chapter.read(path: TestPaths.repository.appendingPathComponent("chapters/tour.md").path)
        let cells = chapter.cells.filter { $0.flags.isEmpty }.map(\.code)
        try #require(cells.count > 5)
        try expectSameOutput(cells: cells)
    }

    /// Runs the cells in one interpreter and as one compiled program.
    private func expectSameOutput(cells: [String]) throws {
        let interpreter = ChapterSession(seed: 0)
        var interpreted = ""
        for (index, code) in cells.enumerated() {
            _ = try interpreter.run(code, cell: index + 1)
            interpreted += interpreter.output
        }
        // String(format:) lives in Foundation; cells see it without an import.
        let compiled = try compileAndRun("import Foundation\n" + cells.joined(separator: "\n"))
        #expect(interpreted == compiled)
    }

    private func compileAndRun(_ source: String) throws -> String {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("main.swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let binary = work.appendingPathComponent("program").path
        let compile = try execute("/usr/bin/env", ["swiftc", "-suppress-warnings", file.path, "-o", binary])
        try #require(compile.status == 0, "swiftc failed: \(compile.output)")
        let run = try execute(binary, [])
        try #require(run.status == 0)
        return run.output
    }

    private func execute(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
