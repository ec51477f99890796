import LitNN
import LitRandom
import LitTensor
import Testing

/// Adam over gradients that declare they are 0 outside some kernel taps keeps its moments
/// inside those taps only. It must step exactly as the full Adam: the same parameters and
/// moments, bit for bit, across steps that declare the support, steps that do not, and
/// moments that cannot be narrowed.
@Suite struct AdamSupportTests {
    let shape = [6, 4, 3, 3]
    /// Two taps in nine, as a kernel whose other taps only meet padding.
    let support = PeriodicSupport(period: 9, offsets: [4, 5])!

    /// One step's gradient: random on the support's taps, `outside` elsewhere.
    private func gradient(step: Int, declared: Bool, outside: Float) -> Tensor {
        var random = SplitMix64(seed: UInt64(100 + step))
        let values = Tensor.randn(shape, using: &random).scalars.enumerated().map { index, value in
            support.offsets.contains(index % 9) ? value : outside
        }
        let gradient = Tensor(shape: shape, scalars: values)
        if declared { gradient.declareSupport(support) }
        return gradient
    }

    /// The weights and both moments after the steps, as bit patterns; each step is
    /// (whether its gradient declares the support, its value outside the support).
    private func train(_ steps: [(declared: Bool, outside: Float)]) throws -> [[UInt32]] {
        var random = SplitMix64(seed: 7)
        let weight = Tensor.parameter(Tensor.randn(shape, using: &random))
        let adam = Adam([weight], learningRate: 0.01)
        for (index, step) in steps.enumerated() {
            weight.grad = gradient(step: index, declared: step.declared, outside: step.outside)
            try adam.step()
        }
        let state = try #require(adam.states[0])
        #expect(state.firstMoment.shape == shape && state.secondMoment.shape == shape && state.steps == steps.count)
        return [weight, state.firstMoment, state.secondMoment].map { $0.scalars.map(\.bitPattern) }
    }

    @Test func aDeclaredSupportStepsExactlyAsTheFullStep() throws {
        // Narrow, then full for one undeclared step, then narrow again.
        let steps: [(Bool, Float)] = [(true, 0), (true, 0), (false, 0), (true, 0), (true, 0)]
        #expect(try train(steps) == train(steps.map { (false, $0.1) }))
    }

    @Test func momentsOutsideTheSupportKeepTheStepFull() throws {
        // An undeclared step with values outside the support leaves moments there; later
        // declared steps cannot narrow them, and must still move those weights.
        let steps: [(Bool, Float)] = [(true, 0), (false, 0.25), (true, 0), (true, 0)]
        let narrow = try train(steps)
        #expect(narrow == (try train(steps.map { (false, $0.1) })))
        let firstMoment = narrow[1]
        #expect(firstMoment.indices.contains { !support.offsets.contains($0 % 9) && firstMoment[$0] != 0 })
    }

    @Test func statesSetInFullAreNarrowedWhenTheyAllow() throws {
        var random = SplitMix64(seed: 9)
        let start = Tensor.randn(shape, using: &random)
        func run(restoring: Bool) throws -> [UInt32] {
            let weight = Tensor.parameter(start.copy())
            let adam = Adam([weight], learningRate: 0.01)
            for step in 0..<4 {
                if restoring && step == 2 {
                    // As a snapshot restores them: in full.
                    let states = adam.states
                    adam.states = states
                }
                weight.grad = gradient(step: step, declared: true, outside: 0)
                try adam.step()
            }
            return weight.scalars.map(\.bitPattern)
        }
        #expect(try run(restoring: true) == run(restoring: false))
    }

    @Test func supportsAreCheckedAndRoundTrip() throws {
        #expect(PeriodicSupport(period: 9, offsets: [9]) == nil)
        #expect(PeriodicSupport(period: 9, offsets: [1, 1]) == nil)
        #expect(PeriodicSupport(period: 2, offsets: [0, 1]) == nil, "a support that leaves nothing out")
        #expect(PeriodicSupport(period: 0, offsets: []) == nil)
        #expect(PeriodicSupport(period: 4, offsets: [3, 1])?.offsets == [1, 3])
        let pair = try #require(PeriodicSupport(period: 3, offsets: [1]))
        let dense = Tensor(shape: [2, 3], scalars: [0, 5, 0, 0, -2, 0])
        let compact = try #require(pair.compacted(dense))
        #expect(compact.scalars == [5, -2])
        #expect(pair.expanded(compact, to: [2, 3]).scalars == dense.scalars)
        #expect(pair.compacted(Tensor(shape: [3], scalars: [1, 5, 0])) == nil)
        #expect(pair.compacted(Tensor(shape: [3], scalars: [-0.0, 5, 0])) == nil, "-0 outside is not the +0 Adam leaves")
        #expect(pair.compacted(Tensor(shape: [4], scalars: [0, 1, 0, 0])) == nil, "not whole runs")
    }
}
