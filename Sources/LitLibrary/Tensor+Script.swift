import LitLanguage
import LitRandom
import LitTensor

/// How cells see `Tensor`: its properties, methods, operators, subscripts and printing.
extension Tensor: ScriptObject {
    public var scriptType: NativeType { Tensor.nativeType }

    package static let nativeType: NativeType = {
        let type = NativeType(name: "Tensor") { ($0 as! Tensor).description }
        type.property("shape") { .array(($0 as! Tensor).shape.map { .int($0) }) }
        type.property("rank") { .int(($0 as! Tensor).rank) }
        type.property("count") { .int(($0 as! Tensor).count) }
        type.property("requiresGrad") { .bool(($0 as! Tensor).requiresGrad) }
        type.property("grad", get: { ($0 as! Tensor).grad.map { .native($0) } ?? .nilValue }, set: setGrad)
        type.method("item") { object, args throws(LanguageError) in
            try ScriptArguments(args, "item").check(labels: [], count: 0...0)
            return .double(Double(try tensorOperation { () throws(TensorError) in try (object as! Tensor).item() }))
        }
        type.method("sum") { object, args throws(LanguageError) in try reduce(object as! Tensor, args, "sum", mean: false) }
        type.method("mean") { object, args throws(LanguageError) in try reduce(object as! Tensor, args, "mean", mean: true) }
        type.method("max") { object, args throws(LanguageError) in try maximum(object as! Tensor, args, "max") }
        type.method("argmax") { object, args throws(LanguageError) in try maximum(object as! Tensor, args, "argmax") }
        type.method("gather") { object, args throws(LanguageError) in
            let arguments = ScriptArguments(args, "gather")
            try arguments.check(labels: ["dim", "index"], count: 2...2)
            let dim = try arguments.int("dim")
            guard let index = arguments.value("index") else { throw .library(.missingArgument(callee: "gather", label: "index")) }
            let indices = try ScriptArguments.tensor(index.value, callee: "gather")
            return .native(try tensorOperation { () throws(TensorError) in try (object as! Tensor).gather(dim: dim, index: indices) })
        }
        // `p.fillNormal(mean:std:)` and `p.fillUniform(from:to:)`: two numbers, 0 and 1 by default.
        let fills: [(String, (String, String), (Tensor, Float, Float, inout SplitMix64) -> Void)] = [
            ("fillNormal", ("mean", "std"), { $0.fillNormal(mean: $1, std: $2, using: &$3) }),
            ("fillUniform", ("from", "to"), { $0.fillUniform(from: $1, to: $2, using: &$3) }),
        ]
        for (name, labels, fill) in fills {
            type.interpreterMethod(name) { object, args, interpreter throws(LanguageError) in
                let arguments = ScriptArguments(args, name)
                try arguments.check(labels: [labels.0, labels.1], count: 0...2)
                let first = Float(try arguments.double(labels.0, default: 0)), second = Float(try arguments.double(labels.1, default: 1))
                fill(object as! Tensor, first, second, &interpreter.random)
                return .void
            }
        }
        type.method("fill") { object, args throws(LanguageError) in
            guard args.count == 1, args[0].label == nil else { throw .here(.wrongArgumentCount(callee: "fill", expected: 1, found: args.count)) }
            (object as! Tensor).fill(Float(try ScriptArguments.number(args[0].value)))
            return .void
        }
        type.method("reshape", reshape)
        type.method("flatten") { object, args throws(LanguageError) in
            let arguments = ScriptArguments(args, "flatten")
            try arguments.check(labels: ["from"], count: 0...1)
            let from = try arguments.int("from", default: 0)
            return .native(try tensorOperation { () throws(TensorError) in try (object as! Tensor).flatten(from: from) })
        }
        type.method("transposed") { object, args throws(LanguageError) in
            try ScriptArguments(args, "transposed").check(labels: [], count: 0...0)
            return .native(try tensorOperation { () throws(TensorError) in try (object as! Tensor).transposed() })
        }
        type.method("detached") { object, args throws(LanguageError) in
            try ScriptArguments(args, "detached").check(labels: [], count: 0...0)
            return .native((object as! Tensor).detached())
        }
        type.method("squared") { object, args throws(LanguageError) in
            try ScriptArguments(args, "squared").check(labels: [], count: 0...0)
            return .native((object as! Tensor).squared())
        }
        for (name, statistic) in [("abs", Tensor.abs), ("std", Tensor.std), ("variance", Tensor.variance), ("norm", Tensor.norm)]
            as [(String, (Tensor) -> () -> Tensor)] {
            type.method(name) { object, args throws(LanguageError) in
                try ScriptArguments(args, name).check(labels: [], count: 0...0)
                return .native(statistic(object as! Tensor)())
            }
        }
        type.method("clamped") { object, args throws(LanguageError) in
            let arguments = ScriptArguments(args, "clamped")
            try arguments.check(labels: ["min", "max"], count: 1...2)
            let lower = try arguments.value("min").map { (argument) throws(LanguageError) in Float(try ScriptArguments.number(argument.value)) }
            let upper = try arguments.value("max").map { (argument) throws(LanguageError) in Float(try ScriptArguments.number(argument.value)) }
            return .native((object as! Tensor).clamped(min: lower, max: upper))
        }
        type.method("backward") { object, args throws(LanguageError) in
            try ScriptArguments(args, "backward").check(labels: [], count: 0...0)
            try tensorOperation { () throws(TensorError) in try (object as! Tensor).backward() }
            return .void
        }
        type.binaryOperator = binary
        type.compoundAssignment = updateInPlace
        type.prefixOperator = { op, object in op == "-" ? .native(-(object as! Tensor)) : nil }
        type.subscriptGet = element
        type.subscriptSet = setElement
        type.makeIterator = { object throws(LanguageError) in
            let tensor = object as! Tensor
            guard tensor.rank > 0 else { throw .library(.iterateOverScalarTensor) }
            var index = 0
            return AnyIterator {
                guard index < tensor.shape[0] else { return nil }
                defer { index += 1 }
                return (try? tensor.index(index)).map { .native($0) }
            }
        }
        return type
    }()

