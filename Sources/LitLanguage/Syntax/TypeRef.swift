/// A type annotation, checked when a value is bound to it.
package indirect enum TypeRef: CustomStringConvertible {
    case named(String)
    case array(TypeRef)
    case dictionary(TypeRef, TypeRef)
    case optional(TypeRef)
    /// `labels` is nil when no element is labelled.
    case tuple([TypeRef], labels: [String?]?)
    case function([TypeRef], TypeRef)

    package var description: String {
        switch self {
        case .named(let n): n
        case .array(let t): "[\(t)]"
        case .dictionary(let k, let v): "[\(k): \(v)]"
        case .optional(let t): "\(t)?"
        case .tuple(let ts, let labels):
            "(" + ts.enumerated().map { (labels?[$0.offset].map { "\($0): " } ?? "") + $0.element.description }
                .joined(separator: ", ") + ")"
        case .function(let ps, let r): "(" + ps.map(\.description).joined(separator: ", ") + ") -> \(r)"
        }
    }
}
