import Foundation
import Testing
@testable import Lit

/// A training loop must not leak: after warming up, resident memory stays flat.
@Suite struct TrainingMemoryTests {
    /// Resident set size in bytes, from /proc/self/statm.
    private func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        return (fields.count > 1 ? Int(fields[1]) ?? 0 : 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test func thousandTrainingStepsKeepResidentMemoryFlat() throws {
        var random = SplitMix64(seed: 7)
        let images = Tensor.rand([16, 1, 28, 28], using: &random)
        let labels = Tensor(shape: [16], scalars: (0..<16).map { Float($0 % 10) })
        let kernel = Tensor.parameter(Tensor.randn([6, 1, 5, 5], using: &random) * 0.2)
        let bias = Tensor.parameter(Tensor.zeros([6]))
        let classifier = Tensor.parameter(Tensor.randn([6 * 12 * 12, 10], using: &random) * 0.05)
        let parameters = [kernel, bias, classifier]
        var firstLoss: Float = 0, lastLoss: Float = 0
        var residentAfterWarmUp = 0
        for step in 0..<1000 {
            let features = try Tensor.conv2d(images, weight: kernel, bias: bias).relu().maxPool2d(kernelSize: 2)
            let logits = try Tensor.matmul(try features.flatten(from: 1), classifier)
            let loss = try Tensor.crossEntropy(logits, labels)
            try loss.backward()
            for parameter in parameters {
                try parameter.add(parameter.grad!, scaledBy: -0.05)
                parameter.grad = nil
            }
            if step == 0 { firstLoss = try loss.item() }
            if step == 99 { residentAfterWarmUp = residentBytes() }
            lastLoss = try loss.item()
        }
        let growth = residentBytes() - residentAfterWarmUp
        // Other tests run in parallel in this process, so allow a little slack; a leak of
        // one step's tensors would be over 100 MB by now.
        #expect(growth < 8 << 20, "resident memory grew by \(growth >> 10) KiB over 900 steps")
        #expect(lastLoss < firstLoss * 0.5, "training should fit the fixed batch: \(firstLoss) → \(lastLoss)")
    }
}
