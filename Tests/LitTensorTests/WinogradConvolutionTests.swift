import Foundation
import LitTensor
import LitTensorTestSupport
import Testing

/// oneDNN's 3x3 stride-1 convolutions at ResNet and DenseNet channel counts, where
/// OneDNNConvolution.c asks for Winograd F(4x4, 3x3), against the naive Double reference:
/// forward, and the input, weight and bias gradients. ConvolutionEnginesTests compares
/// oneDNN with im2col, which is what oneDNN's path silently becomes when it refuses a
/// shape; here the test asks oneDNN which implementation ran.
///
/// Winograd's extra rounding: its transforms multiply by constants from 1/24 to 8 and
/// cancel large terms. F(4x4, 3x3) simulated in Float32 (Lavin and Gray's transforms) on
/// these shapes errs by 2-2.6e-6 in relative L2 and by 0.6-1.0e-5 of the largest output in
/// its worst element: five times a direct convolution (4-6e-7 and 1e-6, as oneDNN's direct
/// kernels measure here). oneDNN's own tests (benchdnn) judge Winograd by the relative L2
/// error alone, since elements near zero are relatively far off. So: relative L2 error
/// <= 2e-5 and every element within 1e-4 of the largest reference value, about 10x the
/// simulated Winograd error; a wrong tap, tile or transform constant costs 1e-3 or more.
@Suite struct WinogradConvolutionTests {
    /// (name, batch, inChannels, outChannels, size). Each has what winograd() asks for:
    /// at least 32 4x4 output tiles, at least 3/4 filled (8x8: 4 full tiles per image).
    static let shapes: [(String, Int, Int, Int, Int)] = [
        ("ResNet 64->64", 8, 64, 64, 8), ("ResNet 128->128", 8, 128, 128, 8), ("DenseNet 128->32", 8, 128, 32, 8),
    ]

    @Test(arguments: shapes.indices)
    func matchesTheNaiveReference(_ index: Int) throws {
        let (name, batch, inChannels, outChannels, size) = Self.shapes[index]
        let x = TestData.uniform([batch, inChannels, size, size], seed: 300 + UInt64(index))
        let w = TestData.uniform([outChannels, inChannels, 3, 3], seed: 310 + UInt64(index))
        let b = TestData.uniform([outChannels], seed: 320 + UInt64(index))
        let g = TestData.uniform([batch, outChannels, size, size], seed: 330 + UInt64(index))
        let (px, pw, pb) = (x.parameter(), w.parameter(), b.parameter())

        let y = try Tensor.conv2d(px, weight: pw, bias: pb, stride: 1, padding: 1, engine: .automatic)
        let forward = Convolution.oneDNNImplementation(.forward)
        try y.backward(gradient: g.tensor())
        let backwardData = Convolution.oneDNNImplementation(.backwardData)
        let backwardWeights = Convolution.oneDNNImplementation(.backwardWeights)

        // oneDNN ran each pass (an empty name means the im2col fallback did)...
        for (pass, impl) in [("forward", forward), ("backward data", backwardData), ("backward weights", backwardWeights)] {
            #expect(!impl.isEmpty, "\(name) \(pass): oneDNN did not run, im2col did")
        }
        // ...with Winograd for forward and backward data exactly where oneDNN has it.
        // Backward weights stays direct by choice (winograd() in OneDNNConvolution.c).
        if let expected = Self.oneDNNHasWinograd {
            for (pass, impl) in [("forward", forward), ("backward data", backwardData)] {
                #expect(impl.contains("wino") == expected, "\(name) \(pass) ran \(impl); Winograd expected: \(expected)")
            }
        }
        #expect(!backwardWeights.contains("wino"), "\(name) backward weights ran \(backwardWeights)")

        let reference = Naive.conv2d(x, w, bias: b, stride: 1, padding: 1)
        let gradients = Naive.conv2dBackward(g, x, w, stride: 1, padding: 1)
        let results: [(String, Tensor?, NaiveTensor)] = [
            ("output (\(forward))", y, reference), ("input gradient (\(backwardData))", px.grad, gradients.input),
            ("weight gradient (\(backwardWeights))", pw.grad, gradients.weight), ("bias gradient", pb.grad, gradients.bias),
        ]
        for (what, actual, expected) in results {
            let actual = try #require(actual, "\(name): no \(what)")
            #expect(actual.shape == expected.shape, "\(name) \(what): shape \(actual.shape), expected \(expected.shape)")
            let (l2, worst) = Self.errors(actual.scalars, expected.values)
            #expect(l2 <= 2e-5 && worst <= 1e-4, "\(name) \(what): relative L2 error \(l2), worst element \(worst) of the largest")
        }
    }

    /// The relative L2 error and the largest error relative to the largest reference value.
    static func errors(_ actual: [Float], _ expected: [Double]) -> (l2: Double, worst: Double) {
        var difference = 0.0, norm = 0.0, worst = 0.0, largest = 0.0
        for (a, r) in zip(actual, expected) {
            let d = Double(a) - r
            difference += d * d
            norm += r * r
            worst = Swift.max(worst, abs(d))
            largest = Swift.max(largest, abs(r))
        }
        return (difference.squareRoot() / norm.squareRoot(), worst / largest)
    }

    /// Whether this oneDNN can run Winograd here: its f32 Winograd kernels need AVX-512
    /// (avx512_core: F, BW, VL and DQ). nil where that cannot be told: no /proc/cpuinfo, or
    /// DNNL_MAX_CPU_ISA capping what oneDNN uses.
    static let oneDNNHasWinograd: Bool? = {
        guard ProcessInfo.processInfo.environment["DNNL_MAX_CPU_ISA"] == nil,
              let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return nil }
        let flags = Set(line.split(separator: " ").map(String.init))
        return ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(flags.contains)
    }()
}
