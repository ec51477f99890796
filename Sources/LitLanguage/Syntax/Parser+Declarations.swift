extension Parser {
    package mutating func parseFunction() throws(LanguageError) -> FunctionDecl {
        let isOverride = consumeKeyword("override")
        let start = current.offset
        let name: String
        if consumeKeyword("init") {
            name = "init"
        } else {
            try expectKeyword("func")
            if case .symbol(let op) = current.kind, op != "(" {
                throw LanguageError(.unsupported("operator declarations"), at: current.offset)
            }
            name = try expectIdentifier("a function name")
        }
        if current.isSymbol("<") { throw LanguageError(.unsupported("generic functions"), at: current.offset) }
        let parameters = try parseParameters()
        if current.isKeyword("throws") || current.isKeyword("async") {
            throw LanguageError(.unsupported("'\(current.display.dropFirst().dropLast())' functions"), at: current.offset)
        }
        let returnType = consume("->") ? try parseType() : nil
        let saved = dollarStack
        dollarStack = []
        defer { dollarStack = saved }
        let body = try parseBlock()
        let function = FunctionDecl(name: name, parameters: parameters, returnType: returnType, body: body,
                                    isOverride: isOverride, at: start)
        declarations.append(.function(function))
        return function
    }

    package mutating func parseParameters() throws(LanguageError) -> [Parameter] {
        try expect("(")
        var parameters: [Parameter] = []
        if !current.isSymbol(")") {
            repeat {
                let first: String
                // Swift allows most keywords as argument labels: `func index(of x: Int, in xs: [Int])`.
                if case .keyword(let word) = current.kind, !["inout", "var", "let"].contains(word),
                   case .identifier = peekToken(1).kind {
                    first = word
                    _ = advance()
                } else {
                    first = try expectIdentifier("a parameter name")
                }
                var label: String? = first == "_" ? nil : first
                var name = first
                if case .identifier(let second) = current.kind {
                    _ = advance()
                    name = second
                } else if first == "_" {
                    throw LanguageError(.expected("a parameter name after '_'", found: current.display), at: current.offset)
                }
                if current.isKeyword("inout") { throw LanguageError(.unsupported("'inout'"), at: current.offset) }
                try expect(":", "':' and a type after parameter '\(name)'")
                let type = try parseType()
                let isVariadic = consume("...")
                let defaultValue = consume("=") ? try parseExpression() : nil
                if label == "_" { label = nil }
                parameters.append(Parameter(label: label, name: name, type: type, defaultValue: defaultValue,
                                            isVariadic: isVariadic))
            } while consume(",")
        }
        try expect(")")
        return parameters
    }

    package mutating func parseClass() throws(LanguageError) -> ClassDecl {
        _ = consumeKeyword("final")
        let start = current.offset
        try expectKeyword("class")
        let name = try expectIdentifier("a class name")
        var superclass: String?
        if consume(":") {
            superclass = try expectIdentifier("a superclass name")
            if current.isSymbol(",") { throw LanguageError(.unsupported("protocol conformances"), at: current.offset) }
        }
        try expect("{")
        var properties: [PropertyDecl] = []
        var initializers: [FunctionDecl] = []
        var methods: [FunctionDecl] = []
        while !current.isSymbol("}") {
            if atEnd { throw LanguageError(.expected("'}' to close class '\(name)'", found: "end of cell"), at: current.offset) }
            if consume(";") { continue }
            _ = consumeKeyword("final")
            let offset = current.offset
            switch current.kind {
            case .keyword("let"), .keyword("var"):
                let isConstant = current.isKeyword("let")
                _ = advance()
                let property = try expectIdentifier("a property name")
                let type = consume(":") ? try parseType() : nil
                if !isConstant, let type, current.isSymbol("{") {
                    methods.append(try parseComputedProperty(property, type, isOverride: false, at: offset))
                    continue
                }
                let value = consume("=") ? try parseExpression() : nil
                properties.append(PropertyDecl(isConstant: isConstant, name: property, type: type, initialValue: value, offset: offset))
            case .keyword("override") where peekToken(1).isKeyword("var"):
                _ = advance()
                _ = advance()
                let property = try expectIdentifier("a property name")
                try expect(":", "':' and a type after computed property '\(property)'")
                let type = try parseType()
                methods.append(try parseComputedProperty(property, type, isOverride: true, at: offset))
            case .keyword("init"):
                initializers.append(try parseFunction())
            case .keyword("func"), .keyword("override"):
                methods.append(try parseFunction())
            case .keyword(let word):
                throw LanguageError(.unsupported("'\(word)' in a class body"), at: offset)
            default:
                throw LanguageError(.expected("a property, 'init' or 'func' in class '\(name)'", found: current.display), at: offset)
            }
        }
        _ = advance()
        let declaration = ClassDecl(name: name, superclass: superclass, properties: properties,
                                    initializers: initializers, methods: methods, offset: start)
        declarations.append(.classDecl(declaration))
        return declaration
    }

    /// `var name: Type { ... }`: a read-only computed property, run on every read.
    private mutating func parseComputedProperty(_ name: String, _ type: TypeRef, isOverride: Bool,
                                                at offset: Int) throws(LanguageError) -> FunctionDecl {
        if [.identifier("get"), .identifier("set"), .identifier("willSet"), .identifier("didSet")].contains(peekToken(1).kind) {
            throw LanguageError(.unsupported("property accessors and observers; write 'var \(name): \(type) { ... }'"), at: current.offset)
        }
        let saved = dollarStack
        dollarStack = []
        defer { dollarStack = saved }
        let getter = FunctionDecl(name: name, parameters: [], returnType: type, body: try parseBlock(),
                                  isOverride: isOverride, at: offset)
        getter.isComputedProperty = true
        declarations.append(.function(getter))
        return getter
    }
}
