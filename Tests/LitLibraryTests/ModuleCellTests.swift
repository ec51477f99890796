import LitLanguage
import LitLibrary
import LitNN
import LitRandom
import LitTensor
import LitTestSupport
import Testing

/// Modules from cells: discovery of children and parameters, modes,
/// naming, printing, and the errors a chapter author can make.
@Suite struct ModuleCellTests {
    static let twoLayerNet = """
        class TwoLayer: Module {
            let hidden: Linear
            let output: Linear
            var scale: Tensor
            let note: String = "plain"
            init() {
                hidden = Linear(4, 3)
                output = Linear(3, 2)
                scale = Parameter(ones([1]))
                super.init()
            }
            override func forward(_ X: Tensor) -> Tensor {
                output(relu(hidden(X))) * scale
            }
        }

        """

    @Test func cellClassParametersAreFoundInPyTorchsOrder() throws {
        let text = try output(Self.twoLayerNet + """
            let net = TwoLayer()
            print(net.parameters().map { $0.shape })
            print(net(rand(5, 4)).shape)
            """)
        // As PyTorch: a module's own parameters, then its children's, depth first.
        #expect(text == "[[1], [3, 4], [3], [2, 3], [2]]\n[5, 2]\n")
    }

    @Test func arraysOfModulesAndOptionalChildrenAreFound() throws {
        let text = try output("""
            class Stack: Module {
                let blocks: [Module]
                let extra: Linear?
                let missing: Linear?
                init() {
                    blocks = [Linear(2, 2), Sequential(Linear(2, 2), ReLU())]
                    extra = Linear(2, 1)
                    missing = nil
                    super.init()
                }
                override func forward(_ X: Tensor) -> Tensor { X }
            }
            let s = Stack()
            print(s.parameters().count)
            for (name, child) in s.namedChildren() { print(name, child) }
            """)
        #expect(text == """
            6
            blocks.0 Linear(2, 2)
            blocks.1 Sequential(
              (0): Linear(2, 2)
              (1): ReLU()
            )
            extra Linear(2, 1)

            """)
    }

    @Test func aSharedLayerIsTrainedOnce() throws {
        let text = try output("""
            let shared = Linear(3, 3)
            let net = Sequential(shared, ReLU(), shared)
            print(net.parameters().count)
            """)
        #expect(text == "2\n")
    }

    @Test func trainAndEvalReachCellAndLibraryDescendants() throws {
        let text = try output(Self.twoLayerNet + """
            class Probe: Module {
                override func forward(_ X: Tensor) -> Tensor {
                    print("training:", isTraining)
                    return X
                }
            }
            let inner = Probe()
            let net = Sequential(Sequential(inner, BatchNorm1d(2)), TwoLayer())
            net.eval()
            print(net.isTraining, net[0][1].isTraining, inner.isTraining)
            _ = net(rand(3, 2).reshape(3, 2).detached())
            net.train()
            print(net[0][1].isTraining, inner.isTraining)
            """.replacingOccurrences(of: "TwoLayer())", with: "Linear(2, 4))"))
        #expect(text == "false false false\ntraining: false\ntrue true\n")
    }

    @Test func sequentialNamesChildrenByPositionOrByName() throws {
        let text = try output("""
            let net = Sequential(Conv2d(1, 2, kernelSize: 3), ReLU())
            net.append(Flatten())
            net.add("head", Linear(8, 2))
            print(net.namedChildren().map { $0.0 }, net.count)
            print(net(rand(1, 1, 4, 4)).shape)
            """)
        #expect(text == "[\"0\", \"1\", \"2\", \"head\"] 4\n[1, 2]\n")
    }

    @Test func printShowsTheTreeWithHyperParameters() throws {
        let text = try output(Self.twoLayerNet + """
            let net = Sequential(Conv2d(1, 6, kernelSize: 5, padding: 2), BatchNorm2d(6), Sigmoid(),
                                 MaxPool2d(kernelSize: 2, stride: 2), AvgPool2d(kernelSize: 2), GlobalAvgPool2d(),
                                 Flatten(), BatchNorm1d(6, momentum: 0.2), Linear(6, 4, bias: false))
            net.add("tail", TwoLayer())
            print(net)
            """)
        #expect(text == """
            Sequential(
              (0): Conv2d(1, 6, kernelSize: 5, stride: 1, padding: 2)
              (1): BatchNorm2d(6, eps: 1e-05, momentum: 0.1)
              (2): Sigmoid()
              (3): MaxPool2d(kernelSize: 2, stride: 2, padding: 0)
              (4): AvgPool2d(kernelSize: 2, stride: 2, padding: 0)
              (5): GlobalAvgPool2d()
              (6): Flatten()
              (7): BatchNorm1d(6, eps: 1e-05, momentum: 0.2)
              (8): Linear(6, 4, bias: false)
              (tail): TwoLayer(
                note: "plain"
                (hidden): Linear(4, 3)
                (output): Linear(3, 2)
              )
            )

            """)
    }

    @Test func layersExposeTheirTensorsAndSettings() throws {
        let text = try output("""
            let conv = Conv2d(3, 8, kernelSize: 3, stride: 2)
            let bn = BatchNorm2d(8)
            print(conv.weight.shape, conv.bias!.shape, conv.stride, bn.runningVar.shape, bn.momentum)
            let m: Module = conv
            let layers: [Module] = [conv, bn]
            print(layers.count, m.parameters().count)
            """)
        #expect(text == "[8, 3, 3, 3] [8] 2 [8] 0.1\n2 2\n")
    }

    @Test func badModuleUseIsAPositionedError() throws {
        let notAModule = failure("let net = Sequential(Linear(2, 2), 3)")
        #expect(notAModule?.message == .cannotConvert(from: "Int", to: "Module"))
        let zeroChannels = failure("let c = Conv2d(0, 4, kernelSize: 3)")
        #expect(zeroChannels?.message == .library(LibraryError.belowOne(callee: "Conv2d", argument: "inChannels", got: 0)))
        #expect(zeroChannels?.message.description == "'Conv2d' needs inChannels of 1 or more, got 0")
        let huge = failure("let c = Conv2d(100000, 100000, kernelSize: 3)")
        #expect(huge?.message == .library(LibraryError.tensorTooLarge(callee: "Conv2d")))
        #expect(huge?.message.description == "'Conv2d' would make a tensor of more than 2^31 elements")
        let overflowing = failure("let c = Conv2d(100000000, 100000000, kernelSize: 100000000)")
        #expect(overflowing?.message == .library(LibraryError.tensorTooLarge(callee: "Conv2d")))
        #expect(overflowing?.message.description == "'Conv2d' would make a tensor of more than 2^31 elements")
        let hugeLinear = failure("let l = Linear(9223372036854775807, 3)")
        #expect(hugeLinear?.message == .library(LibraryError.tensorTooLarge(callee: "Linear")))
        #expect(hugeLinear?.message.description == "'Linear' would make a tensor of more than 2^31 elements")
        let hugeZeros = failure("let z = zeros(4294967296, 4294967296, 4294967296)")
        #expect(hugeZeros?.message == .library(LibraryError.tensorTooLarge(callee: "zeros")))
        #expect(hugeZeros?.message.description == "'zeros' would make a tensor of more than 2^31 elements")
        let farPadding = failure("Conv2d(1, 1, kernelSize: 3, padding: 9223372036854775807)(rand(1, 1, 2, 2))")
        #expect(farPadding?.message == .library(TensorError.convolutionGeometryTooLarge(limit: 268_435_456)))
        #expect(farPadding?.message.description == "conv2d kernel, stride and padding must each be at most 268435456")
        let farStride = failure("MaxPool2d(kernelSize: 2, stride: 4611686018427387904)(rand(1, 1, 2, 2))")
        #expect(farStride?.message == .library(TensorError.poolingGeometryTooLarge(op: "maxPool2d", limit: 268_435_456)))
        #expect(farStride?.message.description == "maxPool2d kernelSize and stride must each be at most 268435456")
        let noForward = failure("class Empty: Module {}\nlet s = Sequential(Empty())\ns(rand(1, 2))")
        #expect(noForward?.message == .library(LibraryError.forwardNotOverridden(type: "Empty")))
        #expect(noForward?.message.description == "'Empty' does not override forward(_:)")
        let notATensor = failure("""
            class Scalar: Module {
                override func forward(_ X: Tensor) -> Double { 1.5 }
            }
            Sequential(Scalar())(rand(2, 2))
            """)
        #expect(notATensor?.message == .cannotConvert(from: "Double", to: "Tensor (the result of 'Scalar.forward')"))
        let loop = failure("let s = Sequential(Linear(2, 2))\nlet t = Sequential(s)\ns.add(\"back\", t)")
        #expect(loop?.message == .library(ModuleError.sequentialContainsItself))
        #expect(loop?.message.description == "a Sequential cannot contain itself")
        let misspelled = failure("class Net: Module {\n    override func forwards(_ X: Tensor) -> Tensor { X }\n}")
        #expect(misspelled?.message == .misplaced("method 'forwards' does not override any method from its superclass"))
    }

    @Test func aShapeMismatchNamesTheLayer() throws {
        let code = "let net = Sequential(Flatten(), Linear(10, 4), ReLU())\nlet y = net(rand(2, 3, 3))"
        let error = failure(code)
        let mismatch = ModuleError.inputShape(layer: "Linear(10, 4)", expected: "[..., 10]", got: [2, 9])
        #expect(error?.message == .library(LayerError(path: ["1"], layer: "Linear", underlying: mismatch)))
        #expect(error?.message.description == "in layer 1: Linear(10, 4) expects input of shape [..., 10], got [2, 9]")
        #expect(error?.offset == code.utf8Offset(of: "net(rand"))
    }

    @Test func anErrorInsideACellModuleKeepsItsPosition() throws {
        let code = """
            class Bad: Module {
                override func forward(_ X: Tensor) -> Tensor {
                    return X + ones(7)
                }
            }
            let net = Sequential(ReLU(), Bad())
            net(rand(2, 3))
            """
        let error = failure(code)
        #expect(error?.message == .library(TensorError.cannotBroadcast(verb: "add", [2, 3], [7])))
        #expect(error?.offset == code.utf8Offset(of: "+ ones"))
        #expect(error?.trace.first?.function == "Bad.forward")
    }

    @Test func aModuleThatContainsItselfPrintsAndTrains() throws {
        let text = try output("""
            class Loop: Module {
                var next: Module? = nil
                let layer = Linear(2, 2)
                override func forward(_ X: Tensor) -> Tensor { layer(X) }
            }
            let a = Loop()
            a.next = a
            print(a)
            print(a.parameters().count)
            a.eval()
            print(a.isTraining)
            """)
        #expect(text == "Loop(\n  (next): Loop(...)\n  (layer): Linear(2, 2)\n)\n2\nfalse\n")
    }
}
