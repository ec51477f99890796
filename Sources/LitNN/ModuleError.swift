import LitDiagnostics

/// What a module refuses: a model built wrongly or an input a layer cannot take.
public enum ModuleError: ErrorMessage, Equatable {
    case forwardNotOverridden(type: String)
    /// A Sequential inside itself would run forever.
    case sequentialContainsItself
    /// A batch-norm layer was given an input of the wrong rank or channel count.
    case batchNormInputShape(layer: String, features: Int, inputRank: Int, got: [Int])
    /// A layer (spelled as the call that made it) was given an input of the wrong shape.
    case inputShape(layer: String, expected: String, got: [Int])
    case inputChannels(layer: String, expected: Int, got: Int, input: [Int])

    public var description: String {
        switch self {
        case .forwardNotOverridden(let type):
            "\(type) does not override forward(_:)"
        case .sequentialContainsItself:
            "a Sequential cannot contain itself"
        case .batchNormInputShape(let layer, let features, let inputRank, let got):
            "\(layer)(\(features)) expects input of shape "
                + (inputRank == 2 ? "[N, \(features)]" : "[N, \(features), H, W]") + ", got \(got)"
        case .inputShape(let layer, let expected, let got):
            "\(layer) expects input of shape \(expected), got \(got)"
        case .inputChannels(let layer, let expected, let got, let input):
            "\(layer) expects \(expected) input channel\(expected == 1 ? "" : "s"), got \(got) (input \(input))"
        }
    }
}
