import LitDiagnostics

/// Why `loadStateDict` refused a state dict: as PyTorch's strict loading, the keys must
/// be exactly the module's and each tensor must have its shape.
public enum StateDictError: ErrorMessage, Equatable {
    /// Keys of the module that the state dict lacks, and keys it has that the module does not.
    case keys(module: String, missing: [String], unexpected: [String])
    case shapeMismatch(key: String, module: String, expected: [Int], got: [Int])

    public var description: String {
        switch self {
        case .keys(let module, let missing, let unexpected):
            var parts: [String] = []
            if !missing.isEmpty { parts.append("missing \(StateDictError.keyList(missing)) that \(module) has") }
            if !unexpected.isEmpty { parts.append("unexpected \(StateDictError.keyList(unexpected)) that \(module) does not have") }
            return "the state dict does not fit \(module): " + parts.joined(separator: "; ")
                + "; its keys must be exactly those of stateDict()"
        case .shapeMismatch(let key, let module, let expected, let got):
            return "the state dict's \"\(key)\" has shape \(got), but \(module)'s has shape \(expected)"
        }
    }

    private static func keyList(_ keys: [String]) -> String {
        (keys.count == 1 ? "key " : "keys ") + keys.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
