import LitTensor

/// PyTorch's `state_dict()` and `load_state_dict()`: a module's parameters and buffers by
/// name, to save them and to put them back into a module of the same architecture.
extension Module {
    /// Every parameter and buffer, named as PyTorch's `state_dict()` names them: each
    /// module's own parameters, then its buffers, then its children's entries, prefixed by
    /// the path to them (`0.weight`, `hidden.bias`, `1.running_mean`). As in PyTorch, a
    /// module reached by two paths appears under both names.
    ///
    /// The tensors are the module's own values detached from the gradient graph, as
    /// PyTorch's are: they share values with the module, so a change to the module shows
    /// in them until they are saved.
    public func stateDict() -> [(name: String, tensor: Tensor)] {
        stateTensors().map { ($0.name, $0.tensor.detached()) }
    }

    /// Copies `entries` into the module's parameters and buffers in place, recording no
    /// graph, as PyTorch's `load_state_dict(strict=True)`: the keys must be exactly the
    /// module's state-dict keys and every shape must match. Nothing is copied unless all
    /// of them check out. A key given twice takes its last value.
    public func loadStateDict(_ entries: [(name: String, tensor: Tensor)]) throws(StateDictError) {
        let targets = stateTensors()
        var given: [String: Tensor] = [:]
        for (name, tensor) in entries { given[name] = tensor }
        let expected = Set(targets.map(\.name))
        let missing = targets.map(\.name).filter { given[$0] == nil }
        var unexpected: [String] = []
        for (name, _) in entries where !expected.contains(name) && !unexpected.contains(name) { unexpected.append(name) }
        guard missing.isEmpty && unexpected.isEmpty else {
            throw .keys(module: typeName, missing: missing, unexpected: unexpected)
        }
        for (name, target) in targets where given[name]!.shape != target.shape {
            throw .shapeMismatch(key: name, module: typeName, expected: target.shape, got: given[name]!.shape)
        }
        for (name, target) in targets {
            // Through an array, as the source may be a view of the target itself.
            let values = given[name]!.scalars
            target.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: values) }
        }
    }

    /// The tensors a state dict names, undetached: the ones loading writes into.
    private func stateTensors() -> [(name: String, tensor: Tensor)] {
        var result: [(name: String, tensor: Tensor)] = []
        // The modules on the path from the root: a cell object that holds one of its
        // ancestors must not send the walk round forever.
        var ancestors = Set<ObjectIdentifier>()
        func walk(_ module: Module, prefix: String) {
            guard ancestors.insert(module.identity).inserted else { return }
            defer { ancestors.remove(module.identity) }
            for case .parameter(let name, let tensor) in module.members() { result.append((prefix + name, tensor)) }
            for (name, tensor) in module.ownBuffers() { result.append((prefix + name, tensor)) }
            for (name, child) in module.namedChildren() { walk(child, prefix: prefix + name + ".") }
        }
        walk(self, prefix: "")
        return result
    }
}
