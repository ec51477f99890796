import LitLanguage
import Testing

/// `is`, `as?`, `as!` and `as`, with Swift's meanings and precedence.
@Suite struct CastsTests {
    @Test func testsFollowClassesLibraryKindsAndSwiftTypes() throws {
        let text = try output("""
            class Block: Module {
                let inner = Linear(2, 2)
                override func forward(_ x: Tensor) -> Tensor { inner(x) }
            }
            class Wide: Block {}
            let net = Sequential(Linear(4, 3), ReLU(), Wide())
            print(net[0] is Linear, net[1] is Linear, net[1] is Module, net is Sequential)
            print(net[2] is Block, net[2] is Wide, Block() is Wide, net[2] is Module)
            print(3 is Int, 3.5 is Int, "a" is String, [1, 2] is [Int], tensor([1.0]) is Tensor)
            let anything: Any = SGD(net.parameters(), lr: 0.1)
            print(anything is Optimizer, anything is Adam)
            """)
        #expect(text == "true false true true\ntrue true false true\ntrue false true true true\ntrue false\n")
    }

    /// d2l's `init_weights(m)`: `if type(m) == nn.Linear: nn.init.normal_(m.weight, std=0.01)`.
    @Test func applyInitialisesTheLinearLayersOnly() throws {
        let text = try output("""
            let net = Sequential(Linear(4, 3), ReLU(), Linear(3, 2))
            net.apply { m in
                if m is Linear { m.weight.fill(0.5) }
            }
            print(net[0].weight.mean().item(), net[2].weight.mean().item())
            """)
        #expect(text == "0.5 0.5\n")
    }

    @Test func conditionalForcedAndLiteralCasts() throws {
        let text = try output("""
            let layers = [Linear(2, 2), ReLU()]
            print(layers[0] as? Linear != nil, layers[1] as? Linear)
            if let linear = layers[0] as? Linear { print(linear.weight.shape) }
            print((layers[0] as! Linear).bias!.shape, 1 as Double, 1 + 2 as Int)
            let n: Int? = nil
            print(n as? Int)
            """)
        #expect(text == "true nil\n[2, 2]\n[2] 1.0 3\nnil\n")
    }

    /// Casts bind tighter than `==` and `??`, looser than arithmetic, as in Swift.
    @Test func precedence() throws {
        #expect(try output("print(1 + 2 is Int, true == 2 is Int, (nil as Int?) ?? 4)") == "true true 4\n")
    }

    @Test func failuresAndUnknownTypesAreErrors() {
        #expect(failure("print(ReLU() as! Linear)")?.message == .castFailed(from: "ReLU", to: "Linear"))
        #expect(failure("print(ReLU() as! Linear)")?.message.text == "could not cast value of type 'ReLU' to 'Linear'")
        #expect(failure("print(1.5 as Int)")?.message == .castFailed(from: "Double", to: "Int"))
        let misspelt = failure("print(ReLU() is Linaer)")
        #expect(misspelt?.message == .undefinedType("Linaer", suggestion: "Linear"))
        #expect(misspelt?.message.text == "cannot find type 'Linaer' in scope; did you mean 'Linear'?")
        #expect(failure("print(1 as? [Strng])")?.message == .undefinedType("Strng", suggestion: "String"))
    }
}
