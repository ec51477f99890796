import LitDiagnostics

/// Why a training loop stopped on its own.
public enum TrainingError: ErrorMessage, Equatable {
    /// The loss of a batch was NaN or infinite; nothing after it would mean anything.
    case nonFiniteLoss(Double, epoch: Int, batch: Int)

    public var description: String {
        switch self {
        case .nonFiniteLoss(let loss, let epoch, let batch):
            "the training loss became \(loss.isNaN ? "NaN" : loss > 0 ? "infinite" : "-infinite") in epoch \(epoch), "
                + "batch \(batch), so training stopped; "
                + "try a lower learning rate, and check the data and the model for values that overflow"
        }
    }
}
