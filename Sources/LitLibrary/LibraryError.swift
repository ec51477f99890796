import LitDiagnostics
import LitLanguage
import LitNN
import LitTensor

/// What the library's cell bindings refuse before a layer, tensor or data set sees the
/// call: a missing or misspelt argument, a size or hyper-parameter out of range.
public enum LibraryError: ErrorMessage, Equatable {
    // Arguments
    /// Nil stands for an unlabelled argument, shown as '_'.
    case unknownLabel(callee: String, label: String?)
    case missingArgument(callee: String, label: String?)
    case missingTensorArgument(callee: String)
    case missingHyperParameter(callee: String, name: String)
    case belowOne(callee: String, argument: String, got: Int)
    case belowZero(callee: String, argument: String, got: Int)
    /// A rate or coefficient that is negative or not finite.
    case numberBelowZero(callee: String, argument: String, got: Double)

    // Tensors
    case negativeSize(callee: String, got: Int)
    /// More than 2^31 elements, the most a tensor may hold.
    case tensorTooLarge(callee: String)
    case raggedTensorLiteral
    case labelledReshapeSize
    case iterateOverScalarTensor
    case tensorIndexCount
    case tensorIndexType(String)
    /// `a == b` or `a < b` with a tensor: Swift's comparisons give one Bool.
    case wholeTensorComparison(op: String, lhs: String, rhs: String)
    case dropoutProbability(Double)
    case notAFashionMNISTLabel(Double)

    // Modules
    case forwardNotOverridden(type: String)
    case labelledSequentialModule
    case invalidChildName(String)
    case sequentialIndex
    case invalidBatchNormSettings(callee: String)
    case paddingPastHalfKernel(callee: String, padding: HeightWidth, kernelSize: HeightWidth)
    /// A value `save` cannot keep, by its type.
    case notSavable(String)
    /// A state dict that is not `[String: Tensor]`: the type found, and the key whose
    /// value is not a tensor.
    case notAStateDict(type: String, key: String?)

    // Training
    case notParameters(callee: String)
    case adamBetasNotBelowOne
    case invalidLearningRate(Double)

    // Data
    case batchSizeBelowOne(Int)
    case loaderShapes(features: [Int], labels: [Int])
    case arangeStep(Double)
    case resizeOutOfRange(side: Int, maximum: Int)
    /// A batch would hold more than 2^28 Float values (1 GiB).
    case batchTooLarge(batchSize: Int, side: Int)

    // Figures
    /// A plot's coordinates given as something other than numbers; `got` describes it.
    case notNumbers(callee: String, argument: String, got: String)

    /// An error of a type no layer names, shown as Swift describes it.
    case unexpected(String)

    public var description: String {
        switch self {
        case .unknownLabel(let callee, let label): "'\(callee)' has no argument labelled '\(label ?? "_")'"
        case .missingArgument(let callee, let label): "'\(callee)' needs the argument '\(label ?? "_")'"
        case .missingTensorArgument(let callee): "'\(callee)' is missing an argument"
        case .missingHyperParameter(let callee, let name): "'\(callee)' needs \(name)"
        case .belowOne(let callee, let argument, let got): "'\(callee)' needs \(argument) of 1 or more, got \(got)"
        case .belowZero(let callee, let argument, let got): "'\(callee)' needs \(argument) of 0 or more, got \(got)"
        case .numberBelowZero(let callee, let argument, let got): "'\(callee)' needs \(argument) of 0 or more, got \(got)"
        case .negativeSize(let callee, let got): "'\(callee)' needs sizes of 0 or more, got \(got)"
        case .tensorTooLarge(let callee): "'\(callee)' would make a tensor of more than 2^31 elements"
        case .raggedTensorLiteral:
            "tensor(...) needs a rectangular array of numbers; rows differ in length or depth"
        case .labelledReshapeSize: "'reshape' takes sizes without labels"
        case .iterateOverScalarTensor: "cannot iterate over a rank-0 tensor"
        case .tensorIndexCount: "a tensor is indexed with an Int or a range per dimension, as t[i, 2..<6] or t[..., 0]"
        case .tensorIndexType(let type): "a tensor is indexed with an Int or a range (2..<6, 2..., ...), not '\(type)'"
        case .notAFashionMNISTLabel(let label): "\(label) is not a Fashion-MNIST label; the labels are 0 to 9"
        case .notNumbers(let callee, let argument, let got):
            "'\(callee)' needs \(argument) as numbers: a 1-D tensor, an array of numbers or a range, got \(got)"
        case .dropoutProbability(let probability): "'Dropout' needs a probability from 0 to 1, got \(probability)"
        case .wholeTensorComparison(let op, let lhs, let rhs):
            "binary operator '\(op)' cannot be applied to operands of type '\(lhs)' and '\(rhs)'; "
                + "use '.\(op)' for an element-wise comparison, which gives a tensor of 0s and 1s"
        case .forwardNotOverridden(let type): "'\(type)' does not override forward(_:)"
        case .labelledSequentialModule: "'Sequential' takes its modules without labels"
        case .invalidChildName(let name): "a child's name must be non-empty and contain no '.', got \"\(name)\""
        case .sequentialIndex: "a Sequential is indexed by one Int, as in net[0]"
        case .invalidBatchNormSettings(let callee): "'\(callee)' needs eps > 0 and momentum in 0...1"
        case .paddingPastHalfKernel(let callee, let padding, let kernelSize):
            "'\(callee)' padding should be at most half the kernel size, got padding \(padding) for kernel \(kernelSize)"
        case .notSavable(let type):
            "'save' keeps a Tensor, an array of tensors or a [String: Tensor] dictionary such as net.stateDict(), not '\(type)'"
        case .notAStateDict(let type, let key):
            "'loadStateDict' takes a [String: Tensor] dictionary such as load(\"mlp.params\"), "
                + (key.map { "but \"\($0)\" holds a value of type '\(type)'" } ?? "not '\(type)'")
        case .notParameters(let callee):
            "'\(callee)' trains parameters: tensors made with Parameter(...), such as net.parameters()"
        case .adamBetasNotBelowOne: "'Adam' needs beta1 and beta2 below 1"
        case .invalidLearningRate(let rate): "a learning rate must be a finite number of 0 or more, got \(rate)"
        case .batchSizeBelowOne(let batchSize): "'loadFashionMNIST' needs a batchSize of 1 or more, got \(batchSize)"
        case .arangeStep(let step):
            "'arange' needs finite bounds, a finite step other than 0 and fewer than 2^31 values; the step is \(step)"
        case .loaderShapes(let features, let labels):
            "'DataLoader' needs features and labels with one row per example along their first dimension, "
                + "got shapes \(features) and \(labels)"
        case .resizeOutOfRange(let side, let maximum):
            "'loadFashionMNIST' resizes to a side from 1 to \(maximum), got \(side)"
        case .batchTooLarge(let batchSize, let side):
            "'loadFashionMNIST' would make batches of more than 2^28 values "
                + "(batchSize \(batchSize) × \(side)×\(side)); choose a smaller batchSize or resize"
        case .unexpected(let description): description
        }
    }
}
