/// A statement node, with its byte offset in the cell's code.
package final class Stmt {
    package let kind: StmtKind
    package let offset: Int

    package init(_ kind: StmtKind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}

package enum StmtKind {
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
    /// Several declarations written as one (`let a = 1, b = 2`), in the enclosing scope.
    case declarations([Stmt])
    case switchStatement(Expr, [SwitchCase], defaultBody: [Stmt]?)
}

package enum Condition {
    case expression(Expr)
    /// `let name = value` (or `var`); `value` is nil for the `if let x` shorthand.
    case optionalBinding(name: String, value: Expr?, offset: Int)
}

package indirect enum Pattern {
    case name(String)
    case wildcard
    case tuple([Pattern])

    package var boundNames: [String] {
        switch self {
        case .name(let n): [n]
        case .wildcard: []
        case .tuple(let ps): ps.flatMap(\.boundNames)
        }
    }
}

/// One `case` of a `switch`: it matches when any pattern matches and the `where` holds.
package struct SwitchCase {
    package var patterns: [CasePattern]
    package var whereClause: Expr?
    package var body: [Stmt]
}

package indirect enum CasePattern {
    case wildcard
    /// `let name`: matches anything and binds it.
    case binding(String)
    /// Matches a value equal to the expression's, or contained in its range.
    case expression(Expr)
    case tuple([CasePattern])

    package var boundNames: [String] {
        switch self {
        case .binding(let name): [name]
        case .tuple(let elements): elements.flatMap(\.boundNames)
        case .wildcard, .expression: []
        }
    }
}
