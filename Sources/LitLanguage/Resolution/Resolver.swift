import LitDiagnostics
/// Checks a cell before it runs: every name must resolve, and calls to functions and
/// classes known statically must use the right labels and argument counts.
package struct Resolver {
    package enum Declaration {
        case value
        case function(FunctionDecl)
        case classDecl(ClassDecl, members: Set<String>)
    }

    /// The names already bound when the cell runs: earlier cells' globals and the built-ins.
    private let lookupGlobal: (String) -> Value?
    /// Every such name, for suggestions.
    private let globalNames: () -> [String]
    package var scopes: [[String: Declaration]] = [[:]]
    /// Members reachable without `self.` inside the class being checked.
    private var classMembers: [Set<String>] = []

    package init(lookupGlobal: @escaping (String) -> Value?, globalNames: @escaping () -> [String] = { [] }) {
        self.lookupGlobal = lookupGlobal
        self.globalNames = globalNames
    }

    package mutating func check(_ statements: [Stmt]) throws(LanguageError) {
        predeclare(statements)
        try checkBlock(statements, newScope: false)
    }

    private mutating func predeclare(_ statements: [Stmt]) {
        for statement in statements {
            switch statement.kind {
            case .function(let f): declare(f.name, .function(f))
            case .classDecl(let c): declare(c.name, .classDecl(c, members: members(of: c)))
            default: break
            }
        }
    }

    package mutating func declare(_ name: String, _ declaration: Declaration) {
        scopes[scopes.count - 1][name] = declaration
    }

    /// The error for a name that does not resolve, with the closest known name.
    package func undefined(_ name: String, at offset: Int) -> LanguageError {
        if Sandbox.unavailableNames.contains(name) { return LanguageError(.sandboxed("'\(name)'"), at: offset) }
        let known = scopes.flatMap(\.keys) + (classMembers.last.map(Array.init) ?? []) + globalNames()
        return LanguageError(.undefinedName(name, suggestion: SpellingSuggestion.closest(to: name, among: known)), at: offset)
    }

    package func find(_ name: String) -> Declaration? {
        for scope in scopes.reversed() {
            if let found = scope[name] { return found }
        }
        if classMembers.last?.contains(name) == true { return .value }
        switch lookupGlobal(name) {
        case .function(let f as UserFunction)?: return .function(f.declaration)
        case .classRef(let info)?: return .classDecl(info.declaration, members: info.memberNames)
        case .some: return .value
        case nil: return nil
        }
    }

    private func members(of declaration: ClassDecl) -> Set<String> {
        var names = Set(declaration.properties.map(\.name) + declaration.methods.map(\.name))
        if let superclass = declaration.superclass {
            if case .classDecl(_, let inherited)? = scopes.first?[superclass] { names.formUnion(inherited) }
            else if case .classRef(let info)? = lookupGlobal(superclass) { names.formUnion(info.memberNames) }
        }
        return names
    }

    package mutating func checkBlock(_ statements: [Stmt], newScope: Bool = true) throws(LanguageError) {
        if newScope { scopes.append([:]); predeclare(statements) }
        defer { if newScope { scopes.removeLast() } }
        for statement in statements { try checkStatement(statement) }
    }

    private mutating func checkStatement(_ statement: Stmt) throws(LanguageError) {
        switch statement.kind {
        case .expression(let expr):
            try checkExpr(expr)
        case .variable(_, let pattern, _, let value):
            if let value { try checkExpr(value) }
            for name in pattern.boundNames { declare(name, .value) }
        case .function(let function):
            declare(function.name, .function(function))
            try checkFunction(function)
        case .classDecl(let declaration):
            try checkClass(declaration)
        case .ifStatement(let clauses, let elseBody):
            for clause in clauses {
                scopes.append([:])
                try checkConditions(clause.conditions)
                try checkBlock(clause.body)
                scopes.removeLast()
            }
            if let elseBody { try checkBlock(elseBody) }
        case .guardStatement(let conditions, let elseBody):
            try checkBlock(elseBody)
            try checkConditions(conditions)
        case .forIn(let pattern, let sequence, let whereClause, let body):
            try checkExpr(sequence)
            scopes.append([:])
            for name in pattern.boundNames { declare(name, .value) }
            if let whereClause { try checkExpr(whereClause) }
            try checkBlock(body)
            scopes.removeLast()
        case .whileLoop(let conditions, let body):
            scopes.append([:])
            try checkConditions(conditions)
            try checkBlock(body)
            scopes.removeLast()
        case .repeatWhile(let body, let condition):
            try checkBlock(body)
            try checkExpr(condition)
        case .returnStatement(let value):
            if let value { try checkExpr(value) }
        case .breakStatement, .continueStatement:
            break
        case .block(let body):
            try checkBlock(body)
        case .declarations(let declarations):
            for declaration in declarations { try checkStatement(declaration) }
        case .switchStatement(let subject, let cases, let defaultBody):
            try checkExpr(subject)
            for switchCase in cases {
                scopes.append([:])
                for pattern in switchCase.patterns { try checkPattern(pattern) }
                if let whereClause = switchCase.whereClause { try checkExpr(whereClause) }
                try checkBlock(switchCase.body)
                scopes.removeLast()
            }
            if let defaultBody { try checkBlock(defaultBody) }
        }
    }

    private mutating func checkPattern(_ pattern: CasePattern) throws(LanguageError) {
        switch pattern {
        case .wildcard: break
        case .binding(let name): declare(name, .value)
        case .expression(let expr): try checkExpr(expr)
        case .tuple(let elements): for element in elements { try checkPattern(element) }
        }
    }

    private mutating func checkConditions(_ conditions: [Condition]) throws(LanguageError) {
        for condition in conditions {
            switch condition {
            case .expression(let expr):
                try checkExpr(expr)
            case .optionalBinding(let name, let value, let offset):
                if let value { try checkExpr(value) }
                else if find(name) == nil { throw undefined(name, at: offset) }
                declare(name, .value)
            }
        }
    }

    private mutating func checkFunction(_ function: FunctionDecl) throws(LanguageError) {
        for parameter in function.parameters {
            if let value = parameter.defaultValue { try checkExpr(value) }
        }
        scopes.append([:])
        for parameter in function.parameters { declare(parameter.name, .value) }
        try checkBlock(function.body)
        scopes.removeLast()
    }

    private mutating func checkClass(_ declaration: ClassDecl) throws(LanguageError) {
        if let superclass = declaration.superclass {
            guard case .classDecl? = find(superclass) else {
                throw find(superclass) == nil ? undefined(superclass, at: declaration.offset)
                    : LanguageError(.misplaced("'\(superclass)' is not a class that can be inherited from"), at: declaration.offset)
            }
        }
        let members = members(of: declaration)
        declare(declaration.name, .classDecl(declaration, members: members))
        classMembers.append(members)
        defer { classMembers.removeLast() }
        for property in declaration.properties {
            if let value = property.initialValue { try checkExpr(value) }
        }
        for function in declaration.initializers + declaration.methods { try checkFunction(function) }
    }

    // MARK: Helpers for expression checks


    /// The labels a call to `name` may use, when they are known before running.
    package func signatures(of name: String) -> [Signature]? {
        switch find(name) {
        case .function(let function)?: return [function.labels]
        case .classDecl(let declaration, _)?:
            return declaration.initializers.isEmpty ? nil : declaration.initializers.map(\.labels)
        case .value?:
            guard scopes.allSatisfy({ $0[name] == nil }), classMembers.last?.contains(name) != true,
                  case .function(let builtin as OverloadSet)? = lookupGlobal(name) else { return nil }
            return builtin.signatures
        case nil: return nil
        }
    }
}
