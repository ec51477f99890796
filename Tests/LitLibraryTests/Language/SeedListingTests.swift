import LitNN
import Testing

/// The seed's listings (library.md), with Doubles standing in for tensors.
@Suite struct SeedListingTests {
    @Test func batchNormShapedFunctionAndModule() throws {
        let code = """
        func batchNorm(_ X: Double, gamma: Double, beta: Double, movingMean: Double, movingVar: Double,
                       eps: Double, momentum: Double, isTraining: Bool) -> (Double, Double, Double) {
            if !isTraining {
                let XHat = (X - movingMean) / sqrt(movingVar + eps)
                return (gamma * XHat + beta, movingMean, movingVar)
            }
            precondition(X >= 0 || X < 0)
            let dims = X > 100 ? [0] : [0, 2, 3]
            let mean = X + Double(dims.count)
            let newMean = momentum * movingMean + (1.0 - momentum) * mean
            return (gamma * X + beta, newMean, movingVar)
        }

        class BatchNorm: Module {
            var gamma: Double
            var beta: Double
            var movingMean: Double
            var movingVar: Double
            init(_ numFeatures: Int, numDims: Int) {
                let shape = numDims == 2 ? [1, numFeatures] : [1, numFeatures, 1, 1]
                gamma = Double(shape.count)
                beta = 0
                movingMean = 0
                movingVar = 1
                super.init()
            }
            override func forward(_ X: Double) -> Double {
                let (Y, mean, variance) = batchNorm(X, gamma: gamma, beta: beta, movingMean: movingMean,
                    movingVar: movingVar, eps: 1e-5, momentum: 0.9, isTraining: isTraining)
                movingMean = mean
                movingVar = variance
                return Y
            }
        }
        let bn = BatchNorm(6, numDims: 2)
        print(bn(1.0), bn.movingMean)
        bn.eval()
        bn(0.0)
        """
        // (1 - 0.9) * (1 + 3) is 0.3999999999999999 in Double arithmetic; then
        // 2 * (0 - 0.3999999999999999) / sqrt(1 + 1e-5), as compiled Swift prints it.
        #expect(try output(code) == "2.0 0.3999999999999999\n-0.7999960000299996\n")
    }

    @Test func denseBlockShapedModuleList() throws {
        let code = """
        class AddN: Module {
            let n: Int
            init(_ n: Int) { self.n = n; super.init() }
            override func forward(_ X: Int) -> Int { X + n }
        }
        func convBlock(_ a: Int, _ b: Int) -> Module { AddN(a * b) }
        class DenseBlock: Module {
            let net: [Module]
            let outChannels: Int
            init(_ numConvs: Int, _ inChannels: Int, _ outChannels: Int) {
                net = (0..<numConvs).map { i in convBlock(inChannels + i * outChannels, outChannels) }
                self.outChannels = inChannels + numConvs * outChannels
                super.init()
            }
            override func forward(_ X: Int) -> Int {
                var X = X
                for blk in net { X = blk(X) }
                return X
            }
        }
        let block = DenseBlock(2, 3, 10)
        print(block.outChannels, block.net.count)
        block(1)
        """
        // net adds 3 * 10 = 30, then 13 * 10 = 130.
        #expect(try output(code) == "23 2\n161\n")
    }
}
