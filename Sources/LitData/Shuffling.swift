import LitRandom

/// The orders data loaders visit their examples in: a random sample and each pass's
/// shuffle, drawn from the loader's seed so that runs are reproducible and passes differ.
package enum Shuffling {
    /// Why a generator is drawn, so that the sample and the shuffles use unrelated streams.
    package enum Purpose: UInt64 {
        case sample = 0x5A4D_504C_4500_0001
        case shuffle = 0x5348_5546_4600_0002
    }

    /// A generator for one purpose and epoch. Its seed is hashed, not offset: SplitMix64
    /// streams from seeds a fixed step apart are shifted copies of each other.
    package static func generator(seed: UInt64, purpose: Purpose, epoch: Int) -> SplitMix64 {
        var first = SplitMix64(seed: seed ^ purpose.rawValue)
        var second = SplitMix64(seed: first.next() ^ UInt64(truncatingIfNeeded: epoch))
        return SplitMix64(seed: second.next())
    }

    /// A Fisher–Yates shuffle, written out so that the order is the same with every
    /// Swift version (the standard library's `shuffle(using:)` does not promise that).
    package static func permutation(of items: [Int], using generator: inout SplitMix64) -> [Int] {
        var items = items
        for last in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(last, generator.below(last + 1))
        }
        return items
    }
}
