import LitKernels
import LitRandom
import LitTensor
import Testing

/// The input-gradient pass keeps its reordered copy of the output gradient gy for the
/// weight-gradient pass on the same gy, which then reads it instead of reordering gy again.
/// The ticket that names the copy must be the latest one, for this very gy.
@Suite struct KeptGradientTests {
    /// 16 channels on a 6×6 plane, 3×3 with padding 1: oneDNN's blocked layouts, so gy is
    /// reordered and kept.
    let shape = lk_conv_shape(batch: 4, inChannels: 16, height: 6, width: 6, outChannels: 16, kernelHeight: 3,
                              kernelWidth: 3, strideHeight: 1, strideWidth: 1, padHeight: 1, padWidth: 1, outHeight: 6,
                              outWidth: 6)

    private func values(_ count: Int, seed: UInt64) -> [Float] {
        var random = SplitMix64(seed: seed)
        return Tensor.randn([count], using: &random).scalars
    }

    /// The weight gradient, reading the copy named by `ticket` (0: none).
    private func weightGradient(_ x: [Float], _ gy: UnsafePointer<Float>, ticket: UInt) throws -> [Float] {
        var gw = [Float](repeating: .nan, count: 16 * 16 * 9)
        let status = x.withUnsafeBufferPointer { x in
            gw.withUnsafeMutableBufferPointer { lk_dnnl_conv_backward_weights(shape, x.baseAddress, gy, $0.baseAddress, nil, ticket) }
        }
        try #require(status == 0, "oneDNN refused the weight gradient")
        return gw
    }

    /// The input gradient of gy, keeping gy's copy; returns its ticket.
    private func keep(_ gy: UnsafePointer<Float>, _ weight: [Float]) throws -> UInt {
        var gx = [Float](repeating: 0, count: 4 * 16 * 36), ticket: UInt = 0
        let status = weight.withUnsafeBufferPointer { w in
            gx.withUnsafeMutableBufferPointer { lk_dnnl_conv_backward_data(shape, gy, w.baseAddress, $0.baseAddress, &ticket) }
        }
        try #require(status == 0, "oneDNN refused the input gradient")
        return ticket
    }

    @Test func onlyTheLatestCopyOfTheSameGradientIsRead() throws {
        let x = values(4 * 16 * 36, seed: 1), weight = values(16 * 16 * 9, seed: 2)
        let count = 4 * 16 * 36
        let first = UnsafeMutablePointer<Float>.allocate(capacity: count), second = UnsafeMutablePointer<Float>.allocate(capacity: count)
        defer { first.deallocate(); second.deallocate() }
        first.initialize(from: values(count, seed: 3), count: count)
        second.initialize(from: values(count, seed: 4), count: count)
        let expectedFirst = try weightGradient(x, first, ticket: 0), expectedSecond = try weightGradient(x, second, ticket: 0)

        // The copy is read: changing gy after it was kept does not show (callers must not).
        let ticket = try keep(first, weight)
        #expect(ticket != 0)
        let saved = first[0]
        first[0] += 100
        #expect(try weightGradient(x, first, ticket: ticket) == expectedFirst)
        first[0] = saved

        // A newer copy of another gy replaces it: the old ticket reorders gy afresh...
        let stale = try keep(first, weight)
        let fresh = try keep(second, weight)
        #expect(fresh != stale)
        #expect(try weightGradient(x, first, ticket: stale) == expectedFirst)
        // ...and the new ticket serves only the gy it was made from.
        #expect(try weightGradient(x, first, ticket: fresh) == expectedFirst)
        #expect(try weightGradient(x, second, ticket: fresh) == expectedSecond)
    }
}
