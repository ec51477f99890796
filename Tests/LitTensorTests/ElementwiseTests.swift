import Foundation
import LitDiagnostics
import LitTensor
import LitTensorTestSupport
import Testing

/// `+ - * /`, broadcasting and the elementwise functions against Double references.
/// Inputs are Floats, so each reference value is exact up to one final rounding: a
/// relative tolerance of 1e-6 (about 8 ulps) is generous for the correctly rounded
/// arithmetic, and 1e-5 allows the polynomial approximations a few ulps more.
@Suite struct TensorElementwiseTests {
    typealias Op = (name: String, engine: (Tensor, Tensor) throws -> Tensor, reference: (Double, Double) -> Double)
    static var ops: [Op] { [
        ("+", { try $0 + $1 }, { $0 + $1 }),
        ("-", { try $0 - $1 }, { $0 - $1 }),
        ("*", { try $0 * $1 }, { $0 * $1 }),
        ("/", { try $0 / $1 }, { $0 / $1 }),
    ] }

    /// Shape pairs that broadcast, both ways round: the output is walked differently
    /// depending on which operand repeats.
    static let shapePairs: [([Int], [Int])] = [
        ([2, 3, 4], [2, 3, 4]), ([2, 3, 4], [3, 1]), ([2, 3, 4], [1, 4]), ([2, 3, 4], [4]), ([2, 3, 4], []),
        ([2, 1, 4], [1, 3, 1]), ([3, 1], [2, 3, 4]), ([4], [2, 3, 4]), ([], [2, 3, 4]), ([1, 3, 1], [2, 1, 4]),
        ([2, 3, 4], [2, 1, 1]), ([5, 1, 7], [5, 6, 7]), ([], []), ([3, 1], [1, 4]), ([2, 3, 1], [1, 3, 1]), ([64, 40, 16], [40, 1]), ([64, 40, 16], [64, 1, 16]),
    ]

    @Test(arguments: shapePairs)
    func binaryOperatorsBroadcast(_ shapeA: [Int], _ shapeB: [Int]) throws {
        let a = TestData.uniform(shapeA, -3...3, seed: 10)
        let b = TestData.awayFromZero(shapeB, 0.25...4, seed: 11)
        for op in TensorElementwiseTests.ops {
            let result = try op.engine(a.tensor(), b.tensor())
            assertClose(result, Naive.elementwise(a, b, op.reference), tolerance: 1e-6, "for \(shapeA) \(op.name) \(shapeB)")
        }
    }

    @Test func scalarsOnEitherSide() {
        let t = TestData.awayFromZero([3, 5], 0.25...4, seed: 12)
        let x = t.tensor()
        assertClose(x + 2, Naive.map(t) { $0 + 2 }, tolerance: 1e-6, "t + 2")
        assertClose(2 + x, Naive.map(t) { 2 + $0 }, tolerance: 1e-6, "2 + t")
        assertClose(x - 2, Naive.map(t) { $0 - 2 }, tolerance: 1e-6, "t - 2")
        assertClose(2 - x, Naive.map(t) { 2 - $0 }, tolerance: 1e-6, "2 - t")
        assertClose(x * 3, Naive.map(t) { $0 * 3 }, tolerance: 1e-6, "t * 3")
        assertClose(3 * x, Naive.map(t) { 3 * $0 }, tolerance: 1e-6, "3 * t")
        assertClose(x / 3, Naive.map(t) { $0 / 3 }, tolerance: 1e-6, "t / 3")
        assertClose(3 / x, Naive.map(t) { 3 / $0 }, tolerance: 1e-6, "3 / t")
        assertClose(-x, Naive.map(t) { -$0 }, tolerance: 0, "-t")
    }

    @Test func largeOperandsSplitAcrossCoresMatch() throws {
        // 2 * 40000 elements: above the parallel threshold, with a broadcast row.
        let a = TestData.uniform([2, 40_000], seed: 13), b = TestData.awayFromZero([40_000], seed: 14)
        assertClose(try a.tensor() / b.tensor(), Naive.elementwise(a, b, /), tolerance: 1e-6)
        assertClose(try a.tensor() - a.tensor(), NaiveTensor(shape: [2, 40_000]), tolerance: 0)
        assertClose(a.tensor() * 0.5 + 1, Naive.map(a) { $0 * 0.5 + 1 }, tolerance: 1e-6)
    }

