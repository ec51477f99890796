import LitData
import Testing

/// The loader over small synthetic sets in which every image says which one it is: its
/// first pixel holds its index, its label is the index mod 10.
@Suite struct DataLoaderTests {
    /// `count` images of `side`×`side`; image i's pixels are i, i + 1, i + 2, ... (mod 256).
    static func numbered(_ count: Int, side: Int = 3) -> ImageSet {
        let pixels = (0..<count).flatMap { image in (0..<side * side).map { UInt8((image + $0) % 256) } }
        return ImageSet(pixels: pixels, labels: (0..<count).map { UInt8($0 % 10) }, height: side, width: side)
    }

    /// The image indices a batch holds, read back from the first pixel of each image.
    static func indices(_ batch: DataLoader.Batch) -> [Int] {
        let pixelsPerImage = batch.images.count / batch.images.shape[0]
        return (0..<batch.images.shape[0]).map { Int((batch.images.scalars[$0 * pixelsPerImage] * 255).rounded()) }
    }

    static func epochIndices(_ loader: DataLoader, epoch: Int) -> [Int] {
        loader.batches(epoch: epoch).flatMap { indices($0) }
    }

    @Test func batchShapesAndThePartialLastBatch() {
        let loader = DataLoader(Self.numbered(10), batchSize: 4, shuffle: false, seed: 0)
        #expect(loader.imageCount == 10)
        #expect(loader.batchCount == 3)
        let batches = Array(loader.batches())
        #expect(batches.map(\.images.shape) == [[4, 1, 3, 3], [4, 1, 3, 3], [2, 1, 3, 3]])
        #expect(batches.map(\.labels.shape) == [[4], [4], [2]])
    }

    @Test func pixelsAreScaledAsToTensorDoes() {
        let loader = DataLoader(Self.numbered(1, side: 16), batchSize: 1, shuffle: false, seed: 0)
        let images = Array(loader.batches())[0].images.scalars
        // Pixels 0...255 in order: ToTensor divides by 255, so 0 → 0, 51 → 0.2, 255 → 1 exactly.
        #expect(images[0] == 0)
        #expect(images[51] == Float(51) / 255)
        #expect(images[255] == 1)
        #expect(images.enumerated().allSatisfy { $0.element == Float($0.offset) / 255 })
    }

    @Test func labelsAreClassIndicesAsFloats() {
        let loader = DataLoader(Self.numbered(13), batchSize: 13, shuffle: true, seed: 5)
        let batch = Array(loader.batches())[0]
        #expect(batch.labels.scalars == Self.indices(batch).map { Float($0 % 10) })
    }

    @Test func everyImageExactlyOncePerEpoch() {
        let loader = DataLoader(Self.numbered(103), batchSize: 8, shuffle: true, seed: 7)
        for epoch in 0..<3 {
            let seen = Self.epochIndices(loader, epoch: epoch)
            #expect(seen.count == 103)
            #expect(seen.sorted() == Array(0..<103))
        }
    }

    @Test func epochsAreShuffledDifferently() {
        let loader = DataLoader(Self.numbered(100), batchSize: 10, shuffle: true, seed: 0)
        let first = Array(loader.batches()).flatMap(Self.indices)
        let second = Array(loader.batches()).flatMap(Self.indices)
        #expect(loader.epochsStarted == 2)
        #expect(first != Array(0..<100), "a shuffled pass is not in file order")
        #expect(first != second)
        #expect(first == Self.epochIndices(loader, epoch: 0))
        #expect(second == Self.epochIndices(loader, epoch: 1))
    }

    @Test func theSeedDecidesTheOrder() {
        let set = Self.numbered(100)
        let a = DataLoader(set, batchSize: 16, shuffle: true, seed: 42)
        let b = DataLoader(set, batchSize: 16, shuffle: true, seed: 42)
        let c = DataLoader(set, batchSize: 16, shuffle: true, seed: 43)
        for epoch in 0..<2 {
            #expect(Self.epochIndices(a, epoch: epoch) == Self.epochIndices(b, epoch: epoch))
            #expect(Self.epochIndices(a, epoch: epoch) != Self.epochIndices(c, epoch: epoch))
        }
    }

    @Test func theTestLoaderKeepsFileOrder() {
        let loader = DataLoader(Self.numbered(25), batchSize: 4, shuffle: false, seed: 9)
        for _ in 0..<2 { #expect(Array(loader.batches()).flatMap(Self.indices) == Array(0..<25)) }
    }

    @Test func aBudgetKeepsASeededSample() {
        let set = Self.numbered(200)
        let loader = DataLoader(set, batchSize: 16, shuffle: true, seed: 3, sampleSize: 30)
        #expect(loader.imageCount == 30)
        #expect(loader.batchCount == 2)
        #expect(loader.sampledFrom == 200)
        let sample = Set(Self.epochIndices(loader, epoch: 0))
        #expect(sample.count == 30)
        #expect(Set(Self.epochIndices(loader, epoch: 1)) == sample, "every pass visits the same sample")
        #expect(sample != Set(0..<30), "a sample, not the first images")
        let again = DataLoader(set, batchSize: 16, shuffle: true, seed: 3, sampleSize: 30)
        #expect(Set(Self.epochIndices(again, epoch: 0)) == sample)
        let other = DataLoader(set, batchSize: 16, shuffle: true, seed: 4, sampleSize: 30)
        #expect(Set(Self.epochIndices(other, epoch: 0)) != sample)

        let unshuffled = DataLoader(set, batchSize: 16, shuffle: false, seed: 3, sampleSize: 30)
        let order = Self.epochIndices(unshuffled, epoch: 0)
        #expect(order == order.sorted(), "an unshuffled sample stays in file order")
    }

    @Test func aBudgetLargerThanTheSetKeepsEverything() {
        let loader = DataLoader(Self.numbered(20), batchSize: 16, shuffle: true, seed: 3, sampleSize: 500)
        #expect(loader.imageCount == 20)
        #expect(loader.sampledFrom == nil)
    }

    @Test func resizingHappensPerBatch() {
        let set = Self.numbered(5, side: 4)
        let loader = DataLoader(set, batchSize: 2, resize: 9, shuffle: false, seed: 0)
        #expect((loader.imageHeight, loader.imageWidth) == (9, 9))
        let batches = Array(loader.batches())
        #expect(batches.map(\.images.shape) == [[2, 1, 9, 9], [2, 1, 9, 9], [1, 1, 9, 9]])
        let resize = BilinearResize(from: 4, to: 9)
        var expected: [Float] = []
        for image in 0..<5 {
            let pixels = Array(set.pixels[image * 16..<(image + 1) * 16])
            expected += resize(pixels).map { Float($0) / 255 }
        }
        #expect(batches.flatMap(\.images.scalars) == expected)
    }

}
