import LitKernels

/// Convolutions over tiny planes as single matrix products.
///
/// On ResNet-18's last stages at 28×28 the planes are 2×2 and 1×1, and a 3×3 kernel
/// with padding 1 mostly meets padding: a 1×1 plane uses one tap in nine. oneDNN's
/// kernels still reorder the whole weight tensor into their blocked layouts at every
/// call, and its direct kernels compute the padded products. The plane matrix holds,
/// for each output channel and output position, the weights it applies to each input
/// channel and input position, with no padding in it: the forward pass is then one
/// SGEMM of the NCHW input with it, the input gradient another, and the weight
/// gradient a third whose entries are summed back onto the taps they came from.
extension Convolution {
    /// Input positions per channel.
    package var inPlane: Int { height * width }

    /// Whether the plane matrix is at most twice the size of the weights: then its
    /// products do no more work than the direct convolution's and skip every padded tap.
    package var planeMatrixPays: Bool { inPlane * outPlane <= 2 * kernelHeight * kernelWidth }

    /// [outChannels × outPlane, inChannels × inPlane]: row (o, q), column (c, p) is the
    /// weight linking input position p of channel c to output position q of channel o.
    package func planeMatrix(_ weight: Tensor) -> Tensor {
        let matrix = Tensor(uninitializedShape: [outChannels * outPlane, inChannels * inPlane])
        let (window, links, work) = (window, planeLinks, matrix.count)
        // Read-only access to the weights keeps their stamp, which PlaneMatrixCache checks.
        weight.withUnsafePointer { weight in
            matrix.withUnsafeMutablePointer { matrix in
                Parallel.forEachChunk(outChannels, work: work) { channels in
                    lk_plane_matrix(weight, window, links.pairs, links.start, Int32(channels.lowerBound),
                                    Int32(channels.upperBound), matrix)
                }
            }
        }
        return matrix
    }

    /// The taps of each kernel that meet the input somewhere, as a support of the weight
    /// gradient: the others only ever meet padding, and their gradient is 0. Nil when
    /// every tap meets the input.
    package var weightGradientSupport: PeriodicSupport? {
        let pairs = planeLinks.pairs
        let live = Set(Swift.stride(from: 1, to: pairs.count, by: 2).map { Int(pairs[$0]) })
        return PeriodicSupport(period: kernelHeight * kernelWidth, offsets: Array(live))
    }

    /// For each output position q in turn, the (input position, kernel tap) pairs that
    /// link it to the input: `pairs[2k]` and `pairs[2k + 1]` for k in `start[q]..<start[q + 1]`.
    private var planeLinks: (pairs: [Int32], start: [Int32]) {
        var pairs: [Int32] = [], start: [Int32] = []
        for oh in 0..<outHeight {
            for ow in 0..<outWidth {
                start.append(Int32(pairs.count / 2))
                for ih in 0..<height {
                    let i = ih - oh * stride.height + padding.height
                    guard 0..<kernelHeight ~= i else { continue }
                    for iw in 0..<width {
                        let j = iw - ow * stride.width + padding.width
                        if 0..<kernelWidth ~= j { pairs += [Int32(ih * width + iw), Int32(i * kernelWidth + j)] }
                    }
                }
            }
        }
        start.append(Int32(pairs.count / 2))
        return (pairs, start)
    }

    /// Writes the convolution of `x` (and `bias`) into `output`, through `matrix`.
    package func forward(_ x: Tensor, planeMatrix matrix: Tensor, bias: Tensor?, output: Tensor) {
        let (rows, columns) = (outChannels * outPlane, inChannels * inPlane)
        // Transposed, [rows, batch]: with the large matrix first the SGEMM reads it once
        // and runs several times faster at ResNet's batch of 16.
        let transposed = Tensor(uninitializedShape: [rows, batch])
        withUnsafeMutablePointers(x, matrix, transposed) { x, matrix, transposed in
            if let bias {
                bias.withUnsafePointer { bias in
                    for row in 0..<rows { (transposed + row * batch).update(repeating: bias[row / outPlane], count: batch) }
                }
            }
            BLAS.sgemm(transposeB: true, m: rows, n: batch, k: columns, a: matrix, lda: columns, b: x, ldb: columns,
                       beta: bias == nil ? 0 : 1, c: transposed, ldc: batch)
            output.withUnsafeMutablePointer { lk_swap_outer(transposed, rows, batch, 1, $0) }
        }
    }

    /// Fills whichever of the input, weight and bias gradients are given, through the
    /// plane matrix the forward pass used.
    package func backward(_ outputGradient: Tensor, input x: Tensor, planeMatrix matrix: Tensor, inputGradient gx: Tensor?,
                          weightGradient gw: Tensor?, biasGradient gb: Tensor?) {
        let (rows, columns) = (outChannels * outPlane, inChannels * inPlane)
        if let gx {
            OperationProfile.measure(.convolutionBackwardData) {
                withUnsafeMutablePointers(outputGradient, matrix, gx) { gy, matrix, gx in
                    BLAS.sgemm(m: batch, n: columns, k: rows, a: gy, lda: rows, b: matrix, ldb: columns, c: gx, ldc: columns)
                }
            }
        }
        guard gw != nil || gb != nil else { return }
        OperationProfile.measure(.convolutionBackwardWeights) {
            if let gw { weightGradient(outputGradient, input: x, into: gw) }
            if let gb { biasGradient(outputGradient, into: gb) }
        }
    }

    private func weightGradient(_ outputGradient: Tensor, input x: Tensor, into weight: Tensor) {
        let (rows, columns) = (outChannels * outPlane, inChannels * inPlane)
        let matrixGradient = Tensor(uninitializedShape: [rows, columns])
        let (window, links, work) = (window, planeLinks, matrixGradient.count)
        withUnsafeMutablePointers(outputGradient, x, matrixGradient) { gy, x, gm in
            BLAS.sgemm(transposeA: true, m: rows, n: columns, k: batch, a: gy, lda: rows, b: x, ldb: columns, c: gm, ldc: columns)
            weight.withUnsafeMutablePointer { weight in
                Parallel.forEachChunk(outChannels, work: work) { channels in
                    lk_plane_matrix_gradient(gm, window, links.pairs, links.start, Int32(channels.lowerBound),
                                             Int32(channels.upperBound), weight)
                }
            }
        }
    }

    /// The output gradient summed over images and positions, image by image.
    private func biasGradient(_ outputGradient: Tensor, into bias: Tensor) {
        withUnsafeMutablePointers(outputGradient, bias) { gy, bias in
            bias.update(repeating: 0, count: outChannels)
            for n in 0..<batch {
                lk_sum_rows(gy + n * outChannels * outPlane, outChannels, outPlane, bias)
            }
        }
    }
}
