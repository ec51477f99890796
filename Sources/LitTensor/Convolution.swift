import Foundation
import LitKernels

/// One 2-D convolution's geometry and its three passes: forward, and the gradients with
/// respect to the input and to the weights (and bias).
///
/// Over tiny planes (ResNet's 2×2 and 1×1, where most taps meet only padding) each
/// pass is one SGEMM with the plane matrix (`Convolution+PlaneMatrix`). Everywhere else
/// it runs on oneDNN, the library behind PyTorch's CPU convolutions, which was measured
/// faster on every other layer shape of the seed's models. When oneDNN refuses a shape,
/// the pass falls back to our own: im2col unfolds every image's windows into the
/// columns of one matrix, so that the pass is a single large SGEMM.
package struct Convolution {
    package enum Engine: Equatable {
        /// The plane matrix where it pays, else oneDNN, falling back to im2col + SGEMM.
        case automatic
        /// oneDNN, falling back to im2col + SGEMM, whatever the plane.
        case oneDNN
        /// Only im2col + SGEMM; tests use it to check that path on its own.
        case im2col
        /// Only the plane matrix, whatever the plane; tests use it on any shape.
        case planeMatrix

        /// `automatic`, unless the environment sets `LIT_CONVOLUTION` to `im2col` or
        /// `onednn`, which the benchmark uses to time one path on its own.
        package static let preferred: Engine = switch ProcessInfo.processInfo.environment["LIT_CONVOLUTION"] {
        case "im2col": .im2col
        case "onednn": .oneDNN
        default: .automatic
        }
    }

    /// Whether `engine` runs this convolution through the plane matrix.
    package func usesPlaneMatrix(_ engine: Engine) -> Bool {
        engine == .planeMatrix || (engine == .automatic && planeMatrixPays)
    }

    package enum Pass: Int32 { case forward, backwardData, backwardWeights }

    /// oneDNN's name for the implementation that ran this thread's latest pass of this kind
    /// ("jit:avx2", "jit_wino_4x3:avx512_core", ...); empty when it fell back to im2col. A
    /// pass through the plane matrix runs no oneDNN convolution and leaves it as it was.
    package static func oneDNNImplementation(_ pass: Pass) -> String { String(cString: lk_dnnl_conv_impl(pass.rawValue)) }

    package let batch: Int, inChannels: Int, height: Int, width: Int
    package let outChannels: Int, kernelHeight: Int, kernelWidth: Int
    package let stride: HeightWidth, padding: HeightWidth
    package let outHeight: Int, outWidth: Int

    /// The largest kernel side, stride or padding: far beyond any real layer, and small
    /// enough that sizes computed from them fit the C kernels' 32-bit ints.
    package static let largestGeometry = 1 << 28

    package init(input: [Int], weight: [Int], stride: HeightWidth, padding: HeightWidth) throws(TensorError) {
        guard input.count == 4 else { throw .needsRank4(op: "conv2d", input) }
        guard weight.count == 4, weight[1] == input[1] else { throw .conv2dChannels(input: input, weight: weight) }
        guard stride.height > 0, stride.width > 0, padding.height >= 0, padding.width >= 0 else { throw .invalidConvolutionStep }
        // The kernels count in 32-bit ints; these bounds keep every sum of them in range.
        let largest = Convolution.largestGeometry
        guard [stride.height, stride.width, padding.height, padding.width, weight[2], weight[3]].allSatisfy({ $0 <= largest }) else {
            throw .convolutionGeometryTooLarge(limit: largest)
        }
        (batch, inChannels, height, width) = (input[0], input[1], input[2], input[3])
        (outChannels, kernelHeight, kernelWidth) = (weight[0], weight[2], weight[3])
        (self.stride, self.padding) = (stride, padding)
        let padded = HeightWidth(height + 2 * padding.height, width + 2 * padding.width)
        guard padded.height >= kernelHeight, padded.width >= kernelWidth else {
            throw .kernelLargerThanInput(kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                                         paddedHeight: padded.height, paddedWidth: padded.width)
        }
        let out = HeightWidth.outputSize(input: HeightWidth(height, width), kernel: HeightWidth(kernelHeight, kernelWidth),
                                         stride: stride, padding: padding)
        (outHeight, outWidth) = (out.height, out.width)
    }

    package var outputShape: [Int] { [batch, outChannels, outHeight, outWidth] }
    /// Rows of the unfolded matrix: one per input channel and kernel position.
    package var columnRows: Int { inChannels * kernelHeight * kernelWidth }
    package var outPlane: Int { outHeight * outWidth }
    /// Columns of the unfolded matrix: one per image and output position.
    package var columnCount: Int { batch * outPlane }

    package var window: lk_window {
        lk_window(channels: Int32(inChannels), height: Int32(height), width: Int32(width),
                  kernelHeight: Int32(kernelHeight), kernelWidth: Int32(kernelWidth),
                  strideHeight: Int32(stride.height), strideWidth: Int32(stride.width),
                  padHeight: Int32(padding.height), padWidth: Int32(padding.width),
                  outHeight: Int32(outHeight), outWidth: Int32(outWidth))
    }

    /// The unfolded input, [columnRows, columnCount].
    package func im2col(_ x: Tensor) -> Tensor {
        let columns = Tensor(uninitializedShape: [columnRows, columnCount])
        let (window, plane, outPlane, ld) = (window, inChannels * height * width, outPlane, columnCount)
        withUnsafeMutablePointers(x, columns) { x, columns in
            Parallel.forEachChunk(batch, work: columnRows * columnCount) { images in
                for n in images { lk_im2col(x + n * plane, window, columns + n * outPlane, ld) }
            }
        }
        return columns
    }

    package var shape: lk_conv_shape {
        lk_conv_shape(batch: Int32(batch), inChannels: Int32(inChannels), height: Int32(height), width: Int32(width),
                      outChannels: Int32(outChannels), kernelHeight: Int32(kernelHeight), kernelWidth: Int32(kernelWidth),
                      strideHeight: Int32(stride.height), strideWidth: Int32(stride.width),
                      padHeight: Int32(padding.height), padWidth: Int32(padding.width),
                      outHeight: Int32(outHeight), outWidth: Int32(outWidth))
    }

    /// Writes the convolution of `x` with `weight` (and `bias`) into `output`.
    package func forward(_ x: Tensor, weight: Tensor, bias: Tensor?, output: Tensor, engine: Engine) {
        if engine != .im2col {
            let ran = withUnsafeMutablePointers(x, weight, output) { x, weight, output in
                bias.withUnsafePointer { bias in lk_dnnl_conv_forward(shape, x, weight, bias, output) == 0 }
            }
            if ran { return }
        }
        let columns = im2col(x)
        // [outChannels, batch, outPlane], started from the bias so SGEMM adds onto it.
        let product = Tensor(uninitializedShape: [outChannels, columnCount])
        let biases = bias?.scalars
        withUnsafeMutablePointers(weight, columns, product) { weight, columns, product in
            for c in 0..<outChannels {
                (product + c * columnCount).update(repeating: biases?[c] ?? 0, count: columnCount)
            }
            BLAS.sgemm(m: outChannels, n: columnCount, k: columnRows, a: weight, lda: columnRows,
                       b: columns, ldb: columnCount, beta: 1, c: product, ldc: columnCount)
            output.withUnsafeMutablePointer { lk_swap_outer(product, outChannels, batch, outPlane, $0) }
        }
    }

    /// Fills whichever of the input, weight and bias gradients are given.
    package func backward(_ outputGradient: Tensor, input x: Tensor, weight: Tensor, inputGradient gx: Tensor?,
                          weightGradient gw: Tensor?, biasGradient gb: Tensor?, engine: Engine) {
        var needInput = gx != nil, needWeights = gw != nil || gb != nil
        if engine != .im2col {
            // The weight-gradient pass reads gy too: the ticket lets it reuse gy's reordered copy.
            var ticket: UInt = 0
            if let gx, OperationProfile.measure(.convolutionBackwardData, {
                withUnsafeMutablePointers(outputGradient, weight, gx) { gy, weight, gx in
                    Swift.withUnsafeMutablePointer(to: &ticket) { ticket in
                        lk_dnnl_conv_backward_data(shape, gy, weight, gx, needWeights ? ticket : nil) == 0
                    }
                }
            }) {
                needInput = false
            }
            if needWeights {
                // oneDNN computes the bias gradient only alongside the weights'.
                let weights = gw ?? Tensor(uninitializedShape: [outChannels, columnRows])
                let ran = OperationProfile.measure(.convolutionBackwardWeights) {
                    withUnsafeMutablePointers(x, outputGradient, weights) { x, gy, weights in
                        gb.withUnsafeMutablePointer { gb in lk_dnnl_conv_backward_weights(shape, x, gy, weights, gb, ticket) == 0 }
                    }
                }
                if ran { needWeights = false }
            }
        }
        guard needInput || needWeights else { return }
        let gradient = OperationProfile.measure(needWeights ? .convolutionBackwardWeights : .convolutionBackwardData) {
            channelMajor(outputGradient)
        }
        if needInput, let gx {
            OperationProfile.measure(.convolutionBackwardData) { inputGradient(gradient, weight: weight, into: gx) }
        }
        if needWeights {
            OperationProfile.measure(.convolutionBackwardWeights) {
                if let gw { weightGradient(gradient, input: x, into: gw) }
                if let gb {
                    withUnsafeMutablePointers(gradient, gb) { gradient, gb in
                        gb.update(repeating: 0, count: outChannels)
                        lk_sum_rows(gradient, outChannels, columnCount, gb)
                    }
                }
            }
        }
    }

    /// The output gradient as [outChannels, batch * outPlane], the layout the GEMMs want.
    private func channelMajor(_ outputGradient: Tensor) -> Tensor {
        let result = Tensor(uninitializedShape: [outChannels, columnCount])
        withUnsafeMutablePointers(outputGradient, result) { gy, result in
            lk_swap_outer(gy, batch, outChannels, outPlane, result)
        }
        return result
    }

    private func inputGradient(_ gradient: Tensor, weight: Tensor, into input: Tensor) {
        let columns = Tensor(uninitializedShape: [columnRows, columnCount])
        let (window, plane, outPlane, ld) = (window, inChannels * height * width, outPlane, columnCount)
        withUnsafeMutablePointers(weight, gradient, columns) { weight, gradient, columns in
            BLAS.sgemm(transposeA: true, m: columnRows, n: columnCount, k: outChannels, a: weight, lda: columnRows,
                       b: gradient, ldb: columnCount, c: columns, ldc: columnCount)
            input.withUnsafeMutablePointer { input in
                input.update(repeating: 0, count: batch * plane)
                Parallel.forEachChunk(batch, work: columnRows * columnCount) { images in
                    for n in images { lk_col2im(columns + n * outPlane, ld, window, input + n * plane) }
                }
            }
        }
    }

    private func weightGradient(_ gradient: Tensor, input x: Tensor, into weight: Tensor) {
        let columns = im2col(x)
        withUnsafeMutablePointers(gradient, columns, weight) { gradient, columns, weight in
            BLAS.sgemm(transposeB: true, m: outChannels, n: columnRows, k: columnCount, a: gradient, lda: columnCount,
                       b: columns, ldb: columnCount, c: weight, ldc: columnRows)
        }
    }
}
