/// `print(net)`: the module tree, nested and indented, each module with its
/// hyper-parameters, as PyTorch's repr prints it.
extension Module: CustomStringConvertible {
    public var description: String {
        var path = Set<ObjectIdentifier>()
        return lines(indent: "", path: &path).joined(separator: "\n")
    }

    /// `path` holds the modules being printed above this one: a module that contains
    /// itself (a cell can build one) is named, not expanded forever.
    private func lines(indent: String, path: inout Set<ObjectIdentifier>) -> [String] {
        guard path.insert(identity).inserted else { return ["\(typeName)(...)"] }
        defer { path.remove(identity) }
        let childIndent = indent + "  "
        var body: [String] = []
        for member in members() {
            switch member {
            case .child(let name, let module):
                body += Module.labelled(name, module.lines(indent: childIndent, path: &path), indent: childIndent)
            case .children(let name, let modules):
                var list = ["["]
                for (index, module) in modules.enumerated() {
                    list += Module.labelled(String(index), module.lines(indent: childIndent + "  ", path: &path), indent: childIndent + "  ")
                }
                list.append(childIndent + "]")
                body += Module.labelled(name, list, indent: childIndent)
            case .parameter:
                continue
            }
        }
        guard !body.isEmpty else { return ["\(typeName)(\(hyperParameters))"] }
        // With children, hyper-parameters go on a line of their own, as in PyTorch.
        let settings = hyperParameters.isEmpty ? [] : [childIndent + hyperParameters]
        return ["\(typeName)("] + settings + body + [indent + ")"]
    }

    /// A child's lines with `(name): ` before the first one.
    private static func labelled(_ name: String, _ lines: [String], indent: String) -> [String] {
        guard let first = lines.first else { return [] }
        return [indent + "(\(name)): " + first] + lines.dropFirst()
    }
}
