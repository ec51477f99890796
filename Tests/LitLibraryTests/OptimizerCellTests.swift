import Foundation
import LitLanguage
import LitLibrary
import LitNN
import LitTensor
import Testing

/// The optimizers in cells: their classes over a model's parameters, and the checks of
/// their arguments.
@Suite struct OptimizerCellTests {
    @Test func optimizersInCells() throws {
        let text = try output("""
            let w = Parameter(tensor([2.0]))
            let opt = SGD([w], lr: 0.25)
            let loss = (w * w).sum()
            loss.backward()
            opt.step()
            print(w.item(), opt.lr)
            opt.zeroGrad()
            print(w.grad == nil)
            let adam = Adam([w])
            print(adam)
            """)
        #expect(text == "1.0 0.25\ntrue\nAdam(lr: 0.001, betas: (0.9, 0.999), eps: 1e-08)\n")
    }

    @Test func optimizerArgumentsAreChecked() {
        let notParameters = failure("let o = SGD([ones(2)], lr: 0.1)")
        #expect(notParameters?.message == .library(LibraryError.notParameters(callee: "SGD")))
        #expect(notParameters?.message.description
                == "'SGD' trains parameters: tensors made with Parameter(...), such as net.parameters()")
        let negativeRate = failure("let o = Adam([Parameter(ones(2))], lr: -1)")
        #expect(negativeRate?.message == .library(LibraryError.numberBelowZero(callee: "Adam", argument: "lr", got: -1)))
        #expect(negativeRate?.message.description == "'Adam' needs lr of 0 or more, got -1.0")
        let betaOfOne = failure("let o = Adam([Parameter(ones(2))], beta1: 1)")
        #expect(betaOfOne?.message == .library(LibraryError.adamBetasNotBelowOne))
        #expect(betaOfOne?.message.description == "'Adam' needs beta1 and beta2 below 1")
    }
}
