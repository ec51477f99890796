import LitKernels

/// Max, average and global average pooling over [N, C, H, W] tensors.
extension Tensor {
    public func maxPool2d(kernelSize: HeightWidth, stride: HeightWidth? = nil, padding: HeightWidth = 0) throws(TensorError) -> Tensor {
        let pooling = try Pooling("maxPool2d", input: shape, kernel: kernelSize, stride: stride ?? kernelSize, padding: padding)
        let output = Tensor(uninitializedShape: pooling.outputShape)
        let winners = WinnerIndices(count: pooling.planes * pooling.outPlane)
        OperationProfile.measure(.poolingForward) {
            withUnsafeMutablePointers(self, output) { x, y in
                pooling.forEachPlanes(work: count) { first, planes in
                    lk_max_pool_forward(x + first * pooling.plane, planes, pooling.window, y + first * pooling.outPlane,
                                        winners.pointer + first * pooling.outPlane)
                }
            }
        }
        return output.recordGradient("maxPool2d", inputs: [self]) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            OperationProfile.measure(.poolingBackward) {
                withUnsafeMutablePointers(gradient, input) { gy, gx in
                    pooling.forEachPlanes(work: input.count) { first, planes in
                        lk_max_pool_backward(gy + first * pooling.outPlane, winners.pointer + first * pooling.outPlane, planes,
                                             pooling.window, gx + first * pooling.plane)
                    }
                }
            }
            return [input]
        }
    }

    /// Average pooling; padded cells count in the divisor, as PyTorch's default.
    public func avgPool2d(kernelSize: HeightWidth, stride: HeightWidth? = nil, padding: HeightWidth = 0) throws(TensorError) -> Tensor {
        let pooling = try Pooling("avgPool2d", input: shape, kernel: kernelSize, stride: stride ?? kernelSize, padding: padding)
        let output = Tensor(uninitializedShape: pooling.outputShape)
        OperationProfile.measure(.poolingForward) {
            withUnsafeMutablePointers(self, output) { x, y in
                pooling.forEachPlanes(work: count) { first, planes in
                    lk_avg_pool_forward(x + first * pooling.plane, planes, pooling.window, y + first * pooling.outPlane)
                }
            }
        }
        return output.recordGradient("avgPool2d", inputs: [self]) { [shape] gradient in
            let input = Tensor(shape: shape, repeating: 0)
            OperationProfile.measure(.poolingBackward) {
                withUnsafeMutablePointers(gradient, input) { gy, gx in
                    pooling.forEachPlanes(work: input.count) { first, planes in
                        lk_avg_pool_backward(gy + first * pooling.outPlane, planes, pooling.window, gx + first * pooling.plane)
                    }
                }
            }
            return [input]
        }
    }

    /// The mean of each channel's plane: [N, C, H, W] → [N, C, 1, 1].
    public func globalAvgPool2d() throws(TensorError) -> Tensor {
        guard rank == 4 else { throw .needsRank4(op: "globalAvgPool2d", shape) }
        return try OperationProfile.measure(.poolingForward) { () throws(TensorError) in try mean(dims: [2, 3], keepDim: true) }
    }
}

/// One pooling's geometry: every channel of every image is a plane pooled on its own.
private struct Pooling {
    package let window: lk_window
    package let planes: Int, plane: Int, outPlane: Int
    package let outputShape: [Int]

    package init(_ name: String, input shape: [Int], kernel: HeightWidth, stride: HeightWidth, padding: HeightWidth) throws(TensorError) {
        guard shape.count == 4 else { throw .needsRank4(op: name, shape) }
        guard kernel.height > 0, kernel.width > 0, stride.height > 0, stride.width > 0, padding.height >= 0, padding.width >= 0,
              padding.height <= kernel.height / 2, padding.width <= kernel.width / 2 else {
            throw .invalidPoolingWindow(op: name)
        }
        let largest = Convolution.largestGeometry
        guard [kernel.height, kernel.width, stride.height, stride.width].allSatisfy({ $0 <= largest }) else {
            throw .poolingGeometryTooLarge(op: name, limit: largest)
        }
        let (height, width) = (shape[2], shape[3])
        let padded = HeightWidth(height + 2 * padding.height, width + 2 * padding.width)
        guard padded.height >= kernel.height, padded.width >= kernel.width else {
            throw .windowLargerThanInput(op: name, kernel: kernel, paddedHeight: padded.height, paddedWidth: padded.width)
        }
        let out = HeightWidth.outputSize(input: HeightWidth(height, width), kernel: kernel, stride: stride, padding: padding)
        window = lk_window(channels: 1, height: Int32(height), width: Int32(width),
                           kernelHeight: Int32(kernel.height), kernelWidth: Int32(kernel.width),
                           strideHeight: Int32(stride.height), strideWidth: Int32(stride.width),
                           padHeight: Int32(padding.height), padWidth: Int32(padding.width),
                           outHeight: Int32(out.height), outWidth: Int32(out.width))
        (planes, plane, outPlane) = (shape[0] * shape[1], height * width, out.height * out.width)
        outputShape = [shape[0], shape[1], out.height, out.width]
    }

    /// Calls `body(firstPlane, planeCount)` over chunks of the planes, in parallel when large.
    package func forEachPlanes(work: Int, _ body: (Int, Int) -> Void) {
        Parallel.forEachChunk(planes, work: work) { range in body(range.lowerBound, range.count) }
    }
}

/// The winning input positions of a max pooling, kept for its backward pass. The buffer
/// lives exactly as long as the backward closure that holds this object.
private final class WinnerIndices {
    let pointer: UnsafeMutablePointer<Int32>
    init(count: Int) { pointer = .allocate(capacity: Swift.max(count, 1)) }
    deinit { pointer.deallocate() }
}
