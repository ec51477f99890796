import LitLanguage
import LitTensor

/// `t[i, j]`, `t[a..<b, ...]` and assignment through them: an Int picks a position and
/// drops its dimension, a range (`2..<6`, `2...`, `..<3`, `...`) keeps it.
extension Tensor {
    static func element(_ object: ScriptObject, _ args: [ArgumentValue]) throws(LanguageError) -> Value {
        let indices = try tensorIndices(args)
        return .native(try tensorOperation { () throws(TensorError) in try (object as! Tensor).subscripted(indices) })
    }

    /// `X[..., 2..<6] = 0` fills the region with a number; a tensor broadcasts to it.
    static func setElement(_ object: ScriptObject, _ args: [ArgumentValue], _ value: Value) throws(LanguageError) {
        let indices = try tensorIndices(args)
        let tensor = object as! Tensor
        let assigned: Tensor
        if case .native(let other as Tensor) = value {
            assigned = other
        } else if let number = scalar(value) {
            assigned = Tensor(number)
        } else {
            throw .here(.cannotConvert(from: value.typeName, to: "Tensor"))
        }
        try tensorOperation { () throws(TensorError) in try tensor.assign(assigned, at: indices) }
    }

    private static func tensorIndices(_ args: [ArgumentValue]) throws(LanguageError) -> [TensorIndex] {
        guard !args.isEmpty, args.allSatisfy({ $0.label == nil }) else { throw .library(.tensorIndexCount) }
        var indices: [TensorIndex] = []
        for argument in args {
            switch argument.value {
            case .int(let i):
                indices.append(.position(i))
            case .range(let lower, let upper, _):
                indices.append(.range(lower: lower == Value.unboundedLower ? nil : lower,
                                      upper: upper == Value.unboundedUpper ? nil : upper))
            default:
                throw .library(.tensorIndexType(argument.value.typeName))
            }
        }
        return indices
    }
}