    @Test func shapeMismatchNamesTheOperationAndBothShapes() throws {
        let a = Tensor.zeros([2, 3]), b = Tensor.zeros([4])
        #expect(throws: TensorError.cannotBroadcast(verb: "add", [2, 3], [4])) { try a + b }
        #expect(throws: TensorError.cannotBroadcast(verb: "multiply", [4], [2, 3])) { try b * a }
        #expect(throws: TensorError.cannotBroadcast(verb: "subtract", [2, 3], [3, 2])) { try a - Tensor.zeros([3, 2]) }
        #expect(throws: TensorError.cannotBroadcast(verb: "divide", [2, 3, 1], [2, 2])) { try Tensor.zeros([2, 3, 1]) / Tensor.zeros([2, 2]) }
        #expect(TensorError.cannotBroadcast(verb: "add", [16, 6, 24, 24], [6]).description
                == "cannot add tensors of shapes [16, 6, 24, 24] and [6]: from the last dimension on, sizes must match or be 1 (24 and 6 do not)")
        #expect(TensorError.cannotBroadcast(verb: "divide", [2, 3, 1], [2, 2]).description.hasSuffix("(3 and 2 do not)"))
    }

    // MARK: Functions

    static func checkFunction(_ engine: (Tensor) -> Tensor, _ reference: (Double) -> Double, _ input: NaiveTensor,
                              tolerance: Double, absolute: Double = 0, _ name: String,
                              sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        assertClose(engine(input.tensor()), Naive.map(input, reference), tolerance: tolerance, absolute: absolute,
                    name, sourceLocation: sourceLocation)
    }

    @Test func smoothFunctionsOnRandomInputs() {
        let wide = TestData.uniform([7, 9], -6...6, seed: 20), positive = TestData.uniform([7, 9], 1e-3...50, seed: 21)
        TensorElementwiseTests.checkFunction({ $0.sqrt() }, Foundation.sqrt, positive, tolerance: 1e-6, "sqrt")
        TensorElementwiseTests.checkFunction({ $0.exp() }, Foundation.exp, wide, tolerance: 1e-6, "exp")
        TensorElementwiseTests.checkFunction({ $0.log() }, Foundation.log, positive, tolerance: 1e-6, absolute: 1e-7, "log")
        TensorElementwiseTests.checkFunction({ $0.relu() }, { max($0, 0) }, wide, tolerance: 0, "relu")
        TensorElementwiseTests.checkFunction({ $0.sigmoid() }, { 1 / (1 + Foundation.exp(-$0)) }, wide, tolerance: 1e-6, "sigmoid")
        TensorElementwiseTests.checkFunction({ $0.tanh() }, Foundation.tanh, wide, tolerance: 1e-6, absolute: 1e-7, "tanh")
        TensorElementwiseTests.checkFunction({ $0.squared() }, { $0 * $0 }, wide, tolerance: 1e-6, "squared")
        // Many values, split across cores.
        let many = TestData.uniform([50_000], -4...4, seed: 22)
        TensorElementwiseTests.checkFunction({ $0.exp() }, Foundation.exp, many, tolerance: 1e-6, "exp, large")
        TensorElementwiseTests.checkFunction({ $0.tanh() }, Foundation.tanh, many, tolerance: 1e-6, absolute: 1e-7, "tanh, large")
    }

    @Test func tanhKeepsRelativeAccuracyNearZero() {
        // Below |x| = 0.625 the result must not lose digits to 1 - 2/(e^2x + 1).
        let small = NaiveTensor(shape: [8], values: [1e-30, -1e-8, 1e-4, -3e-3, 0.1, -0.3, 0.6, -0.624].map { Double(Float($0)) })
        TensorElementwiseTests.checkFunction({ $0.tanh() }, Foundation.tanh, small, tolerance: 2e-6, "tanh near 0")
        let large = NaiveTensor(shape: [7], values: [0.625, -0.7, 2, -5, 9.5, 20, -100])
        TensorElementwiseTests.checkFunction({ $0.tanh() }, Foundation.tanh, large, tolerance: 1e-6, "tanh far from 0")
    }

    @Test func expAtTheEndsOfTheFloatRange() {
        // Foundation's exp in Double, rounded once to Float, is the correctly rounded value:
        // exp(-100) is subnormal, exp(88) near the largest Float, exp(89) beyond it (inf).
        let inputs: [Float] = [-.infinity, -104, -103.5, -100, -88.5, -87, -10, 0, 1, 80, 88, 88.7, 88.72, 89, 100, .infinity]
        let result = Tensor(shape: [inputs.count], scalars: inputs).exp().scalars
        for (x, y) in zip(inputs, result) {
            let expected = Float(Foundation.exp(Double(x)))
            if expected.isInfinite || expected == 0 {
                #expect(y == expected, "exp(\(x)) = \(y), expected \(expected)")
            } else {
                // Within 2 ulps; for subnormal results an ulp is the smallest Float.
                #expect(abs(y - expected) <= 2 * expected.ulp, "exp(\(x)) = \(y), expected \(expected)")
            }
        }
        #expect(Tensor(shape: [1], scalars: [.nan]).exp().scalars[0].isNaN)
    }

    @Test func logAtSpecialValues() {
        let inputs: [Float] = [.leastNormalMagnitude / 1024, Float(bitPattern: 0x0004_5678), .leastNonzeroMagnitude, .leastNormalMagnitude, 1e-20, 0.5, 1, Float(M_E), 1e30, .greatestFiniteMagnitude]
        let result = Tensor(shape: [inputs.count], scalars: inputs).log().scalars
        for (x, y) in zip(inputs, result) {
            let expected = Foundation.log(Double(x))
            #expect(abs(Double(y) - expected) <= 1e-6 * abs(expected) + 1e-7, "log(\(x)) = \(y), expected \(expected)")
        }
        let special = Tensor(shape: [6], scalars: [0, -0.0, -1, -.infinity, .infinity, .nan]).log().scalars
        #expect(special[0] == -.infinity && special[1] == -.infinity, "log(±0) = \(special[0]), \(special[1])")
        #expect(special[2].isNaN && special[3].isNaN, "log of a negative number: \(special[2]), \(special[3])")
        #expect(special[4] == .infinity && special[5].isNaN, "log(inf) = \(special[4]), log(nan) = \(special[5])")
    }

    @Test func nanAndInfinityFollowIEEE() {
        let x = Tensor(shape: [4], scalars: [.nan, -.infinity, .infinity, -4])
        let relu = x.relu().scalars, sqrt = x.sqrt().scalars, sigmoid = x.sigmoid().scalars
        #expect(relu[0].isNaN && relu[1] == 0 && relu[2] == .infinity && relu[3] == 0)
        #expect(sqrt[0].isNaN && sqrt[1].isNaN && sqrt[2] == .infinity && sqrt[3].isNaN)
        #expect(sigmoid[0].isNaN && sigmoid[1] == 0 && sigmoid[2] == 1)
        let tanh = x.tanh().scalars
        #expect(tanh[0].isNaN && tanh[1] == -1 && tanh[2] == 1)
    }
}
