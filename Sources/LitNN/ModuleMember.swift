import LitTensor

/// One member of a module that matters to training and printing.
public enum ModuleMember {
    case child(String, Module)
    /// An array of modules, as `let blocks: [Module]`.
    case children(String, [Module])
    /// A trainable tensor (one that requires a gradient).
    case parameter(String, Tensor)

    /// The members of a native layer, read from its stored properties (its own class's
    /// and its superclasses'), in declaration order.
    package static func reflected(from module: Module) -> [ModuleMember] {
        Mirror.storedProperties(of: module).compactMap { ModuleMember(name: $0.label, value: $0.value) }
    }

    private init?(name: String, value: Any) {
        switch value {
        case let module as Module: self = .child(name, module)
        case let modules as [Module] where !modules.isEmpty: self = .children(name, modules)
        case let tensor as Tensor where tensor.requiresGrad: self = .parameter(name, tensor)
        default: return nil
        }
    }
}
