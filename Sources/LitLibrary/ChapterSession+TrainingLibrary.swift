import Foundation
import LitData
import LitLanguage
import LitNN
import LitRendering
import LitTensor

/// Optimizers, `accuracy` and `train`, the seed's training loop with its table and curve.
extension ChapterSession {
    package func installTrainingLibrary() {
        interpreter.define("SGD", signatures: [Signature("_", "lr", "momentum=", "weightDecay=")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "SGD")
            return .native(SGD(try ChapterSession.parameterList(args[0].value, callee: "SGD"),
                               learningRate: try arguments.rate("lr", default: nil),
                               momentum: try arguments.rate("momentum", default: 0),
                               weightDecay: try arguments.rate("weightDecay", default: 0)))
        }
        interpreter.define("Adam", signatures: [Signature("_", "lr=", "beta1=", "beta2=", "eps=")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "Adam")
            let (beta1, beta2) = (try arguments.rate("beta1", default: 0.9), try arguments.rate("beta2", default: 0.999))
            guard beta1 < 1, beta2 < 1 else { throw .library(.adamBetasNotBelowOne) }
            return .native(Adam(try ChapterSession.parameterList(args[0].value, callee: "Adam"),
                                learningRate: try arguments.rate("lr", default: 0.001), beta1: beta1, beta2: beta2,
                                eps: try arguments.rate("eps", default: 1e-8)))
        }
        interpreter.define("accuracy", signatures: [Signature("_", "_")]) { (_, args) throws(LanguageError) in
            let arguments = ScriptArguments(args, "accuracy")
            let (logits, labels) = (try arguments.tensor(at: 0), try arguments.tensor(at: 1))
            return .double(try tensorOperation { () throws(TensorError) in try Tensor.accuracy(logits, labels) })
        }
        interpreter.define("train", signatures: [Signature("_", "_", "_", "optimizer", "epochs")]) { [unowned self] (_, args) throws(LanguageError) in
            try train(args)
            return .void
        }
    }

    /// `train(net, trainIter, testIter, optimizer:, epochs:)`: runs the epochs, then
    /// writes the table and the curve into the cell's output.
    private func train(_ args: [ArgumentValue]) throws(LanguageError) {
        let arguments = ScriptArguments(args, "train")
        let net = try ModuleScripting.module(args[0].value, callee: "train")
        let training = try ChapterSession.batchSource(args[1].value), test = try ChapterSession.batchSource(args[2].value)
        guard case .native(let optimizer as Optimizer) = args[3].value else {
            throw .here(.cannotConvert(from: args[3].value.typeName, to: "Optimizer"))
        }
        let requested = try arguments.positiveInt("epochs")
        let epochs = settings.budget.map { min(requested, $0.epochs) } ?? requested
        var trainer = Trainer()
        trainer.checkpoint = { [unowned self] in try interpreter.checkDeadline() }
        let progress = settings.progress.map { TrainingProgress(sink: $0, epochs: epochs, batchesPerEpoch: training.batchCount) }
        if let progress {
            // Says which call the lines below belong to: a chapter may train several models.
            let size = "\(NumberText.grouped(Double(training.imageCount))) images in \(NumberText.grouped(Double(training.batchCount))) batches"
            progress.note("\(chapterName) cell \(interpreter.cell): training \(epochs) epoch\(epochs == 1 ? "" : "s") of \(size)")
            trainer.batchFinished = progress.batchFinished(epoch:batch:loss:images:)
        }
        // Kept as they finish, so that a run stopped by its time limit or an error still
        // shows the epochs it completed.
        var finished: [EpochRecord] = []
        trainer.epochFinished = { record in
            finished.append(record)
            progress?.epochFinished(record)
        }
        if let budget = settings.budget {
            emit(.text(budgetNote(budget, epochs: epochs, requested: requested, training: training, test: test)))
        }
        let records: [EpochRecord]
        do {
            records = try trainer.fit(net, training: training, test: test, optimizer: optimizer, epochs: epochs)
        } catch {
            progress?.finish()
            if !finished.isEmpty {
                emitTrainingResults(finished, epochs: epochs)
                let count = finished.count
                emit(.text("Training stopped in epoch \(count + 1) of \(epochs); the table shows the \(count) that finished.\n"))
            }
            throw ModuleScripting.languageError(error)
        }
        emitTrainingResults(records, epochs: epochs)
    }

    /// The epoch table and the training curve, as the cell's output.
    private func emitTrainingResults(_ records: [EpochRecord], epochs: Int) {
        emit(TrainingTable.item(records))
        emitFigure(named: "training", svg: TrainingCurve(records: records, epochs: epochs).svg(),
                   alt: "Training curve: loss, train accuracy and test accuracy by epoch")
    }

    private func budgetNote(_ budget: Budget, epochs: Int, requested: Int, training: BatchSource, test: BatchSource) -> String {
        func count(_ source: BatchSource) -> String {
            let kept = NumberText.grouped(Double(source.imageCount))
            guard let full = source.sampledFrom else { return kept }
            return "\(kept) of \(NumberText.grouped(Double(full)))"
        }
        var parts = ["\(count(training)) training images", "\(count(test)) test images"]
        if epochs < requested { parts.append("\(epochs) of \(requested) epochs") }
        return "Budget run '\(budget.name)': \(parts.joined(separator: ", ")). Not the chapter's real result.\n"
    }

    package static func batchSource(_ value: Value) throws(LanguageError) -> BatchSource {
        guard case .native(let source as BatchSource) = value else {
            throw .here(.cannotConvert(from: value.typeName, to: "DataLoader"))
        }
        return source
    }

    /// `net.parameters()`: an array of tensors, each trainable.
    package static func parameterList(_ value: Value, callee: String) throws(LanguageError) -> [Tensor] {
        guard case .array(let items) = value else { throw .here(.cannotConvert(from: value.typeName, to: "[Tensor]")) }
        var tensors: [Tensor] = []
        for item in items {
            let tensor = try ScriptArguments.tensor(item, callee: callee)
            guard tensor.requiresGrad, tensor.gradientNode == nil else {
                throw .library(.notParameters(callee: callee))
            }
            tensors.append(tensor)
        }
        return tensors
    }
}

extension ScriptArguments {
    /// A non-negative, finite rate or coefficient.
    package func rate(_ label: String, default fallback: Double?) throws(LanguageError) -> Double {
        guard value(label) != nil || fallback != nil else { throw .library(.missingArgument(callee: callee, label: label)) }
        let number = try double(label, default: fallback ?? 0)
        guard number >= 0, number.isFinite else { throw .library(.numberBelowZero(callee: callee, argument: label, got: number)) }
        return number
    }
}
