/// Where a tensor's values can be nonzero, as the operation that wrote them knows: in
/// every run of `period` consecutive values, only at `offsets`; all the others are exactly 0.
///
/// A convolution's weight gradient over a tiny plane is 0 at every kernel tap that only
/// ever meets padding: eight taps in nine on ResNet-18's 1×1 planes. Adam skips those
/// values, whose moments then stay 0 and whose parameters would not move.
package struct PeriodicSupport: Equatable, Sendable {
    package let period: Int
    /// Ascending, inside 0..<period, and fewer than `period`.
    package let offsets: [Int]

    /// Nil unless `offsets` are distinct, inside 0..<period, and leave some value out.
    package init?(period: Int, offsets: [Int]) {
        let sorted = Array(Set(offsets)).sorted()
        guard period > 0, sorted.count == offsets.count, sorted.count < period,
              sorted.allSatisfy({ 0..<period ~= $0 }) else { return nil }
        self.period = period
        self.offsets = sorted
    }

    /// Whether it describes a tensor of `count` values: whole runs of `period`.
    package func fits(_ count: Int) -> Bool { count % period == 0 }

    /// How many values of a tensor of `count` values it leaves possibly nonzero.
    package func supportedCount(of count: Int) -> Int { count / period * offsets.count }
}

extension PeriodicSupport {
    /// The supported values of `dense`, run after run; nil if any value outside is not +0.
    package func compacted(_ dense: Tensor) -> Tensor? {
        guard fits(dense.count) else { return nil }
        let values = dense.scalars
        var kept: [Float] = []
        kept.reserveCapacity(supportedCount(of: dense.count))
        let supported = Set(offsets)
        for (index, value) in values.enumerated() {
            if supported.contains(index % period) { kept.append(value) } else if value.bitPattern != 0 { return nil }
        }
        return Tensor(shape: [kept.count], scalars: kept)
    }

    /// A tensor of `shape` with `compact`'s values inside the support and 0 outside.
    package func expanded(_ compact: Tensor, to shape: [Int]) -> Tensor {
        let count = shape.reduce(1, *)
        precondition(fits(count) && compact.count == supportedCount(of: count), "values that do not fill the support")
        var values = [Float](repeating: 0, count: count)
        for (index, value) in compact.scalars.enumerated() {
            values[index / offsets.count * period + offsets[index % offsets.count]] = value
        }
        return Tensor(shape: shape, scalars: values)
    }
}

extension Tensor {
    /// Where the values can be nonzero, as the operation that wrote them declared; nil when
    /// nothing was declared, or when anything may have written to them since.
    package var support: PeriodicSupport? {
        guard let declared = declaredSupport, declared.stamp == valuesStamp else { return nil }
        return declared.support
    }

    /// Declares that every value outside `support` is exactly 0, as just written.
    package func declareSupport(_ support: PeriodicSupport) {
        precondition(support.fits(count), "a support that does not tile the tensor")
        declaredSupport = (support, valuesStamp)
    }
}
