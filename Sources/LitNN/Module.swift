import LitTensor

/// The base class of every layer and model, as PyTorch's `nn.Module`.
///
/// A module's children and trainable tensors are whatever its stored properties hold:
/// modules, arrays of modules, and tensors that require a gradient. Nothing is
/// registered by hand. A module is a class because models are shared and mutated in
/// place: an optimizer and a training loop hold the same parameters.
open class Module {
    private var trainingFlag = true

    public init() {}

    /// True in training mode (BatchNorm normalises with the batch's statistics), false
    /// after `eval()`.
    open var isTraining: Bool {
        get { trainingFlag }
        set { trainingFlag = newValue }
    }

    /// The module's computation; every layer overrides it.
    open func forward(_ input: Tensor) throws -> Tensor {
        throw ModuleError.forwardNotOverridden(type: typeName)
    }

    public final func callAsFunction(_ input: Tensor) throws -> Tensor {
        try forward(input)
    }

    /// The name `print` shows.
    open var typeName: String { String(describing: type(of: self)) }

    /// The hyper-parameters `print` shows, spelled as in the call that makes the module:
    /// `1, 6, kernelSize: 5, stride: 1`.
    open var hyperParameters: String { "" }

    /// The module's own members in declaration order: children, lists of children and
    /// trainable tensors. Native layers are read by reflection; cell classes from their fields.
    open func members() -> [ModuleMember] {
        ModuleMember.reflected(from: self)
    }

    /// The module's own buffers: tensors that are state but not trained, which a state
    /// dict carries with the parameters (BatchNorm's running statistics), named as
    /// PyTorch names them.
    open func ownBuffers() -> [(name: String, tensor: Tensor)] { [] }

    /// What tells two modules apart; an adapter over a cell object answers for the object.
    open var identity: ObjectIdentifier { ObjectIdentifier(self) }
}

extension Module {
    /// The direct children, named as PyTorch names them; a child in an array `blocks` is
    /// `blocks.0`, `blocks.1`, ...
    public func namedChildren() -> [(name: String, module: Module)] {
        members().flatMap { member -> [(name: String, module: Module)] in
            switch member {
            case .child(let name, let module): [(name, module)]
            case .children(let name, let modules): modules.enumerated().map { ("\(name).\($0.offset)", $0.element) }
            case .parameter: []
            }
        }
    }

    /// Every trainable tensor of this module and its descendants, each once, in
    /// declaration order (a tensor shared by two layers is trained once).
    public func parameters() -> [Tensor] {
        var seen = Set<ObjectIdentifier>()
        var result: [Tensor] = []
        visit { module in
            for case .parameter(_, let tensor) in module.members() where seen.insert(ObjectIdentifier(tensor)).inserted {
                result.append(tensor)
            }
        }
        return result
    }

    /// Every trainable tensor with the name PyTorch's `named_parameters()` gives it: each
    /// module's own parameters, then its children's, prefixed by the path to them (`0.weight`,
    /// `hidden.bias`, `blocks.1.conv.weight`). A tensor or module reached twice appears once.
    public func namedParameters() -> [(name: String, tensor: Tensor)] {
        var seenTensors = Set<ObjectIdentifier>(), seenModules = Set<ObjectIdentifier>()
        var result: [(name: String, tensor: Tensor)] = []
        func walk(_ module: Module, prefix: String) {
            guard seenModules.insert(module.identity).inserted else { return }
            let members = module.members()
            for case .parameter(let name, let tensor) in members where seenTensors.insert(ObjectIdentifier(tensor)).inserted {
                result.append((prefix + name, tensor))
            }
            for (name, child) in module.namedChildren() { walk(child, prefix: prefix + name + ".") }
        }
        walk(self, prefix: "")
        return result
    }

    /// Switches this module and all its descendants to training mode.
    public func train() { setTraining(true) }

    /// Switches this module and all its descendants to evaluation mode.
    public func eval() { setTraining(false) }

    public func setTraining(_ training: Bool) {
        visit { $0.isTraining = training }
    }

    /// Calls `body` on this module and each descendant, parents first; a module reached
    /// twice (shared between two parents) is visited once.
    public func visit(_ body: (Module) -> Void) {
        var seen = Set<ObjectIdentifier>()
        func walk(_ module: Module) {
            guard seen.insert(module.identity).inserted else { return }
            body(module)
            for (_, child) in module.namedChildren() { walk(child) }
        }
        walk(self)
    }
}
