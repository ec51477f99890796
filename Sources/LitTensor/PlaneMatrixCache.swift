import Foundation

/// The plane matrices of the weights as they are now, one per weight and geometry.
///
/// Evaluation runs batch after batch with the same weights: the matrix is built once and
/// each later batch is only its SGEMMs. In training the optimizer writes the weights
/// every step, their stamp changes, and each forward pass builds afresh.
final class PlaneMatrixCache: @unchecked Sendable {
    static let shared = PlaneMatrixCache()

    /// More than the tiny-plane layers of any model of the lesson (ResNet-18 has 8).
    private static let capacity = 32

    private struct Key: Hashable {
        let buffer: UInt64, offset: Int
        let geometry: [Int]
    }

    private struct Entry {
        let writes: UInt64
        let matrix: Tensor
        var lastUse: UInt64
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var uses: UInt64 = 0

    /// The plane matrix of `weight` for `convolution`, built unless the cached one was
    /// built from these very values.
    func matrix(_ weight: Tensor, for convolution: Convolution) -> Tensor {
        let stamp = weight.valuesStamp
        let key = Key(buffer: stamp.buffer, offset: stamp.offset, geometry: convolution.weightGeometry)
        if let matrix = cached(key, writes: stamp.writes) { return matrix }
        let matrix = convolution.planeMatrix(weight)
        lock.withLock {
            uses += 1
            entries[key] = Entry(writes: stamp.writes, matrix: matrix, lastUse: uses)
            if entries.count > Self.capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                entries[oldest.key] = nil
            }
        }
        return matrix
    }

    private func cached(_ key: Key, writes: UInt64) -> Tensor? {
        lock.withLock {
            guard var entry = entries[key], entry.writes == writes else { return nil }
            uses += 1
            entry.lastUse = uses
            entries[key] = entry
            return entry.matrix
        }
    }
}

extension Convolution {
    /// What a plane matrix depends on besides the weights' values: everything but the batch.
    fileprivate var weightGeometry: [Int] {
        [inChannels, height, width, outChannels, kernelHeight, kernelWidth, stride.height, stride.width,
         padding.height, padding.width]
    }
}
