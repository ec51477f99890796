/// A type annotation, checked when a value is bound to it.
indirect enum TypeRef: CustomStringConvertible {
    case named(String)
    case array(TypeRef)
    case optional(TypeRef)
    case tuple([TypeRef])
    case function([TypeRef], TypeRef)

    var description: String {
        switch self {
        case .named(let n): n
        case .array(let t): "[\(t)]"
        case .optional(let t): "\(t)?"
        case .tuple(let ts): "(" + ts.map(\.description).joined(separator: ", ") + ")"
        case .function(let ps, let r): "(" + ps.map(\.description).joined(separator: ", ") + ") -> \(r)"
        }
    }
}
