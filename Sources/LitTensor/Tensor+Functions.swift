import LitKernels

/// Elementwise functions: `sqrt`, `exp`, `log`, `relu`, `sigmoid`, `tanh` and `squared`.
/// NaN and infinity follow IEEE 754, as in PyTorch: `log(0)` is `-inf`, `sqrt(-1)` and
/// `log(-1)` are NaN, `relu(NaN)` is NaN, and nothing traps.
extension Tensor {
    public func squared() -> Tensor { unary(.LK_SQUARE, "squared") }
    public func sqrt() -> Tensor { unary(.LK_SQRT, "sqrt") }
    public func exp() -> Tensor { unary(.LK_EXP, "exp") }
    public func log() -> Tensor { unary(.LK_LOG, "log") }
    public func relu() -> Tensor { unary(.LK_RELU, "relu") }
    public func sigmoid() -> Tensor { unary(.LK_SIGMOID, "sigmoid") }
    public func tanh() -> Tensor { unary(.LK_TANH, "tanh") }

    package func unary(_ op: lk_unary_op, _ name: String) -> Tensor {
        let output = Tensor(uninitializedShape: shape)
        OperationProfile.measure(op == .LK_RELU ? .reluForward : .elementwise) {
            withUnsafeMutablePointers(self, output) { x, y in
                Parallel.forEachChunk(count, work: count) { range in
                    lk_unary(op, x + range.lowerBound, y + range.lowerBound, range.count)
                }
            }
        }
        guard Tensor.needsGradient(self) else { return output }
        let result = output.detached()
        return output.recordGradient(name, inputs: [self]) { [self] gradient in
            let input = Tensor(uninitializedShape: shape)
            OperationProfile.measure(op == .LK_RELU ? .reluBackward : .elementwise) {
                withUnsafeMutablePointers(self, result, gradient, input) { x, y, gy, gx in
                    Parallel.forEachChunk(count, work: count) { range in
                        let i = range.lowerBound
                        lk_unary_backward(op, x + i, y + i, gy + i, gx + i, range.count)
                    }
                }
            }
            return [input]
        }
    }
}
