import LitKernels

/// `+ - * /` with numpy broadcasting, between tensors and with scalars on either side.
extension Tensor {
    public static func + (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try binary(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try binary(.subtract, a, b) }
    public static func * (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try binary(.multiply, a, b) }
    public static func / (a: Tensor, b: Tensor) throws(TensorError) -> Tensor { try binary(.divide, a, b) }

    public static func + (a: Tensor, b: Float) -> Tensor { affine(a, scale: 1, shift: b, "add") }
    public static func + (a: Float, b: Tensor) -> Tensor { affine(b, scale: 1, shift: a, "add") }
    public static func - (a: Tensor, b: Float) -> Tensor { affine(a, scale: 1, shift: -b, "sub") }
    public static func - (a: Float, b: Tensor) -> Tensor { affine(b, scale: -1, shift: a, "sub") }
    public static func * (a: Tensor, b: Float) -> Tensor { affine(a, scale: b, shift: 0, "mul") }
    public static func * (a: Float, b: Tensor) -> Tensor { affine(b, scale: a, shift: 0, "mul") }
    public static func / (a: Tensor, b: Float) -> Tensor { try! binary(.divide, a, Tensor(b)) }
    public static func / (a: Float, b: Tensor) -> Tensor { try! binary(.divide, Tensor(a), b) }

    public static prefix func - (a: Tensor) -> Tensor { a.unary(.LK_NEG, "neg") }

    /// `x * scale + shift`, one pass.
    package static func affine(_ x: Tensor, scale: Float, shift: Float, _ name: String = "affine") -> Tensor {
        let output = Tensor(uninitializedShape: x.shape)
        OperationProfile.measure(.elementwise) {
            withUnsafeMutablePointers(x, output) { x, y in
                Parallel.forEachChunk(output.count, work: output.count) { range in
                    lk_affine(x + range.lowerBound, scale, shift, y + range.lowerBound, range.count)
                }
            }
        }
        return output.recordGradient(name, inputs: [x]) { gradient in [gradient * scale] }
    }

    /// The four operators of arithmetic, as the kernels and the messages name them.
    public enum Arithmetic: CaseIterable, Sendable {
        case add, subtract, multiply, divide

        /// The operator spelled `symbol` (`+`, `-`, `*`, `/`), or nil.
        public init?(symbol: String) {
            guard let found = Arithmetic.allCases.first(where: { $0.names.symbol == symbol }) else { return nil }
            self = found
        }

        var kernel: lk_binary_op {
            switch self {
            case .add: .LK_ADD
            case .subtract: .LK_SUB
            case .multiply: .LK_MUL
            case .divide: .LK_DIV
            }
        }

        var names: (symbol: String, operation: String) {
            switch self {
            case .add: ("+", "add")
            case .subtract: ("-", "sub")
            case .multiply: ("*", "mul")
            case .divide: ("/", "div")
            }
        }
    }

    package static func binary(_ op: Arithmetic, _ a: Tensor, _ b: Tensor) throws(TensorError) -> Tensor {
        let output = try combine(op.kernel, a, b, op.names.symbol)
        guard needsGradient(a, b) else { return output }
        return output.recordGradient(op.names.operation, inputs: [a, b]) { gradient throws(TensorError) in
            let ga: Tensor?, gb: Tensor?
            switch op {
            case .add: (ga, gb) = (gradient, gradient)
            case .subtract: (ga, gb) = (gradient, -gradient)
            case .multiply:
                ga = a.requiresGrad ? try gradient * b : nil
                gb = b.requiresGrad ? try gradient * a : nil
            case .divide:
                ga = a.requiresGrad ? try gradient / b : nil
                gb = b.requiresGrad ? try -(gradient * a) / (b * b) : nil
            }
            return [try ga?.sum(toShape: a.shape), try gb?.sum(toShape: b.shape)]
        }
    }

    /// The kernel part of a binary op, without autograd.
    package static func combine(_ op: lk_binary_op, _ a: Tensor, _ b: Tensor, _ name: String,
                        into destination: Tensor? = nil) throws(TensorError) -> Tensor {
        guard let plan = BroadcastPlan(a.shape, b.shape) else {
            let verbs = ["+": "add", "-": "subtract", "*": "multiply", "/": "divide"]
            throw .cannotBroadcast(verb: verbs[name] ?? "combine", a.shape, b.shape)
        }
        try checkSize(plan.shape, op: name)
        let output = destination ?? Tensor(uninitializedShape: plan.shape)
        let (sa, sb) = plan.innerStrides
        let inner = plan.innerCount
        OperationProfile.measure(.elementwise) {
            withUnsafeMutablePointers(a, b, output) { pa, pb, po in
                if plan.outerCount == 1 && sa == sb {
                    // One long run: split it across cores directly.
                    Parallel.forEachChunk(inner, work: inner) { range in
                        let start = range.lowerBound
                        lk_binary(op, pa + start * sa, sa, pb + start * sb, sb, po + start, range.count)
                    }
                } else {
                    plan.forEachRun { offsetA, offsetB, outputOffset in
                        lk_binary(op, pa + offsetA, sa, pb + offsetB, sb, po + outputOffset, inner)
                    }
                }
            }
        }
        return output
    }

    /// This tensor's values repeated out to `shape`, which it must broadcast to.
    package func broadcast(to shape: [Int]) throws(TensorError) -> Tensor {
        if self.shape == shape { return self }
        guard BroadcastPlan.shape(shape, self.shape) == shape else { throw .shapeMismatch(op: "broadcast", self.shape, shape) }
        // The output stands in as the first operand, whose values LK_SECOND ignores.
        let output = Tensor(uninitializedShape: shape)
        let result = try Tensor.combine(.LK_SECOND, output, self, "broadcast", into: output)
        return result.recordGradient("broadcast", inputs: [self]) { [shape = self.shape] gradient throws(TensorError) in
            [try gradient.sum(toShape: shape)]
        }
    }
}
