import LitNN
import LitRandom
import LitTensor
import LitTensorTestSupport
import Testing

/// `stateDict()` and `loadStateDict(_:)` from plain Swift: PyTorch's names and order,
/// values shared with the module, and strict loading.
@Suite struct StateDictTests {
    static func mlp(seed: UInt64) -> Sequential {
        var random = SplitMix64(seed: seed)
        return Sequential(Linear(4, 8, using: &random), ReLU(), Linear(8, 3, using: &random))
    }

    static func batchNormNet(seed: UInt64) -> Sequential {
        var random = SplitMix64(seed: seed)
        return Sequential(Linear(4, 8, using: &random), BatchNorm1d(8), ReLU(), Linear(8, 2, using: &random))
    }

    @Test func namesAndOrderArePyTorchs() {
        #expect(Self.mlp(seed: 0).stateDict().map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias"])
        #expect(Self.batchNormNet(seed: 0).stateDict().map(\.name)
                == ["0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var", "3.weight", "3.bias"])
        // A module reached by two paths appears under both, as in PyTorch's state_dict.
        var random = SplitMix64(seed: 1)
        let shared = Linear(3, 3, using: &random)
        let net = Sequential(shared, ReLU(), shared)
        #expect(net.stateDict().map(\.name) == ["0.weight", "0.bias", "2.weight", "2.bias"])
        #expect(net.namedParameters().map(\.name) == ["0.weight", "0.bias"])
    }

    @Test func entriesAreDetachedButShareTheModulesValues() throws {
        let net = Self.batchNormNet(seed: 2)
        let entries = net.stateDict()
        #expect(entries.allSatisfy { !$0.tensor.requiresGrad })
        let linear = net.namedChildren()[0].module as! Linear
        linear.weight.fill(7)
        #expect(entries[0].tensor.scalars.allSatisfy { $0 == 7 })
    }

    @Test func loadingMakesAFreshNetworkComputeTheSame() throws {
        var random = SplitMix64(seed: 5)
        let x = Tensor.randn([6, 4], using: &random)
        for (trained, fresh) in [(Self.mlp(seed: 3), Self.mlp(seed: 4)), (Self.batchNormNet(seed: 3), Self.batchNormNet(seed: 4))] {
            // A training-mode pass moves BatchNorm's running statistics away from their start.
            _ = try trained(x)
            trained.eval()
            fresh.eval()
            #expect(try fresh(x).scalars != trained(x).scalars)
            try fresh.loadStateDict(trained.stateDict())
            #expect(try fresh(x).scalars == trained(x).scalars)
            #expect(zip(fresh.stateDict(), trained.stateDict()).allSatisfy { $0.name == $1.name && $0.tensor.scalars == $1.tensor.scalars })
            // Copied, not shared: the fresh network keeps its own tensors.
            #expect(fresh.parameters().allSatisfy { $0.requiresGrad && $0.grad == nil })
            (trained.namedChildren()[0].module as! Linear).weight.fill(0)
            #expect(try fresh(x).scalars != trained(x).scalars)
        }
    }

    @Test func strictLoadingNamesTheKeysAndShapesThatDoNotFit() throws {
        let net = Self.mlp(seed: 0)
        let before = net.parameters().map(\.scalars)
        var missing = Self.mlp(seed: 1).stateDict()
        missing.removeLast()
        expectThrows(StateDictError.keys(module: "Sequential", missing: ["2.bias"], unexpected: []),
                     text: "the state dict does not fit Sequential: missing key \"2.bias\" that Sequential has; "
                         + "its keys must be exactly those of stateDict()") {
            try net.loadStateDict(missing)
        }
        let extra = Self.mlp(seed: 1).stateDict() + [("3.weight", Tensor.zeros([1]))]
        expectThrows(StateDictError.keys(module: "Sequential", missing: [], unexpected: ["3.weight"]),
                     text: "the state dict does not fit Sequential: unexpected key \"3.weight\" that Sequential does not have; "
                         + "its keys must be exactly those of stateDict()") {
            try net.loadStateDict(extra)
        }
        let renamed = Self.mlp(seed: 1).stateDict().map { ($0.name == "0.bias" ? "0.b" : $0.name, $0.tensor) }
        #expect(throws: StateDictError.keys(module: "Sequential", missing: ["0.bias"], unexpected: ["0.b"])) {
            try net.loadStateDict(renamed)
        }
        var random = SplitMix64(seed: 0)
        let wider = Sequential(Linear(4, 9, using: &random), ReLU(), Linear(9, 3, using: &random))
        expectThrows(StateDictError.shapeMismatch(key: "0.weight", module: "Sequential", expected: [8, 4], got: [9, 4]),
                     text: "the state dict's \"0.weight\" has shape [9, 4], but Sequential's has shape [8, 4]") {
            try net.loadStateDict(wider.stateDict())
        }
        // Nothing was copied by any of the refused loads.
        #expect(net.parameters().map(\.scalars) == before)
    }
}
