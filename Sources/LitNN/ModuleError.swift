import LitDiagnostics

/// What a module refuses: a model built wrongly or an input a layer cannot take.
public enum ModuleError: ErrorMessage, Equatable {
    case forwardNotOverridden(type: String)
    /// A Sequential inside itself would run forever.
    case sequentialContainsItself
    /// A batch-norm layer was given an input of the wrong rank or channel count.
    case batchNormInputShape(layer: String, features: Int, inputRank: Int, got: [Int])

    public var description: String {
        switch self {
        case .forwardNotOverridden(let type):
            "\(type) does not override forward(_:)"
        case .sequentialContainsItself:
            "a Sequential cannot contain itself"
        case .batchNormInputShape(let layer, let features, let inputRank, let got):
            "\(layer)(\(features)) expects an input of shape "
                + (inputRank == 2 ? "[N, \(features)]" : "[N, \(features), H, W]") + ", got \(got)"
        }
    }
}
