/// An expression node. A class, so that the interpreter can hang cached lookups on it.
final class Expr {
    let kind: ExprKind
    /// Byte offset in the cell's code.
    let offset: Int
    /// An integer literal, or an expression of them that Swift would also type as
    /// `Double` where one is wanted (`2`, `-1`, `(1 + 2) * 3`, `[1, 2]`).
    let isIntegerLiteral: Bool
    /// The value of an expression made only of integer literals when Swift types its
    /// literals as `Double`: `1 / 2` is 0.5 next to a `Double`, though it is 0 as an `Int`.
    let literalDouble: Double?

    init(_ kind: ExprKind, at offset: Int) {
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
        case .ternary(_, let then, let otherwise): then.isIntegerLiteral && otherwise.isIntegerLiteral
        // Not `/`: `1 / 2 * x` is 0.5 * x in Swift, but integer division gives 0.
        case .binary(let op, let lhs, let rhs): ["+", "-", "*"].contains(op) && lhs.isIntegerLiteral && rhs.isIntegerLiteral
        case .prefix("-", let operand): operand.isIntegerLiteral
        default: false
        }
    }
}

struct Argument {
    var label: String?
    var value: Expr
}

enum StringPart {
    case text(String)
    case interpolation(Expr)
}

indirect enum ExprKind {
    case integer(Int)
    case floating(Double)
    case boolean(Bool)
    case string([StringPart])
    case nilLiteral
    case array([Expr])
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
    case ternary(Expr, Expr, Expr)
    /// `=`, `+=`, `-=`, `*=`, `/=`; `target` is a name, member or subscript, or `_`.
    case assign(String, target: Expr, value: Expr)
    case closure(ClosureLiteral)
    case forceUnwrap(Expr)
    /// An operator used as a function value, as in `reduce(0, +)`.
    case operatorFunction(String)
    case discard
}

final class ClosureLiteral {
    /// nil when the closure names its arguments `$0`, `$1`...
    let parameters: [String]?
    let body: [Stmt]
    let usesDollars: Int

    init(parameters: [String]?, body: [Stmt], usesDollars: Int) {
        self.parameters = parameters
        self.body = body
        self.usesDollars = usesDollars
    }
}

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

indirect enum Pattern {
    case name(String)
    case wildcard
    case tuple([Pattern])

    var boundNames: [String] {
        switch self {
        case .name(let n): [n]
        case .wildcard: []
        case .tuple(let ps): ps.flatMap(\.boundNames)
        }
    }
}

struct Parameter {
    /// The argument label callers write; nil for `_`.
    var label: String?
    var name: String
    var type: TypeRef?
    var defaultValue: Expr?
    var isVariadic: Bool
}

final class FunctionDecl {
    let name: String
    let parameters: [Parameter]
    let returnType: TypeRef?
    let body: [Stmt]
    let isOverride: Bool
    let offset: Int
    /// The cell this function was written in, for positions in call traces.
    var cell: Int = 0
    /// A computed property's getter: reading the member runs it.
    var isComputedProperty = false

    init(name: String, parameters: [Parameter], returnType: TypeRef?, body: [Stmt], isOverride: Bool, at offset: Int) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.isOverride = isOverride
        self.offset = offset
    }
}

final class PropertyDecl {
    let isConstant: Bool
    let name: String
    let type: TypeRef?
    let initialValue: Expr?
    let offset: Int

    init(isConstant: Bool, name: String, type: TypeRef?, initialValue: Expr?, at offset: Int) {
        self.isConstant = isConstant
        self.name = name
        self.type = type
        self.initialValue = initialValue
        self.offset = offset
    }
}

final class ClassDecl {
    let name: String
    let superclass: String?
    let properties: [PropertyDecl]
    let initializers: [FunctionDecl]
    let methods: [FunctionDecl]
    let offset: Int

    init(name: String, superclass: String?, properties: [PropertyDecl], initializers: [FunctionDecl],
         methods: [FunctionDecl], at offset: Int) {
        self.name = name
        self.superclass = superclass
        self.properties = properties
        self.initializers = initializers
        self.methods = methods
        self.offset = offset
    }
}

enum Condition {
    case expression(Expr)
    /// `let name = value` (or `var`); `value` is nil for the `if let x` shorthand.
    case optionalBinding(name: String, value: Expr?, offset: Int)
}

final class Stmt {
    let kind: StmtKind
    let offset: Int

    init(_ kind: StmtKind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}

enum StmtKind {
    case expression(Expr)
    case variable(isConstant: Bool, Pattern, TypeRef?, Expr?)
    case function(FunctionDecl)
    case classDecl(ClassDecl)
    case ifStatement([(conditions: [Condition], body: [Stmt])], elseBody: [Stmt]?)
    case guardStatement([Condition], elseBody: [Stmt])
    case forIn(Pattern, Expr, whereClause: Expr?, body: [Stmt])
    case whileLoop([Condition], body: [Stmt])
    case repeatWhile(body: [Stmt], condition: Expr)
    case returnStatement(Expr?)
    case breakStatement
    case continueStatement
    case block([Stmt])
    case switchStatement(Expr, [SwitchCase], defaultBody: [Stmt]?)
}

/// One `case` of a `switch`: it matches when any pattern matches and the `where` holds.
struct SwitchCase {
    var patterns: [CasePattern]
    var whereClause: Expr?
    var body: [Stmt]
}

indirect enum CasePattern {
    case wildcard
    /// `let name`: matches anything and binds it.
    case binding(String)
    /// Matches a value equal to the expression's, or contained in its range.
    case expression(Expr)
    case tuple([CasePattern])

    var boundNames: [String] {
        switch self {
        case .binding(let name): [name]
        case .tuple(let elements): elements.flatMap(\.boundNames)
        case .wildcard, .expression: []
        }
    }
}
