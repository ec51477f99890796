import Foundation
import LitKernels

/// One 2-D convolution's geometry and its three passes: forward, and the gradients with
/// respect to the input and to the weights (and bias).
///
/// Each pass runs on oneDNN, the library behind PyTorch's CPU convolutions, which was
/// measured faster on every layer shape of the seed's models. When oneDNN refuses a
/// shape, the pass falls back to our own: im2col unfolds every image's windows into the
/// columns of one matrix, so that the pass is a single large SGEMM.
package struct Convolution {
    package enum Engine {
        /// oneDNN, falling back to im2col + SGEMM.
        case automatic
        /// Only im2col + SGEMM; tests use it to check that path on its own.
        case im2col

        /// `automatic`, unless the environment sets `LIT_CONVOLUTION=im2col`, which the
        /// benchmark uses to time our own path.
        package static let preferred: Engine = ProcessInfo.processInfo.environment["LIT_CONVOLUTION"] == "im2col" ? .im2col : .automatic
    }

    package enum Pass: Int32 { case forward, backwardData, backwardWeights }

    /// oneDNN's name for the implementation that ran this thread's latest pass of this kind
    /// ("jit:avx2", "jit_wino_4x3:avx512_core", ...); empty when it fell back to im2col.
    package static func oneDNNImplementation(_ pass: Pass) -> String { String(cString: lk_dnnl_conv_impl(pass.rawValue)) }

    package let batch: Int, inChannels: Int, height: Int, width: Int
    package let outChannels: Int, kernelHeight: Int, kernelWidth: Int
    package let stride: Int, padding: Int
    package let outHeight: Int, outWidth: Int

    /// The largest kernel side, stride or padding: far beyond any real layer, and small
    /// enough that sizes computed from them fit the C kernels' 32-bit ints.
    package static let largestGeometry = 1 << 28

    package init(input: [Int], weight: [Int], stride: Int, padding: Int) throws(TensorError) {
        guard input.count == 4 else { throw .needsRank4(op: "conv2d", input) }
        guard weight.count == 4, weight[1] == input[1] else { throw .shapeMismatch(op: "conv2d", input, weight) }
        guard stride > 0, padding >= 0 else { throw .invalidConvolutionStep }
        // The kernels count in 32-bit ints; these bounds keep every sum of them in range.
        guard stride <= Convolution.largestGeometry, padding <= Convolution.largestGeometry,
              weight[2] <= Convolution.largestGeometry, weight[3] <= Convolution.largestGeometry else {
            throw .convolutionGeometryTooLarge(limit: Convolution.largestGeometry)
        }
        (batch, inChannels, height, width) = (input[0], input[1], input[2], input[3])
        (outChannels, kernelHeight, kernelWidth) = (weight[0], weight[2], weight[3])
        (self.stride, self.padding) = (stride, padding)
        guard height + 2 * padding >= kernelHeight, width + 2 * padding >= kernelWidth else {
            throw .kernelLargerThanInput(kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                                         paddedHeight: height + 2 * padding, paddedWidth: width + 2 * padding)
        }
        outHeight = (height + 2 * padding - kernelHeight) / stride + 1
        outWidth = (width + 2 * padding - kernelWidth) / stride + 1
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
                  strideHeight: Int32(stride), strideWidth: Int32(stride), padHeight: Int32(padding), padWidth: Int32(padding),
                  outHeight: Int32(outHeight), outWidth: Int32(outWidth))
    }

    /// The unfolded input, [columnRows, columnCount].
    package func im2col(_ x: UnsafePointer<Float>) -> Tensor {
        let columns = Tensor(uninitializedShape: [columnRows, columnCount])
        let (window, plane, outPlane, ld) = (window, inChannels * height * width, outPlane, columnCount)
        Parallel.forEachChunk(batch, work: columns.count) { images in
            for n in images { lk_im2col(x + n * plane, window, columns.data + n * outPlane, ld) }
        }
        return columns
    }

    package var shape: lk_conv_shape {
        lk_conv_shape(batch: Int32(batch), inChannels: Int32(inChannels), height: Int32(height), width: Int32(width),
                      outChannels: Int32(outChannels), kernelHeight: Int32(kernelHeight), kernelWidth: Int32(kernelWidth),
                      strideHeight: Int32(stride), strideWidth: Int32(stride), padHeight: Int32(padding), padWidth: Int32(padding),
                      outHeight: Int32(outHeight), outWidth: Int32(outWidth))
    }

    package func forward(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 output: UnsafeMutablePointer<Float>, engine: Engine) {
        if engine == .automatic && lk_dnnl_conv_forward(shape, x, weight, bias, output) == 0 { return }
        let columns = im2col(x)
        // [outChannels, batch, outPlane], started from the bias so SGEMM adds onto it.
        let product = Tensor(uninitializedShape: [outChannels, columnCount])
        for c in 0..<outChannels {
            (product.data + c * columnCount).update(repeating: bias?[c] ?? 0, count: columnCount)
        }
        BLAS.sgemm(m: outChannels, n: columnCount, k: columnRows, a: weight, lda: columnRows,
                   b: columns.data, ldb: columnCount, beta: 1, c: product.data, ldc: columnCount)
        lk_swap_outer(product.data, outChannels, batch, outPlane, output)
    }

    /// Fills whichever of the input, weight and bias gradients are given.
    package func backward(_ outputGradient: UnsafePointer<Float>, input x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                  inputGradient gx: UnsafeMutablePointer<Float>?, weightGradient gw: UnsafeMutablePointer<Float>?,
                  biasGradient gb: UnsafeMutablePointer<Float>?, engine: Engine) {
        var needInput = gx != nil, needWeights = gw != nil || gb != nil
        if engine == .automatic {
            if let gx, lk_dnnl_conv_backward_data(shape, outputGradient, weight, gx) == 0 { needInput = false }
            if needWeights {
                // oneDNN computes the bias gradient only alongside the weights'.
                let scratch = gw == nil ? Tensor(uninitializedShape: [outChannels, columnRows]) : nil
                if lk_dnnl_conv_backward_weights(shape, x, outputGradient, gw ?? scratch!.data, gb) == 0 { needWeights = false }
            }
        }
        guard needInput || needWeights else { return }
        let gradient = channelMajor(outputGradient)
        if needInput, let gx { inputGradient(gradient, weight: weight, into: gx) }
        if needWeights {
            if let gw { weightGradient(gradient, input: x, into: gw) }
            if let gb {
                gb.update(repeating: 0, count: outChannels)
                lk_sum_rows(gradient.data, outChannels, columnCount, gb)
            }
        }
    }

    /// The output gradient as [outChannels, batch * outPlane], the layout the GEMMs want.
    private func channelMajor(_ outputGradient: UnsafePointer<Float>) -> Tensor {
        let result = Tensor(uninitializedShape: [outChannels, columnCount])
        lk_swap_outer(outputGradient, batch, outChannels, outPlane, result.data)
        return result
    }

    private func inputGradient(_ gradient: Tensor, weight: UnsafePointer<Float>, into input: UnsafeMutablePointer<Float>) {
        let columns = Tensor(uninitializedShape: [columnRows, columnCount])
        BLAS.sgemm(transposeA: true, m: columnRows, n: columnCount, k: outChannels, a: weight, lda: columnRows,
                   b: gradient.data, ldb: columnCount, c: columns.data, ldc: columnCount)
        let (window, plane, outPlane, ld) = (window, inChannels * height * width, outPlane, columnCount)
        input.update(repeating: 0, count: batch * plane)
        Parallel.forEachChunk(batch, work: columns.count) { images in
            for n in images { lk_col2im(columns.data + n * outPlane, ld, window, input + n * plane) }
        }
    }

    private func weightGradient(_ gradient: Tensor, input x: UnsafePointer<Float>, into weight: UnsafeMutablePointer<Float>) {
        let columns = im2col(x)
        BLAS.sgemm(transposeB: true, m: outChannels, n: columnRows, k: columnCount, a: gradient.data, lda: columnCount,
                   b: columns.data, ldb: columnCount, c: weight, ldc: columnRows)
    }
}
