/// How cells see optimizers: `opt.zeroGrad()`, `opt.step()` and `opt.lr`.
extension Optimizer: ScriptObject {
    public var scriptType: NativeType { self is Adam ? Optimizer.adamType : Optimizer.sgdType }

    private static let adamType = makeType("Adam")
    private static let sgdType = makeType("SGD")

    private static func makeType(_ name: String) -> NativeType {
        let type = NativeType(name: name) { ($0 as! Optimizer).description }
        type.supertypeNames = ["Optimizer"]
        type.method("zeroGrad") { object, args throws(LanguageError) in
            try ScriptArguments(args, "zeroGrad").check(labels: [], count: 0...0)
            (object as! Optimizer).zeroGrad()
            return .void
        }
        type.method("step") { object, args throws(LanguageError) in
            try ScriptArguments(args, "step").check(labels: [], count: 0...0)
            try tensorOperation { () throws(TensorError) in try (object as! Optimizer).step() }
            return .void
        }
        type.property("lr", get: { .double(($0 as! Optimizer).learningRate) }, set: setLearningRate)
        return type
    }

    private static func setLearningRate(_ object: ScriptObject, _ value: Value) throws(LanguageError) {
        let rate: Double
        switch value {
        case .double(let d): rate = d
        case .int(let n): rate = Double(n)
        default: throw .here(.cannotConvert(from: value.typeName, to: "Double"))
        }
        guard rate >= 0, rate.isFinite else { throw .here(.runtime("a learning rate must be a finite number of 0 or more, got \(rate)")) }
        (object as! Optimizer).learningRate = rate
    }
}
