import LitTensor

/// Runs its children in order, each on the previous one's output, as `nn.Sequential`.
/// Children added without a name are named by position: "0", "1", ...
public final class Sequential: Module {
    public private(set) var layers: [(name: String, module: Module)] = []

    public init(_ modules: [Module] = []) {
        super.init()
        layers = modules.enumerated().map { (String($0.offset), $0.element) }
    }

    /// Children with their names, as a snapshot restores them.
    package init(namedLayers: [(name: String, module: Module)]) {
        super.init()
        layers = namedLayers
    }

    public convenience init(_ modules: Module...) {
        self.init(modules)
    }

    public func append(_ module: Module) throws(ModuleError) {
        try checkNotAncestor(of: module)
        layers.append((String(layers.count), module))
    }

    /// Adds a named child, as PyTorch's `add_module`; a child of the same name is replaced in place.
    public func add(_ name: String, _ module: Module) throws(ModuleError) {
        try checkNotAncestor(of: module)
        if let index = layers.firstIndex(where: { $0.name == name }) {
            layers[index].module = module
        } else {
            layers.append((name, module))
        }
    }

    public override func forward(_ input: Tensor) throws -> Tensor {
        var output = input
        var index = layers.startIndex
        while index < layers.endIndex {
            let layer = layers[index]
            // A batch norm followed by a ReLU runs as one fused pass each way, with the
            // same values and gradients.
            if let norm = layer.module as? BatchNormalization, index + 1 < layers.endIndex, layers[index + 1].module is ReLU {
                output = try run(layer) { try norm.forwardThenReLU(output) }
                index += 2
            } else {
                output = try run(layer) { try layer.module.forward(output) }
                index += 1
            }
        }
        return output
    }

    /// Runs one layer, naming it in the error it throws.
    private func run(_ layer: (name: String, module: Module), _ body: () throws -> Tensor) throws -> Tensor {
        do {
            return try body()
        } catch var error as LayerError {
            error.path.insert(layer.name, at: 0)
            throw error
        } catch let error as TensorError {
            throw LayerError(path: [layer.name], layer: layer.module.typeName, underlying: error)
        } catch let error as ModuleError {
            throw LayerError(path: [layer.name], layer: layer.module.typeName, underlying: error)
        }
    }

    /// A Sequential inside itself would run forever; only a new Sequential's children
    /// can't contain it, so the check is needed when adding.
    private func checkNotAncestor(of module: Module) throws(ModuleError) {
        var found = false
        module.visit { if $0.identity == identity { found = true } }
        if found { throw .sequentialContainsItself }
    }

    public override func members() -> [ModuleMember] {
        layers.map { .child($0.name, $0.module) }
    }
}
