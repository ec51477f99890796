import Foundation
import LitKernels

/// The optimizers' update steps: each changes a parameter (and its optimizer state) in
/// place, in one pass over memory, without recording anything in the gradient graph.
/// Hyperparameters are Doubles, as PyTorch's are Python floats: the bias corrections are
/// computed in double before anything is rounded to Float.
extension Tensor {
    /// One step of `torch.optim.Adam` (without amsgrad) for one parameter, at step `step`
    /// (1 for the first). `firstMoment` and `secondMoment` start as zeros and are kept
    /// between steps:
    ///
    ///     g = gradient + weightDecay * p
    ///     m = beta1 * m + (1 - beta1) * g
    ///     v = beta2 * v + (1 - beta2) * g²
    ///     p -= learningRate / (1 - beta1^step) * m / (sqrt(v) / sqrt(1 - beta2^step) + eps)
    public static func adamStep(parameter: Tensor, gradient: Tensor, firstMoment: Tensor, secondMoment: Tensor,
                                learningRate: Double, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
                                weightDecay: Double = 0, step: Int) throws(TensorError) {
        for state in [gradient, firstMoment, secondMoment] where state.shape != parameter.shape {
            throw .shapeMismatch(op: "adamStep", parameter.shape, state.shape)
        }
        guard step >= 1 else { throw .adamStepBelowOne(step) }
        let (stepSize, correction2) = adamCorrections(learningRate: learningRate, beta1: beta1, beta2: beta2, step: step)
        OperationProfile.measure(.optimizer) {
            withUnsafeMutablePointers(parameter, gradient, firstMoment, secondMoment) { p, g, m, v in
                Parallel.forEachChunk(parameter.count, work: 4 * parameter.count) { range in
                    let i = range.lowerBound
                    lk_adam(p + i, g + i, m + i, v + i, range.count, Float(1 - beta1), Float(beta2), Float(1 - beta2),
                            Float(weightDecay), Float(stepSize), Float(correction2), Float(eps))
                }
            }
        }
    }

    /// `adamStep` without weight decay, for a gradient that is 0 outside `support`, with
    /// the moments kept only inside it: `supportedCount(of: parameter.count)` values each,
    /// the supported offsets of each run of `support.period` in turn. Outside, the full
    /// step would leave every parameter as it is and every moment at 0, bit for bit (eps
    /// is positive and the step finite), so those values are not touched at all.
    package static func adamStep(parameter: Tensor, gradient: Tensor, supportedFirstMoment m: Tensor,
                                 supportedSecondMoment v: Tensor, support: PeriodicSupport, learningRate: Double,
                                 beta1: Double, beta2: Double, eps: Double, step: Int) throws(TensorError) {
        if gradient.shape != parameter.shape { throw .shapeMismatch(op: "adamStep", parameter.shape, gradient.shape) }
        precondition(support.fits(parameter.count), "a support that does not tile the parameter")
        let live = support.supportedCount(of: parameter.count)
        for state in [m, v] where state.count != live { throw .shapeMismatch(op: "adamStep", [live], state.shape) }
        guard step >= 1 else { throw .adamStepBelowOne(step) }
        let (stepSize, correction2) = adamCorrections(learningRate: learningRate, beta1: beta1, beta2: beta2, step: step)
        precondition(eps > 0 && stepSize.isFinite, "outside the support only a positive eps and a finite step leave values as they are")
        let offsets = support.offsets.map { Int32($0) }, groups = parameter.count / support.period
        OperationProfile.measure(.optimizer) {
            withUnsafeMutablePointers(parameter, m, v) { p, m, v in
                gradient.withUnsafePointer { g in
                    Parallel.forEachChunk(groups, work: 4 * live + 2 * parameter.count) { range in
                        lk_adam_supported(p, g, m, v, range.lowerBound, range.count, support.period, offsets, offsets.count,
                                          Float(1 - beta1), Float(beta2), Float(1 - beta2), Float(stepSize),
                                          Float(correction2), Float(eps))
                    }
                }
            }
        }
    }

    /// Adam's bias-corrected step size, lr / (1 - beta1^step), and sqrt(1 - beta2^step),
    /// in double as PyTorch computes them.
    package static func adamCorrections(learningRate: Double, beta1: Double, beta2: Double,
                                        step: Int) -> (stepSize: Double, correction2: Double) {
        let t = Double(step)
        return (learningRate / (1 - pow(beta1, t)), (1 - pow(beta2, t)).squareRoot())
    }

    /// One step of `torch.optim.SGD` for one parameter:
    ///
    ///     g = gradient + weightDecay * p
    ///     buffer = g on the first step, then momentum * buffer + (1 - dampening) * g
    ///     p -= learningRate * (nesterov ? g + momentum * buffer : buffer)
    ///
    /// and without momentum `p -= learningRate * g`. Pass the buffer this returns back in on
    /// the next step; nil on the first step makes a new one. Returns nil when momentum is 0.
    @discardableResult
    public static func sgdStep(parameter: Tensor, gradient: Tensor, momentumBuffer: Tensor?, learningRate: Double,
                               momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
                               nesterov: Bool = false) throws(TensorError) -> Tensor? {
        if gradient.shape != parameter.shape { throw .shapeMismatch(op: "sgdStep", parameter.shape, gradient.shape) }
        if let momentumBuffer, momentumBuffer.shape != parameter.shape {
            throw .shapeMismatch(op: "sgdStep", parameter.shape, momentumBuffer.shape)
        }
        let buffer = momentum == 0 ? nil : momentumBuffer ?? Tensor(uninitializedShape: parameter.shape)
        let firstStep: Int32 = momentumBuffer == nil ? 1 : 0
        withUnsafeMutablePointers(parameter, gradient) { p, g in
            buffer.withUnsafeMutablePointer { b in
                Parallel.forEachChunk(parameter.count, work: parameter.count) { range in
                    let i = range.lowerBound
                    lk_sgd(p + i, g + i, b.map { $0 + i }, range.count, Float(learningRate), Float(momentum),
                           Float(1 - dampening), Float(weightDecay), nesterov ? 1 : 0, firstStep)
                }
            }
        }
        return buffer
    }
}