    private static func setGrad(_ object: ScriptObject, _ value: Value) throws(LanguageError) {
        let tensor = object as! Tensor
        if value.isNone { tensor.grad = nil; return }
        let gradient = try ScriptArguments.tensor(value, callee: "grad")
        guard gradient.shape == tensor.shape else { throw .here(.library(TensorError.shapeMismatch(op: "grad =", tensor.shape, gradient.shape))) }
        tensor.grad = gradient.detached()
    }

    /// `.sum()`, `.sum(dim: 1)`, `.sum(dims: [0, 2, 3], keepDim: true)`, and the same for `mean`.
    private static func reduce(_ tensor: Tensor, _ args: [ArgumentValue], _ name: String, mean: Bool) throws(LanguageError) -> Value {
        let arguments = ScriptArguments(args, name)
        try arguments.check(labels: ["dim", "dims", "keepDim"], count: 0...2)
        let keepDim = try arguments.bool("keepDim", default: false)
        var dims: [Int]?
        if arguments.value("dim") != nil { dims = [try arguments.int("dim")] }
        if let list = arguments.value("dims") {
            guard case .array(let items) = list.value else { throw .here(.cannotConvert(from: list.value.typeName, to: "[Int]")) }
            dims = try ScriptArguments.integers(items)
        }
        let all = Array(tensor.shape.indices)
        return .native(try tensorOperation { () throws(TensorError) in
            mean ? try tensor.mean(dims: dims ?? all, keepDim: keepDim) : try tensor.sum(dims: dims ?? all, keepDim: keepDim)
        })
    }

    /// `.max()`, `.max(dim:)`, `.argmax()` and `.argmax(dim:)`, each with `keepDim:`.
    private static func maximum(_ tensor: Tensor, _ args: [ArgumentValue], _ name: String) throws(LanguageError) -> Value {
        let arguments = ScriptArguments(args, name)
        try arguments.check(labels: ["dim", "keepDim"], count: 0...2)
        let keepDim = try arguments.bool("keepDim", default: false)
        let dim = arguments.value("dim") == nil ? nil : try arguments.int("dim")
        return .native(try tensorOperation { () throws(TensorError) in
            let source = dim == nil ? try tensor.flatten() : tensor
            return name == "max" ? try source.max(dim: dim ?? 0, keepDim: keepDim) : try source.argmax(dim: dim ?? 0, keepDim: keepDim)
        })
    }

