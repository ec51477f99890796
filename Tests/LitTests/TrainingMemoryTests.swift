import Foundation
import LitLanguage
import LitTestSupport
import Testing

/// A training loop must not leak: once warmed up, litrun's resident memory stays flat.
/// The loop runs in its own `litrun` process, so that tests running alongside cannot
/// disturb the measurement, and through the cell language, the path chapters take.
@Suite struct TrainingMemoryTests {
    static let chapter = """
    # Training steps

    ```swift
    var kernel = Parameter(randn(6, 1, 5, 5) * 0.2)
    var bias = Parameter(zeros(6))
    var classifier = Parameter(randn(6 * 12 * 12, 10) * 0.05)
    let images = rand(16, 1, 28, 28)
    let labels = tensor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5])
    for step in 0..<2000 {
        let features = maxPool2d(relu(conv2d(images, kernel, bias: bias)), kernelSize: 2)
        let loss = crossEntropy(matmul(features.flatten(from: 1), classifier), labels)
        loss.backward()
        kernel = Parameter((kernel - 0.05 * kernel.grad!).detached())
        bias = Parameter((bias - 0.05 * bias.grad!).detached())
        classifier = Parameter((classifier - 0.05 * classifier.grad!).detached())
        if step == 0 || step == 1999 { print(loss.item()) }
    }
    ```

    """

    @Test func thousandTrainingStepsKeepResidentMemoryFlat() throws {
        let work = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        try Data(Self.chapter.utf8).write(to: work.appendingPathComponent("chapter.md"))
        let process = Process()
        process.executableURL = TestPaths.litrun
        process.arguments = ["--stdout", "chapter.md"]
        process.currentDirectoryURL = work
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var samples: [Int] = []
        while process.isRunning {
            if let resident = residentKiB(of: process.processIdentifier) { samples.append(resident) }
            usleep(2_000)
        }
        process.waitUntilExit()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(printed)")

        // Skip start-up and the first steps, while buffers are first allocated.
        let steady = Array(samples.dropFirst(samples.count / 4).dropLast())
        try #require(steady.count >= 10, "too few samples (\(samples.count)) to judge")
        let growth = steady.max()! - steady.first!
        #expect(growth < 8 * 1024, "resident memory grew by \(growth) KiB during training: \(steady)")

        let losses = printed.split(separator: "\n").compactMap { Double($0) }
        try #require(losses.count == 2, "\(printed)")
        #expect(losses[1] < losses[0] * 0.5, "the loop should fit its one batch: \(losses)")
    }

    private func residentKiB(of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }
}
