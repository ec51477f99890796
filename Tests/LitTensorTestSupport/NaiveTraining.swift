import Foundation

/// References for the training layers: batch normalisation and its adjoint, and the fully
/// connected layer, each written straight from its definition with Double accumulation.
extension Naive {
    /// Per-channel statistics of an [N, C, ...] tensor: the mean and the biased and unbiased
    /// variances over the N × (spatial) values of each channel.
    package static func channelStatistics(_ x: NaiveTensor) -> (mean: [Double], variance: [Double], unbiased: [Double]) {
        let channels = x.shape[1], spatial = x.shape.dropFirst(2).reduce(1, *)
        var values = [[Double]](repeating: [], count: channels)
        for i in 0..<x.count { values[(i / spatial) % channels].append(x.values[i]) }
        let mean = values.map { $0.reduce(0, +) / Double($0.count) }
        let squares = zip(values, mean).map { channel, m in channel.reduce(0) { $0 + ($1 - m) * ($1 - m) } }
        return (mean, zip(squares, values).map { $0 / Double($1.count) }, zip(squares, values).map { $0 / Double($1.count - 1) })
    }

    /// (x - mean) / sqrt(variance + eps) * weight + bias, per channel.
    package static func batchNorm(_ x: NaiveTensor, mean: [Double], variance: [Double], weight: [Double]?, bias: [Double]?,
                          eps: Double) -> NaiveTensor {
        let channels = x.shape[1], spatial = x.shape.dropFirst(2).reduce(1, *)
        var out = x
        for i in 0..<x.count {
            let c = (i / spatial) % channels
            out.values[i] = (x.values[i] - mean[c]) / (variance[c] + eps).squareRoot() * (weight?[c] ?? 1) + (bias?[c] ?? 0)
        }
        return out
    }

    /// The gradients of batch normalisation given the output's gradient g. In training the
    /// batch statistics depend on x: with x̂ = (x - mean) / σ and M values per channel,
    /// dx = weight / σ · (g - mean(g) - x̂ · mean(g · x̂)). Out of training dx = weight / σ · g.
    package static func batchNormBackward(_ g: NaiveTensor, _ x: NaiveTensor, mean: [Double], variance: [Double], weight: [Double]?,
                                  eps: Double, training: Bool) -> (input: NaiveTensor, weight: [Double], bias: [Double]) {
        let channels = x.shape[1], spatial = x.shape.dropFirst(2).reduce(1, *)
        let count = Double(x.count / channels)
        let sigma = variance.map { ($0 + eps).squareRoot() }
        func channel(_ i: Int) -> Int { (i / spatial) % channels }
        func normalized(_ i: Int) -> Double { (x.values[i] - mean[channel(i)]) / sigma[channel(i)] }
        var gBias = [Double](repeating: 0, count: channels), gWeight = gBias
        for i in 0..<x.count {
            gBias[channel(i)] += g.values[i]
            gWeight[channel(i)] += g.values[i] * normalized(i)
        }
        var gx = x
        for i in 0..<x.count {
            let c = channel(i), scale = (weight?[c] ?? 1) / sigma[c]
            gx.values[i] = training ? scale * (g.values[i] - gBias[c] / count - normalized(i) * gWeight[c] / count) : scale * g.values[i]
        }
        return (gx, gWeight, gBias)
    }

    /// x · weightᵀ + bias for x [rows, in], weight [out, in].
    package static func linear(_ x: NaiveTensor, _ weight: NaiveTensor, bias: NaiveTensor?) -> NaiveTensor {
        var out = matmul(x, transpose(weight))
        if let bias { for i in 0..<out.count { out.values[i] += bias.values[i % bias.count] } }
        return out
    }
}
