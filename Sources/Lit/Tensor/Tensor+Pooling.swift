import LitKernels

/// Max, average and global average pooling over [N, C, H, W] tensors.
extension Tensor {
    public func maxPool2d(kernelSize: Int, stride: Int? = nil, padding: Int = 0) throws(TensorError) -> Tensor {
        let window = try poolingWindow("maxPool2d", kernelSize, stride ?? kernelSize, padding)
        let planes = shape[0] * shape[1], plane = shape[2] * shape[3]
        let outShape = [shape[0], shape[1], Int(window.outHeight), Int(window.outWidth)]
        let output = Tensor(uninitializedShape: outShape)
        let outPlane = outShape[2] * outShape[3]
        let winners = UnsafeMutablePointer<Int32>.allocate(capacity: Swift.max(planes * outPlane, 1))
        let recorded = Tensor.needsGradient(self)
        Parallel.forEachChunk(planes, work: count) { range in
            let p = range.lowerBound
            lk_max_pool_forward(data + p * plane, range.count, window, output.data + p * outPlane, winners + p * outPlane)
        }
        guard recorded else { winners.deallocate(); return output }
        let saved = WinnerIndices(winners)
        return recordGradient("maxPool2d", inputs: [self], output: output) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            Parallel.forEachChunk(planes, work: input.count) { range in
                let p = range.lowerBound
                lk_max_pool_backward(gradient.data + p * outPlane, saved.pointer + p * outPlane, range.count, window, input.data + p * plane)
            }
            return [input]
        }
    }

    /// Average pooling; padded cells count in the divisor, as PyTorch's default.
    public func avgPool2d(kernelSize: Int, stride: Int? = nil, padding: Int = 0) throws(TensorError) -> Tensor {
        let window = try poolingWindow("avgPool2d", kernelSize, stride ?? kernelSize, padding)
        let planes = shape[0] * shape[1], plane = shape[2] * shape[3]
        let outShape = [shape[0], shape[1], Int(window.outHeight), Int(window.outWidth)]
        let output = Tensor(uninitializedShape: outShape)
        let outPlane = outShape[2] * outShape[3]
        Parallel.forEachChunk(planes, work: count) { range in
            let p = range.lowerBound
            lk_avg_pool_forward(data + p * plane, range.count, window, output.data + p * outPlane)
        }
        return recordGradient("avgPool2d", inputs: [self], output: output) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            Parallel.forEachChunk(planes, work: input.count) { range in
                let p = range.lowerBound
                lk_avg_pool_backward(gradient.data + p * outPlane, range.count, window, input.data + p * plane)
            }
            return [input]
        }
    }

    /// The mean of each channel's plane: [N, C, H, W] → [N, C, 1, 1].
    public func globalAvgPool2d() throws(TensorError) -> Tensor {
        guard rank == 4 else { throw .invalidArgument("globalAvgPool2d needs a rank-4 input [N, C, H, W], but got shape \(shape)") }
        return try mean(dims: [2, 3], keepDim: true)
    }

    private func poolingWindow(_ name: String, _ kernel: Int, _ stride: Int, _ padding: Int) throws(TensorError) -> lk_window {
        guard rank == 4 else { throw .invalidArgument("\(name) needs a rank-4 input [N, C, H, W], but got shape \(shape)") }
        guard kernel > 0, stride > 0, padding >= 0, padding * 2 <= kernel else {
            throw .invalidArgument("\(name) needs kernelSize > 0, stride > 0 and 0 <= padding <= kernelSize / 2")
        }
        let (height, width) = (shape[2], shape[3])
        guard height + 2 * padding >= kernel, width + 2 * padding >= kernel else {
            throw .invalidArgument("\(name) window \(kernel)×\(kernel) is larger than the padded input \(height + 2 * padding)×\(width + 2 * padding)")
        }
        let outHeight = (height + 2 * padding - kernel) / stride + 1, outWidth = (width + 2 * padding - kernel) / stride + 1
        return lk_window(channels: 1, height: Int32(height), width: Int32(width), kernelHeight: Int32(kernel), kernelWidth: Int32(kernel),
                         strideHeight: Int32(stride), strideWidth: Int32(stride), padHeight: Int32(padding), padWidth: Int32(padding),
                         outHeight: Int32(outHeight), outWidth: Int32(outWidth))
    }
}

/// The winning input positions of a max pooling, kept for its backward pass.
private final class WinnerIndices {
    let pointer: UnsafeMutablePointer<Int32>
    init(_ pointer: UnsafeMutablePointer<Int32>) { self.pointer = pointer }
    deinit { pointer.deallocate() }
}
