import Foundation
import LitRandom
import LitTensor
import Testing

/// Creation functions, random draws (checked statistically, with fixed seeds) and printing,
/// which must read like PyTorch's `repr` of a float32 tensor.
@Suite struct TensorCreationAndPrintingTests {
    @Test func zerosOnesArange() {
        #expect(Tensor.zeros([2, 3]).shape == [2, 3] && Tensor.zeros([2, 3]).scalars == [Float](repeating: 0, count: 6))
        #expect(Tensor.ones([4]).scalars == [1, 1, 1, 1])
        #expect(Tensor.ones([]).shape == [] && Tensor.ones([]).scalars == [1])
        #expect(Tensor.arange(5).shape == [5] && Tensor.arange(5).scalars == [0, 1, 2, 3, 4])
        #expect(Tensor.arange(0).shape == [0] && Tensor.arange(0).scalars.isEmpty)
        #expect(Tensor.zeros([3, 0]).count == 0)
    }

    static func moments(_ values: [Float]) -> (mean: Double, variance: Double) {
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        return (mean, variance)
    }

    @Test func randIsUniformOnTheUnitInterval() {
        var generator = SplitMix64(seed: 150)
        let values = Tensor.rand([100_000], using: &generator).scalars
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
        let (mean, variance) = TensorCreationAndPrintingTests.moments(values)
        // Standard error of the mean: sqrt(1/12 / 1e5) ≈ 9e-4.
        #expect(abs(mean - 0.5) < 5e-3, "mean \(mean)")
        #expect(abs(variance - 1.0 / 12) < 3e-3, "variance \(variance)")
        // Each tenth of the interval gets about a tenth of the draws (sd ≈ 95 draws).
        var bins = [Int](repeating: 0, count: 10)
        for value in values { bins[Int(value * 10)] += 1 }
        #expect(bins.allSatisfy { abs($0 - 10_000) < 600 }, "\(bins)")
    }

    @Test func randnIsStandardNormal() {
        var generator = SplitMix64(seed: 151)
        let values = Tensor.randn([100_001], using: &generator).scalars
        #expect(values.allSatisfy { $0.isFinite })
        let (mean, variance) = TensorCreationAndPrintingTests.moments(values)
        #expect(abs(mean) < 0.02, "mean \(mean)")
        #expect(abs(variance - 1) < 0.03, "variance \(variance)")
        // The shape of the bell, not just its moments: P(|z| < 1) ≈ 0.6827, P(|z| < 2) ≈ 0.9545.
        let within1 = Double(values.filter { abs($0) < 1 }.count) / Double(values.count)
        let within2 = Double(values.filter { abs($0) < 2 }.count) / Double(values.count)
        #expect(abs(within1 - 0.6827) < 0.01 && abs(within2 - 0.9545) < 0.005, "\(within1), \(within2)")
    }

    @Test func uniformStaysInItsInterval() {
        var generator = SplitMix64(seed: 152)
        let values = Tensor.uniform([20_000], low: -3, high: 5, using: &generator).scalars
        #expect(values.allSatisfy { $0 >= -3 && $0 < 5 })
        #expect(abs(TensorCreationAndPrintingTests.moments(values).mean - 1) < 0.1)
    }

    @Test func sameSeedSameValues() {
        var a = SplitMix64(seed: 153), b = SplitMix64(seed: 153), c = SplitMix64(seed: 154)
        let first = Tensor.randn([3, 7], using: &a).scalars, second = Tensor.randn([3, 7], using: &b).scalars
        #expect(first == second)
        #expect(first != Tensor.randn([3, 7], using: &c).scalars)
        // The generator moves on: a second draw differs from the first.
        #expect(Tensor.rand([5], using: &a).scalars != Tensor.rand([5], using: &c).scalars)
    }

    // MARK: Printing

