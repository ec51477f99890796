import LitDiagnostics

/// The argument labels a function accepts, so that calls can be checked before a cell
/// runs: `Signature("_...", "separator=", "terminator=")` is `print`'s.
public struct Signature: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case required
        case defaulted
        case variadic
    }

    public struct Parameter: Sendable, Hashable {
        /// nil for `_`.
        public var label: String?
        public var kind: Kind
    }

    public var parameters: [Parameter]

    public init(parameters: [Parameter]) {
        self.parameters = parameters
    }

    /// Each word is a label (`_` for none); a trailing `=` marks a default value, a
    /// trailing `...` a variadic parameter.
    public init(_ words: String...) {
        parameters = words.map { word in
            var label = Substring(word)
            var kind = Kind.required
            if label.hasSuffix("...") { label = label.dropLast(3); kind = .variadic }
            else if label.hasSuffix("=") { label = label.dropLast(); kind = .defaulted }
            return Parameter(label: label == "_" ? nil : String(label), kind: kind)
        }
    }

    /// Whether a call with these labels binds to the parameters: labels in order,
    /// defaulted ones may be left out, a variadic one takes a run of unlabelled arguments.
    public func accepts(_ labels: [String?]) -> Bool {
        var index = 0
        for parameter in parameters {
            if index < labels.count && labels[index] == parameter.label {
                index += 1
                if parameter.kind == .variadic { while index < labels.count && labels[index] == nil { index += 1 } }
            } else if parameter.kind == .required {
                return false
            }
        }
        return index == labels.count
    }

    /// The labels as Swift spells a full name: `(_:separator:terminator:)`.
    public var description: String {
        Signature.spelling(parameters.map(\.label))
    }

    package static func spelling(_ labels: [String?]) -> String {
        "(" + labels.map { ($0 ?? "_") + ":" }.joined() + ")"
    }

    /// Why a call with `labels` fits none of `signatures`: the wrong number of arguments
    /// when there is one fixed-size form, the wrong labels otherwise.
    package static func mismatch(calling callee: String, with labels: [String?], _ signatures: [Signature]) -> LanguageMessage {
        if labels.contains(where: { $0.map(Sandbox.fileReadingLabels.contains) == true }) {
            return .sandboxed("'\(callee + spelling(labels))'")
        }
        if signatures.count == 1, let only = signatures.first, !only.parameters.contains(where: { $0.kind == .variadic }) {
            let required = only.parameters.filter { $0.kind == .required }.count
            if labels.count > only.parameters.count || labels.count < required {
                return .wrongArgumentCount(callee: callee, expected: only.parameters.count, found: labels.count)
            }
        }
        let expected = signatures.map { callee + $0.description }.joined(separator: "' or '")
        let known = Set(signatures.flatMap { $0.parameters.compactMap(\.label) })
        let suggestion = labels.compactMap { $0 }.first { !known.contains($0) }
            .flatMap { SpellingSuggestion.closest(to: $0, among: known) }
        return .wrongArgumentLabels(callee: callee, expected: expected, found: callee + spelling(labels), suggestion: suggestion)
    }
}

extension Signature {
    package init(_ parameters: [LitLanguage.Parameter]) {
        self.init(parameters: parameters.map {
            .init(label: $0.label, kind: $0.isVariadic ? .variadic : $0.defaultValue == nil ? .required : .defaulted)
        })
    }
}
