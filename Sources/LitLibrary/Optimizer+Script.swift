import LitLanguage
import LitNN
import LitTensor

/// How cells see optimizers: `opt.zeroGrad()`, `opt.step()` and `opt.lr`.
extension Optimizer: ScriptObject {
    public var scriptType: NativeType {
        Optimizer.types.type(for: self) { Optimizer.makeType(String(describing: type(of: self))) }
    }

    private static let types = NativeTypeCache()

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
        let rate = try ScriptArguments.number(value)
        guard rate >= 0, rate.isFinite else { throw .library(.invalidLearningRate(rate)) }
        (object as! Optimizer).learningRate = rate
    }
}