    @Test func smallTensorsPrintLikePyTorch() throws {
        #expect(Tensor(shape: [2, 2], scalars: [1, 2, 3, 4]).description == "tensor([[1., 2.],\n        [3., 4.]])")
        #expect(Tensor(24).description == "tensor(24.)")
        #expect(Tensor(-0.5).description == "tensor(-0.5000)")
        #expect(Tensor.arange(3).description == "tensor([0., 1., 2.])")
        #expect(Tensor(shape: [3], scalars: [0.5, -1.25, 3.14159]).description == "tensor([ 0.5000, -1.2500,  3.1416])")
        #expect(Tensor(shape: [2], scalars: [0, 10]).description == "tensor([ 0., 10.])")
        #expect(Tensor(shape: [2], scalars: [1e-5, 1]).description == "tensor([1.0000e-05, 1.0000e+00])")
        #expect(Tensor(shape: [2], scalars: [1.5, .nan]).description == "tensor([1.5000,    nan])")
        #expect(try Tensor.arange(8).reshape([2, 2, 2]).description
                == "tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])")
        #expect(Tensor.arange(0).description == "tensor([])")
    }

    /// 100 + 40 i + j at row i, column j: every printed value says where it came from.
    var big: Tensor { Tensor(shape: [40, 40], scalars: (0..<1600).map { Float(100 + $0) }) }

    @Test func largeTensorsPrintOnlyTheirEdges() {
        let lines = big.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 7, "\(lines)")
        guard lines.count == 7 else { return }
        #expect(lines[3] == "        ...,")
        let shownRows: [Int] = [0, 1, 2, 37, 38, 39]
        for (line, row) in zip(lines.enumerated().filter { $0.offset != 3 }.map(\.element), shownRows) {
            let numbers = line.split(whereSeparator: { !"0123456789".contains($0) }).map { Int($0)! }
            let base = 100 + 40 * row
            #expect(numbers == [base, base + 1, base + 2, base + 37, base + 38, base + 39], "\(line)")
            #expect(line.contains("...") && !line.contains("\(base + 3)."), "\(line)")
        }
    }

    @Test func largeTensorsPrintExactlyLikePyTorch() {
        // PyTorch writes the elided entry of a row as " ..." (so ",  ...,") and the elided rows as "...,".
        let expected = """
            tensor([[ 100.,  101.,  102.,  ...,  137.,  138.,  139.],
                    [ 140.,  141.,  142.,  ...,  177.,  178.,  179.],
                    [ 180.,  181.,  182.,  ...,  217.,  218.,  219.],
                    ...,
                    [1580., 1581., 1582.,  ..., 1617., 1618., 1619.],
                    [1620., 1621., 1622.,  ..., 1657., 1658., 1659.],
                    [1660., 1661., 1662.,  ..., 1697., 1698., 1699.]])
            """
        #expect(big.description == expected)
    }

    @Test func widthComesFromTheFiniteNonzeroValuesAsInPyTorch() {
        // PyTorch sizes the columns by the finite nonzero values only; nan and inf print unpadded.
        #expect(Tensor(shape: [2], scalars: [.nan, 1]).description == "tensor([nan, 1.])")
        #expect(Tensor(shape: [2], scalars: [0, 1]).log().description == "tensor([-inf, 0.])")
    }

    @Test func wholeNumbersSpanningOverAThousandfoldPrintInScientificNotation() {
        #expect(Tensor(shape: [2], scalars: [1, 2000]).description == "tensor([1.0000e+00, 2.0000e+03])")
    }

    @Test func longRowsWrapAtEightyColumnsAsInPyTorch() {
        let expected = "tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,\n"
            + "        14., 15., 16., 17., 18., 19.])"
        #expect(Tensor.arange(20).description == expected)
    }

    @Test func printingSaysHowATensorTakesPartInAutograd() throws {
        let w = Tensor.parameter(Tensor(shape: [2], scalars: [1, 2]))
        #expect(w.description == "tensor([1., 2.], requiresGrad: true)")
        #expect((w * 2).description == "tensor([2., 4.], gradFn: mul)")
        #expect(try (w * w).mean().description == "tensor(2.5000, gradFn: mean)")
        #expect(w.detached().description == "tensor([1., 2.])")
        #expect(Tensor.zeros([2, 0]).description == "tensor([], shape: [2, 0])")
    }
}