    private static func reshape(_ object: ScriptObject, _ args: [ArgumentValue]) throws(LanguageError) -> Value {
        let items: [Value]
        if args.count == 1, case .array(let list) = args[0].value { items = list } else { items = args.map(\.value) }
        guard args.allSatisfy({ $0.label == nil }) else { throw .library(.labelledReshapeSize) }
        let shape = try ScriptArguments.integers(items)
        return .native(try tensorOperation { () throws(TensorError) in try (object as! Tensor).reshape(shape) })
    }

    private static func binary(_ op: String, _ lhs: Value, _ rhs: Value) throws(LanguageError) -> Value? {
        if let comparison = Tensor.Comparison(rawValue: op) { return try compare(comparison, lhs, rhs) }
        if Tensor.Comparison(rawValue: "." + op) != nil, areTensorOperands(lhs, rhs) {
            throw .library(.wholeTensorComparison(op: op, lhs: lhs.typeName, rhs: rhs.typeName))
        }
        guard ["+", "-", "*", "/"].contains(op) else { return nil }
        let result: Tensor? = try tensorOperation { () throws(TensorError) -> Tensor? in
            switch (lhs, rhs) {
            case (.native(let a as Tensor), .native(let b as Tensor)):
                switch op {
                case "+": return try a + b
                case "-": return try a - b
                case "*": return try a * b
                default: return try a / b
                }
            case (.native(let a as Tensor), _):
                guard let s = scalar(rhs) else { return nil }
                switch op {
                case "+": return a + s
                case "-": return a - s
                case "*": return a * s
                default: return a / s
                }
            case (_, .native(let b as Tensor)):
                guard let s = scalar(lhs) else { return nil }
                switch op {
                case "+": return s + b
                case "-": return s - b
                case "*": return s * b
                default: return s / b
                }
            default: return nil
            }
        }
        return result.map { .native($0) }
    }

    /// `t += x`, `t -= x`, `t *= x` and `t /= x` with a tensor or a number: the tensor's
    /// values change where they are (see `Tensor.update`).
    private static func updateInPlace(_ op: String, _ object: ScriptObject, _ value: Value) throws(LanguageError) -> Bool {
        guard let arithmetic = Tensor.Arithmetic(symbol: op) else { return false }
        let tensor = object as! Tensor
        return try tensorOperation { () throws(TensorError) -> Bool in
            if case .native(let other as Tensor) = value {
                try tensor.update(arithmetic, with: other)
            } else if let number = scalar(value) {
                try tensor.update(arithmetic, with: number)
            } else {
                return false
            }
            return true
        }
    }

    /// Whether `lhs` and `rhs` are a tensor and a tensor or a number, the pairs the
    /// element-wise operators take.
    private static func areTensorOperands(_ lhs: Value, _ rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.native(_ as Tensor), .native(_ as Tensor)): true
        case (.native(_ as Tensor), _): scalar(rhs) != nil
        case (_, .native(_ as Tensor)): scalar(lhs) != nil
        default: false
        }
    }

    /// `a .== b` and the other element-wise comparisons, between tensors or with a number.
    private static func compare(_ comparison: Tensor.Comparison, _ lhs: Value, _ rhs: Value) throws(LanguageError) -> Value? {
        let result: Tensor? = try tensorOperation { () throws(TensorError) -> Tensor? in
            switch (lhs, rhs) {
            case (.native(let a as Tensor), .native(let b as Tensor)): return try Tensor.compare(a, comparison, b)
            case (.native(let a as Tensor), _): return scalar(rhs).map { Tensor.compare(a, comparison, $0) }
            case (_, .native(let b as Tensor)): return scalar(lhs).map { Tensor.compare($0, comparison, b) }
            default: return nil
            }
        }
        return result.map { .native($0) }
    }

    static func scalar(_ value: Value) -> Float? {
        switch value {
        case .double(let d): Float(d)
        case .int(let n): Float(n)
        default: nil
        }
    }
}
