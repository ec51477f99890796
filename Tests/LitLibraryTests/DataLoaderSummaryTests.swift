import LitData
import LitLibrary
import Testing

/// How a loader describes itself when a cell prints it.
@Suite struct DataLoaderSummaryTests {
    /// `count` 3×3 images.
    static func images(_ count: Int) -> ImageSet {
        ImageSet(pixels: [UInt8](repeating: 0, count: count * 9), labels: (0..<count).map { UInt8($0 % 10) }, height: 3, width: 3)
    }

    @Test func theDescriptionSaysWhatTheLoaderHolds() {
        let set = Self.images(100)
        #expect(DataLoader(set, batchSize: 16, shuffle: true, seed: 0).summary
            == "DataLoader(100 images, 3×3, batchSize: 16, shuffled)")
        #expect(DataLoader(set, batchSize: 8, resize: 5, shuffle: false, seed: 0, sampleSize: 10).summary
            == "DataLoader(10 of 100 images, 5×5, batchSize: 8, in order)")
    }
}
