/// An expression node. A class, so that the interpreter can hang cached lookups on it.
package final class Expr {
    package let kind: ExprKind
    /// Byte offset in the cell's code.
    package let offset: Int
    /// An integer literal, or an expression of them that Swift would also type as
    /// `Double` where one is wanted (`2`, `-1`, `(1 + 2) * 3`, `[1, 2]`).
    package let isIntegerLiteral: Bool
    /// The value of an expression made only of integer literals when Swift types its
    /// literals as `Double`: `1 / 2` is 0.5 next to a `Double`, though it is 0 as an `Int`.
    package let literalDouble: Double?

    package init(_ kind: ExprKind, at offset: Int) {
        self.kind = kind
        self.offset = offset
        self.isIntegerLiteral = Expr.isIntegerLiteral(kind)
        self.literalDouble = Expr.literalDouble(kind)
    }

    private static func literalDouble(_ kind: ExprKind) -> Double? {
        switch kind {
        case .integer(let n): return Double(n)
        case .prefix("-", let operand): return operand.literalDouble.map { -$0 }
        case .binary(let op, let lhs, let rhs):
            guard let a = lhs.literalDouble, let b = rhs.literalDouble else { return nil }
            switch op {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            case "/": return a / b
            default: return nil
            }
        default: return nil
        }
    }

    private static func isIntegerLiteral(_ kind: ExprKind) -> Bool {
        switch kind {
        case .integer: true
        case .array(let elements): !elements.isEmpty && elements.allSatisfy(\.isIntegerLiteral)
        // `let rates: [String: Double] = ["lr": 1]`: the values adapt.
        case .dictionary(let entries): !entries.isEmpty && entries.allSatisfy { $0.value.isIntegerLiteral }
        case .ternary(_, let then, let otherwise): then.isIntegerLiteral && otherwise.isIntegerLiteral
        // Not `/`: `1 / 2 * x` is 0.5 * x in Swift, but integer division gives 0.
        case .binary(let op, let lhs, let rhs): ["+", "-", "*"].contains(op) && lhs.isIntegerLiteral && rhs.isIntegerLiteral
        case .prefix("-", let operand): operand.isIntegerLiteral
        default: false
        }
    }
}

/// What a cast does with a value that is not of its type.
package enum CastKind: Equatable {
    /// `is`: says whether it is.
    case test
    /// `as?`: gives nil.
    case conditional
    /// `as!`: stops with an error.
    case forced
    /// `as`: converts a literal (`1 as Double`), and is otherwise an error.
    case coercion
}

package indirect enum ExprKind {
    case integer(Int)
    case floating(Double)
    case boolean(Bool)
    case string([StringPart])
    case nilLiteral
    case array([Expr])
    case dictionary([(key: Expr, value: Expr)])
    /// A parenthesised list of two or more elements, or a labelled one.
    case tuple([(label: String?, value: Expr)])
    case name(String)
    case dollar(Int)
    case selfRef
    case superRef
    case member(Expr, String, optionalChain: Bool)
    case call(Expr, [Argument])
    case subscriptAccess(Expr, [Argument])
    case prefix(String, Expr)
    case binary(String, Expr, Expr)
    /// `3...` (no upper bound), as in `case 3...:` or `xs[2...]`.
    case rangeFrom(Expr)
    /// `..<5` or `...4` (no lower bound).
    case rangeUpTo(Expr, closed: Bool)
    /// `...` alone, Swift's UnboundedRange: the whole collection, or a whole dimension
    /// of a tensor (`t[..., 2..<6]`).
    case unboundedRange
    /// `x is T`, `x as? T`, `x as! T` and `x as T`.
    case cast(Expr, TypeRef, CastKind)
    case ternary(Expr, Expr, Expr)
    /// `=`, `+=`, `-=`, `*=`, `/=`; `target` is a name, member or subscript, or `_`.
    case assign(String, target: Expr, value: Expr)
    case closure(ClosureLiteral)
    case forceUnwrap(Expr)
    /// An operator used as a function value, as in `reduce(0, +)`.
    case operatorFunction(String)
    case discard
}

package struct Argument {
    package var label: String?
    package var value: Expr
}

package enum StringPart {
    case text(String)
    case interpolation(Expr)
}

package final class ClosureLiteral {
    /// nil when the closure names its arguments `$0`, `$1`...
    package let parameters: [String]?
    package let body: [Stmt]
    package let usesDollars: Int

    package init(parameters: [String]?, body: [Stmt], usesDollars: Int) {
        self.parameters = parameters
        self.body = body
        self.usesDollars = usesDollars
    }
}
