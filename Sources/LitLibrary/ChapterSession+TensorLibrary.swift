import LitLanguage
import LitTensor

/// The tensor functions every chapter sees: creation, elementwise functions, products,
/// convolution, pooling and the loss.
extension ChapterSession {
    package func installTensorLibrary() {
        installTensorCreation()
        for (name, function) in [("sqrt", Tensor.sqrt), ("exp", Tensor.exp), ("log", Tensor.log), ("relu", Tensor.relu),
                                 ("sigmoid", Tensor.sigmoid), ("tanh", Tensor.tanh)] as [(String, (Tensor) -> () -> Tensor)] {
            interpreter.define(name, signatures: [Signature("_")]) { _, args in
                guard args.count == 1, args[0].label == nil, case .native(let x as Tensor) = args[0].value else { return nil }
                return .native(function(x)())
            }
        }
        interpreter.define("matmul", signatures: [Signature("_", "_")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "matmul")
            let (a, b) = (try arguments.tensor(at: 0), try arguments.tensor(at: 1))
            return .native(try tensorOperation { () throws(TensorError) in try Tensor.matmul(a, b) })
        }
        interpreter.define("cat", signatures: [Signature("_", "dim")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "cat")
            let tensors = try arguments.tensorList()
            let dim = try arguments.int("dim")
            return .native(try tensorOperation { () throws(TensorError) in try Tensor.cat(tensors, dim: dim) })
        }
        interpreter.define("crossEntropy", signatures: [Signature("_", "_")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "crossEntropy")
            let (logits, labels) = (try arguments.tensor(at: 0), try arguments.tensor(at: 1))
            return .native(try tensorOperation { () throws(TensorError) in try Tensor.crossEntropy(logits, labels) })
        }
        installConvolutionFunctions()
        installStatisticsLibrary()
        // `withoutGradients { ... }`, PyTorch's `torch.no_grad()`: no graph is recorded, and
        // parameters may be updated in place. It gives back the closure's value.
        interpreter.define("withoutGradients", signatures: [Signature("_")]) { (interpreter, args) throws(LanguageError) in
            guard args.count == 1, args[0].label == nil else { return nil }
            return try GradientMode.withoutGradients { () throws(LanguageError) in try interpreter.call(args[0].value) }
        }
    }

    private func installTensorCreation() {
        for name in ["zeros", "ones", "rand"] {
            interpreter.define(name, signatures: [Signature("_...")]) { (interpreter, args) throws(LanguageError) in
                let shape = try ScriptArguments(args, name).sizes()
                switch name {
                case "zeros": return .native(Tensor.zeros(shape))
                case "ones": return .native(Tensor.ones(shape))
                default: return .native(Tensor.rand(shape, using: &interpreter.random))
                }
            }
        }
        // `randn(1000, 2, mean: 0, std: 0.01)`: normal values, standard unless told otherwise.
        interpreter.define("randn", signatures: [Signature("_...", "mean=", "std=")]) { (interpreter, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "randn")
            let shape = try ScriptArguments(args.filter { $0.label == nil }, "randn").sizes()
            let mean = Float(try arguments.double("mean", default: 0)), std = Float(try arguments.double("std", default: 1))
            let values = Tensor.randn(shape, using: &interpreter.random)
            return .native(mean == 0 && std == 1 ? values : values * std + mean)
        }
        // `arange(n)`, and `arange(-8.0, 8.0, 0.1)` as torch.arange: from the start, by the
        // step, up to but not including the end.
        interpreter.define("arange", signatures: [Signature("_"), Signature("_", "_", "_=")]) { (_, args) throws(LanguageError) in
            if args.count == 1, case .int(let n) = args[0].value {
                try ScriptArguments.checkTensorSize([n], callee: "arange")
                return .native(Tensor.arange(n))
            }
            let bounds = try args.map { (argument) throws(LanguageError) in try ScriptArguments.number(argument.value) }
            let (start, end, step) = args.count == 1 ? (0, bounds[0], 1) : (bounds[0], bounds[1], args.count == 3 ? bounds[2] : 1)
            guard step != 0, step.isFinite, start.isFinite, end.isFinite else { throw .library(.arangeStep(step)) }
            let count = Swift.max(0, ((end - start) / step).rounded(.up))
            guard count <= Double(Int32.max) else { throw .library(.arangeStep(step)) }
            try ScriptArguments.checkTensorSize([Int(count)], callee: "arange")
            return .native(Tensor(shape: [Int(count)], scalars: (0..<Int(count)).map { Float(start + Double($0) * step) }))
        }
        interpreter.define("tensor", signatures: [Signature("_")]) { (_, args) throws(LanguageError) in
            var shape: [Int] = [], scalars: [Float] = []
            try ChapterSession.flattenLiteral(args[0].value, depth: 0, shape: &shape, into: &scalars)
            return .native(Tensor(shape: shape, scalars: scalars))
        }
        interpreter.define("Parameter", signatures: [Signature("_")]) { (_, args) throws(LanguageError) in
            .native(Tensor.parameter(try ScriptArguments(args, "Parameter").tensor(at: 0)))
        }
    }

