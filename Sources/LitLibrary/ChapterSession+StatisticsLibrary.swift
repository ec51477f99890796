import LitLanguage
import LitTensor

/// The functions of the course's neighbouring chapters: `abs`, `pow`, `softmax`,
/// `logSoftmax`, `mseLoss` and `stack`, next to the numeric `abs` and `pow` for numbers.
extension ChapterSession {
    package func installStatisticsLibrary() {
        interpreter.define("abs", signatures: [Signature("_")]) { (_, args) throws(LanguageError) in
            guard args.count == 1, case .native(let x as Tensor) = args[0].value else { return nil }
            return .native(x.abs())
        }
        interpreter.define("pow", signatures: [Signature("_", "_")]) { (_, args) throws(LanguageError) in
            guard args.count == 2, case .native(let x as Tensor) = args[0].value else { return nil }
            return .native(x.power(Float(try ScriptArguments.number(args[1].value))))
        }
        for name in ["softmax", "logSoftmax"] {
            interpreter.define(name, signatures: [Signature("_", "dim")]) { (_, args) throws(LanguageError) in
                let arguments = ScriptArguments(args, name)
                let (x, dim) = (try arguments.tensor(at: 0), try arguments.int("dim"))
                return .native(try tensorOperation { () throws(TensorError) in
                    name == "softmax" ? try x.softmax(dim: dim) : try x.logSoftmax(dim: dim)
                })
            }
        }
        interpreter.define("mseLoss", signatures: [Signature("_", "_")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "mseLoss")
            let (prediction, target) = (try arguments.tensor(at: 0), try arguments.tensor(at: 1))
            return .native(try tensorOperation { () throws(TensorError) in try Tensor.mseLoss(prediction, target) })
        }
        interpreter.define("stack", signatures: [Signature("_", "dim")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "stack")
            let tensors = try arguments.tensorList()
            let dim = try arguments.int("dim", default: 0)
            return .native(try tensorOperation { () throws(TensorError) in try Tensor.stack(tensors, dim: dim) })
        }
    }
}
