import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// `t[i, a..<b, ...]` and assignment through it, against a reference that walks every
/// position of the source and asks whether the subscript selects it.
@Suite struct SubscriptTests {
    /// One random subscript of `shape`: positions (some negative), ranges, whole
    /// dimensions and open ends, for a prefix of the dimensions.
    static func randomIndices(_ shape: [Int], _ random: inout SplitMix64) -> [TensorIndex] {
        let count = Int.random(in: 1...shape.count, using: &random)
        return shape.prefix(count).map { (size) -> TensorIndex in
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return .position(Int.random(in: -size..<size, using: &random))
            case 1: return .all
            default:
                let from = Int.random(in: 0...size, using: &random), to = Int.random(in: from...size, using: &random)
                return .range(lower: Bool.random(using: &random) && from == 0 ? nil : from, upper: to == size ? nil : to)
            }
        }
    }

    /// The selected positions of the source, in order, and the result's shape.
    static func reference(_ shape: [Int], _ indices: [TensorIndex]) -> (offsets: [Int], shape: [Int]) {
        var bounds: [Range<Int>] = [], kept: [Int] = []
        for (axis, size) in shape.enumerated() {
            switch axis < indices.count ? indices[axis] : .all {
            case .position(let i): bounds.append((i < 0 ? i + size : i)..<((i < 0 ? i + size : i) + 1))
            case .range(let lower, let upper):
                bounds.append((lower ?? 0)..<(upper ?? size))
                kept.append(bounds.last!.count)
            }
        }
        let source = NaiveTensor(shape: shape)
        let offsets = (0..<source.count).filter { offset in
            zip(source.index(ofOffset: offset), bounds).allSatisfy { $1.contains($0) }
        }
        return (offsets, kept)
    }

    @Test func readsTheSelectedValuesInOrder() throws {
        var random = SplitMix64(seed: 700)
        for trial in 0..<400 {
            let shape = (0..<Int.random(in: 1...4, using: &random)).map { _ in Int.random(in: 1...5, using: &random) }
            let values = TestData.uniform(shape, seed: UInt64(trial))
            let indices = Self.randomIndices(shape, &random)
            let (offsets, expectedShape) = Self.reference(shape, indices)
            let result = try values.tensor().subscripted(indices)
            #expect(result.shape == expectedShape, "\(shape) \(indices)")
            #expect(result.scalars == offsets.map { Float(values.values[$0]) }, "\(shape) \(indices)")
        }
    }

    @Test func aRunOfValuesIsAViewAndAnyOtherRegionACopy() throws {
        let source = TestData.uniform([3, 4, 5], seed: 701).tensor()
        for (indices, isView) in [([TensorIndex.position(1)], true), ([.position(2), .range(lower: 1, upper: 3)], true),
                                  ([.range(lower: 1, upper: 3)], true), ([.all, .position(0)], false),
                                  ([.position(0), .all, .range(lower: 2, upper: 4)], false)] {
            let result = try source.subscripted(indices)
            #expect((result.sharedStorage === source.sharedStorage) == isView, "\(indices)")
        }
    }

    @Test func gradientsReachTheSelectedValuesOnly() throws {
        let x = TestData.uniform([3, 4, 5], seed: 702)
        for indices in [[TensorIndex.position(1)], [.all, .range(lower: 1, upper: 3)], [.position(-1), .all, .position(2)],
                        [.range(lower: 0, upper: 2), .position(3), .range(lower: nil, upper: 4)]] {
            try GradientCheck.check([x.parameter()]) { try $0[0].subscripted(indices) }
        }
    }

    @Test func assignmentReplacesTheRegionAndNothingElse() throws {
        var random = SplitMix64(seed: 703)
        for trial in 0..<300 {
            let shape = (0..<Int.random(in: 1...4, using: &random)).map { _ in Int.random(in: 1...5, using: &random) }
            let values = TestData.uniform(shape, seed: UInt64(trial))
            let indices = Self.randomIndices(shape, &random)
            let (offsets, regionShape) = Self.reference(shape, indices)
            // A value of the region's shape, or one row of it that broadcasts.
            let broadcasting = Bool.random(using: &random) && !regionShape.isEmpty
            let valueShape = broadcasting ? [regionShape.last!] : regionShape
            let value = TestData.uniform(valueShape, seed: UInt64(1000 + trial))
            let target = values.tensor()
            try target.assign(value.tensor(), at: indices)
            var expected = values.values.map { Float($0) }
            for (position, offset) in offsets.enumerated() {
                expected[offset] = Float(value.values[broadcasting ? position % valueShape[0] : position])
            }
            #expect(target.scalars == expected, "\(shape) \(indices)")
        }
    }

    @Test func aNumberFillsTheRegion() throws {
        let x = Tensor(shape: [2, 8], repeating: 1)
        try x.assign(0, at: [.all, .range(lower: 2, upper: 6)])
        #expect(x.scalars == [1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1])
    }

    @Test func anOverlappingValueIsReadBeforeAnythingIsWritten() throws {
        let x = Tensor(shape: [4, 2], scalars: [0, 1, 2, 3, 4, 5, 6, 7])
        try x.assign(try x.subscripted([.range(lower: 0, upper: 3)]), at: [.range(lower: 1, upper: 4)])
        #expect(x.scalars == [0, 1, 0, 1, 2, 3, 4, 5])
    }

    /// d2l's `corr2d`, which fills a tensor of zeros one element at a time: the gradient of
    /// the kernel flows through every assignment.
    @Test func gradientsFlowThroughAssignedValues() throws {
        let image = TestData.uniform([4, 5], seed: 704)
        func corr2d(_ x: Tensor, _ k: Tensor) throws -> Tensor {
            let (h, w) = (k.shape[0], k.shape[1])
            let y = Tensor.zeros([x.shape[0] - h + 1, x.shape[1] - w + 1])
            for i in 0..<y.shape[0] {
                for j in 0..<y.shape[1] {
                    let window = try x.subscripted([.range(lower: i, upper: i + h), .range(lower: j, upper: j + w)])
                    try y.assign(try (window * k).sum(), at: [.position(i), .position(j)])
                }
            }
            return y
        }
        let kernel = TestData.uniform([2, 3], seed: 705)
        try GradientCheck.check([image.parameter(), kernel.parameter()]) { try corr2d($0[0], $0[1]) }
        // The values against the naive convolution of one image and one channel.
        let y = try corr2d(image.tensor(), kernel.tensor())
        let naive = Naive.conv2d(NaiveTensor(shape: [1, 1, 4, 5], values: image.values),
                                 NaiveTensor(shape: [1, 1, 2, 3], values: kernel.values), bias: nil, stride: 1, padding: 0)
        assertClose(y, naive.values, shape: [3, 3], tolerance: 1e-5, absolute: 1e-6)
    }

    @Test func anOverwrittenValueGetsNoGradient() throws {
        let (first, second) = (Tensor.parameter(Tensor(shape: [2], scalars: [1, 2])), Tensor.parameter(Tensor(shape: [2], scalars: [3, 4])))
        let y = Tensor.zeros([3, 2])
        try y.assign(first, at: [.position(0)])
        try y.assign(second, at: [.range(lower: 0, upper: 2)])
        try (y * Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])).sum().backward()
        #expect(first.grad?.scalars == [0, 0])
        #expect(second.grad?.scalars == [4, 6])
    }

    @Test func badSubscriptsAreErrors() throws {
        let x = Tensor.zeros([2, 3])
        expectThrows(TensorError.tooManyIndices(3, rank: 2), text: "3 indices for a tensor of rank 2") {
            try x.subscripted([.position(0), .position(0), .position(0)])
        }
        expectThrows(TensorError.indexOutOfRange(index: -3, size: 2), text: "index -3 is out of range for a dimension of size 2") {
            try x.subscripted([.position(-3)])
        }
        expectThrows(TensorError.rangeOutOfBounds(lower: 1, upper: 4, dim: 1, size: 3),
                     text: "range 1..<4 is out of bounds for dimension 1 of size 3") {
            try x.subscripted([.all, .range(lower: 1, upper: 4)])
        }
        #expect(throws: TensorError.indexIntoScalar) { try Tensor(1).subscripted([.position(0)]) }
        #expect(throws: TensorError.inPlaceShape(op: "[...] =", target: [2, 2], other: [3])) {
            try x.assign(Tensor.ones([3]), at: [.all, .range(lower: 0, upper: 2)])
        }
        #expect(x.scalars == [0, 0, 0, 0, 0, 0])
    }

    @Test func aParameterIsAssignedOnlyWithoutGradients() throws {
        let p = Tensor.parameter(Tensor.zeros([2, 2]))
        #expect(throws: TensorError.inPlaceOnGradientTensor(op: "[...] =")) { try p.assign(1, at: [.position(0)]) }
        #expect(p.scalars == [0, 0, 0, 0])
        try GradientMode.withoutGradients { () throws(TensorError) in try p.assign(1, at: [.position(0)]) }
        #expect(p.scalars == [1, 1, 0, 0] && p.gradientNode == nil)
    }
}
