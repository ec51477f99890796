import Foundation

/// The layer references: convolution and its adjoint, pooling and its adjoint, and softmax
/// cross-entropy, each written straight from its definition with Double accumulation.
extension Naive {
    package static func outputSize(_ size: Int, kernel: Int, stride: Int, padding: Int) -> Int {
        (size + 2 * padding - kernel) / stride + 1
    }

    /// Cross-correlation as PyTorch's conv2d, straight from the definition.
    package static func conv2d(_ x: NaiveTensor, _ w: NaiveTensor, bias: NaiveTensor?, stride: Int, padding: Int) -> NaiveTensor {
        conv2d(x, w, bias: bias, stride: (stride, stride), padding: (padding, padding))
    }

    /// The same with a (height, width) stride and padding.
    package static func conv2d(_ x: NaiveTensor, _ w: NaiveTensor, bias: NaiveTensor?, stride: (Int, Int),
                               padding: (Int, Int)) -> NaiveTensor {
        let (n, c, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let (oh, ow) = (outputSize(h, kernel: kh, stride: stride.0, padding: padding.0), outputSize(wd, kernel: kw, stride: stride.1, padding: padding.1))
        var out = NaiveTensor(shape: [n, o, oh, ow])
        for b in 0..<n { for f in 0..<o { for y in 0..<oh { for z in 0..<ow {
            var total = bias?.values[f] ?? 0
            for ch in 0..<c { for i in 0..<kh { for j in 0..<kw {
                let (iy, iz) = (y * stride.0 - padding.0 + i, z * stride.1 - padding.1 + j)
                if iy >= 0 && iy < h && iz >= 0 && iz < wd { total += x[b, ch, iy, iz] * w[f, ch, i, j] }
            } } }
            out[b, f, y, z] = total
        } } } }
        return out
    }

    /// The adjoint of `conv2d`: given the output's gradient `g`, the gradients of the
    /// input, the weights and the bias, by scattering every product back where it came from.
    package static func conv2dBackward(_ g: NaiveTensor, _ x: NaiveTensor, _ w: NaiveTensor, stride: Int, padding: Int)
        -> (input: NaiveTensor, weight: NaiveTensor, bias: NaiveTensor) {
        var gx = NaiveTensor(shape: x.shape), gw = NaiveTensor(shape: w.shape), gb = NaiveTensor(shape: [w.shape[0]])
        let (h, wd, kh, kw) = (x.shape[2], x.shape[3], w.shape[2], w.shape[3])
        for b in 0..<g.shape[0] { for f in 0..<g.shape[1] { for y in 0..<g.shape[2] { for z in 0..<g.shape[3] {
            let gy = g[b, f, y, z]
            gb.values[f] += gy
            for ch in 0..<x.shape[1] { for i in 0..<kh { for j in 0..<kw {
                let (iy, iz) = (y * stride - padding + i, z * stride - padding + j)
                guard iy >= 0 && iy < h && iz >= 0 && iz < wd else { continue }
                gx[b, ch, iy, iz] += gy * w[f, ch, i, j]
                gw[f, ch, i, j] += gy * x[b, ch, iy, iz]
            } } }
        } } } }
        return (gx, gw, gb)
    }

    /// Max or average pooling; padded cells never win a max and count as zeros in an average.
    package static func pool2d(_ x: NaiveTensor, kernel: Int, stride: Int, padding: Int, average: Bool) -> NaiveTensor {
        pool2d(x, kernel: (kernel, kernel), stride: (stride, stride), padding: (padding, padding), average: average)
    }

    /// The same with a (height, width) window, stride and padding.
    package static func pool2d(_ x: NaiveTensor, kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int),
                               average: Bool) -> NaiveTensor {
        let (h, w) = (x.shape[2], x.shape[3])
        let (oh, ow) = (outputSize(h, kernel: kernel.0, stride: stride.0, padding: padding.0),
                        outputSize(w, kernel: kernel.1, stride: stride.1, padding: padding.1))
        var out = NaiveTensor(shape: [x.shape[0], x.shape[1], oh, ow])
        for b in 0..<x.shape[0] { for c in 0..<x.shape[1] { for y in 0..<oh { for z in 0..<ow {
            var total = 0.0, best = -Double.infinity
            for i in 0..<kernel.0 { for j in 0..<kernel.1 {
                let (iy, iz) = (y * stride.0 - padding.0 + i, z * stride.1 - padding.1 + j)
                guard iy >= 0 && iy < h && iz >= 0 && iz < w else { continue }
                total += x[b, c, iy, iz]
                best = Swift.max(best, x[b, c, iy, iz])
            } }
            out[b, c, y, z] = average ? total / Double(kernel.0 * kernel.1) : best
        } } } }
        return out
    }

    /// Mean softmax cross-entropy and its gradient (softmax - onehot) / N, computed stably:
    /// log-sum-exp shifted by the row maximum.
    package static func crossEntropy(_ logits: NaiveTensor, labels: [Int]) -> (loss: Double, gradient: NaiveTensor) {
        let (rows, classes) = (logits.shape[0], logits.shape[1])
        var loss = 0.0, gradient = NaiveTensor(shape: logits.shape)
        for r in 0..<rows {
            let row = (0..<classes).map { logits[r, $0] }
            let top = row.max()!
            let logSumExp = top + Foundation.log(row.reduce(0) { $0 + Foundation.exp($1 - top) })
            loss += logSumExp - row[labels[r]]
            for c in 0..<classes {
                gradient[r, c] = (Foundation.exp(row[c] - logSumExp) - (c == labels[r] ? 1 : 0)) / Double(rows)
            }
        }
        return (loss / Double(rows), gradient)
    }

    /// The adjoint of `pool2d`: a max window passes its gradient to its (unique) largest
    /// cell, an average window spreads it as g / kernel² over its real cells.
    package static func pool2dBackward(_ g: NaiveTensor, _ x: NaiveTensor, kernel: Int, stride: Int, padding: Int, average: Bool) -> NaiveTensor {
        let (h, w) = (x.shape[2], x.shape[3])
        var gx = NaiveTensor(shape: x.shape)
        for b in 0..<g.shape[0] { for c in 0..<g.shape[1] { for y in 0..<g.shape[2] { for z in 0..<g.shape[3] {
            var best = -Double.infinity, at: (Int, Int)?
            for i in 0..<kernel { for j in 0..<kernel {
                let (iy, iz) = (y * stride - padding + i, z * stride - padding + j)
                guard iy >= 0 && iy < h && iz >= 0 && iz < w else { continue }
                if average { gx[b, c, iy, iz] += g[b, c, y, z] / Double(kernel * kernel) }
                if x[b, c, iy, iz] > best { best = x[b, c, iy, iz]; at = (iy, iz) }
            } }
            if !average, let (iy, iz) = at { gx[b, c, iy, iz] += g[b, c, y, z] }
        } } } }
        return gx
    }
}