    /// Reads a nested array literal, checking that it is rectangular.
    private static func flattenLiteral(_ value: Value, depth: Int, shape: inout [Int], into scalars: inout [Float]) throws(LanguageError) {
        switch value {
        case .int(let n) where depth == shape.count: scalars.append(Float(n))
        case .double(let d) where depth == shape.count: scalars.append(Float(d))
        case .array(let items):
            if depth == shape.count && scalars.isEmpty {
                shape.append(items.count)
            } else if depth >= shape.count || shape[depth] != items.count {
                throw .library(.raggedTensorLiteral)
            }
            for item in items { try flattenLiteral(item, depth: depth + 1, shape: &shape, into: &scalars) }
        case .int, .double:
            throw .library(.raggedTensorLiteral)
        default:
            throw .here(.cannotConvert(from: value.typeName, to: "a number"))
        }
    }

    private func installConvolutionFunctions() {
        interpreter.define("conv2d", signatures: [Signature("_", "_", "bias=", "stride=", "padding=")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "conv2d")
            let (x, weight) = (try arguments.tensor(at: 0), try arguments.tensor(at: 1))
            let bias = try arguments.value("bias").map { argument throws(LanguageError) in try ScriptArguments.tensor(argument.value, callee: "conv2d") }
            let (stride, padding) = (try arguments.heightWidth("stride", default: 1), try arguments.heightWidth("padding", default: 0))
            return .native(try tensorOperation { () throws(TensorError) in
                try Tensor.conv2d(x, weight: weight, bias: bias, stride: stride, padding: padding)
            })
        }
        for name in ["maxPool2d", "avgPool2d"] {
            interpreter.define(name, signatures: [Signature("_", "kernelSize", "stride=", "padding=")]) { (_, args) throws(LanguageError) in
                let arguments = ScriptArguments(args, name)
                let x = try arguments.tensor(at: 0)
                let kernel = try arguments.heightWidth("kernelSize")
                let (stride, padding) = (try arguments.heightWidth("stride", default: kernel), try arguments.heightWidth("padding", default: 0))
                return .native(try tensorOperation { () throws(TensorError) in
                    name == "maxPool2d" ? try x.maxPool2d(kernelSize: kernel, stride: stride, padding: padding)
                        : try x.avgPool2d(kernelSize: kernel, stride: stride, padding: padding)
                })
            }
        }
        interpreter.define("globalAvgPool2d", signatures: [Signature("_")]) { (_, args) throws(LanguageError) in
            let x = try ScriptArguments(args, "globalAvgPool2d").tensor(at: 0)
            return .native(try tensorOperation { () throws(TensorError) in try x.globalAvgPool2d() })
        }
    }
}
