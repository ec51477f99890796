/// A recursive-descent parser for the cell language. Statements end at line breaks or
/// `;`, and operators are told apart by the whitespace around them, as in Swift.
package struct Parser {
    package var tokens: [Token]
    package var position = 0
    /// Inside `if`/`while`/`for`/`guard` conditions a `{` opens the body, not a trailing closure.
    package var allowsTrailingClosure = true
    /// The highest `$n` used, per closure being parsed.
    package var dollarStack: [Int] = []
    package var depth = 0
    package static let maximumDepth = 200
    /// Every function, closure and class declaration, in the order the parser made them.
    /// Parsing the same code again gives the same list, so a snapshot can name a
    /// declaration by its cell and its place here.
    package var declarations: [Declaration] = []

    package init(tokens: [Token]) {
        self.tokens = tokens
    }

    package static func parse(_ code: String) throws(LanguageError) -> [Stmt] {
        try parseCell(code).statements
    }

    /// The statements and the declarations among them.
    package static func parseCell(_ code: String) throws(LanguageError) -> (statements: [Stmt], declarations: [Declaration]) {
        var parser = Parser(tokens: try Lexer.tokenize(code))
        let statements = try parser.parseStatements(untilBrace: false)
        return (statements, parser.declarations)
    }

    // MARK: Token helpers

    package var current: Token { tokens[position] }
    package var atEnd: Bool { current.kind == .end }

    package func peekToken(_ ahead: Int) -> Token {
        tokens[min(position + ahead, tokens.count - 1)]
    }

    package mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    package mutating func consume(_ symbol: String) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        _ = advance()
        return true
    }

    package mutating func consumeKeyword(_ keyword: String) -> Bool {
        guard current.isKeyword(keyword) else { return false }
        _ = advance()
        return true
    }

    package mutating func expect(_ symbol: String, _ what: String? = nil) throws(LanguageError) {
        guard consume(symbol) else {
            throw LanguageError(.expected(what ?? "'\(symbol)'", found: current.display), at: current.offset)
        }
    }

    package mutating func expectKeyword(_ keyword: String, _ what: String? = nil) throws(LanguageError) {
        guard consumeKeyword(keyword) else {
            throw LanguageError(.expected(what ?? "'\(keyword)'", found: current.display), at: current.offset)
        }
    }

    package mutating func expectIdentifier(_ what: String) throws(LanguageError) -> String {
        if case .identifier(let name) = current.kind {
            _ = advance()
            return name
        }
        if case .keyword(let word) = current.kind, word == "init" || word == "self" {
            throw LanguageError(.expected(what, found: current.display), at: current.offset)
        }
        throw LanguageError(.expected(what, found: current.display), at: current.offset)
    }

    package mutating func enterNesting() throws(LanguageError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw LanguageError(.unsupported("nesting deeper than \(Parser.maximumDepth) levels"), at: current.offset)
        }
    }

    // MARK: Statements

    package mutating func parseBlock() throws(LanguageError) -> [Stmt] {
        try expect("{")
        let saved = allowsTrailingClosure
        allowsTrailingClosure = true
        defer { allowsTrailingClosure = saved }
        let body = try parseStatements(untilBrace: true)
        try expect("}")
        return body
    }

    package mutating func parseStatements(untilBrace: Bool) throws(LanguageError) -> [Stmt] {
        try enterNesting()
        defer { depth -= 1 }
        var statements: [Stmt] = []
        while true {
            while consume(";") {}
            if atEnd || (untilBrace && current.isSymbol("}")) { break }
            if !untilBrace && current.isSymbol("}") {
                throw LanguageError(.expected("a statement", found: "'}'"), at: current.offset)
            }
            let statement = try parseStatement()
            statements.append(statement)
            if atEnd || current.isSymbol("}") || current.isSymbol(";") || current.startsLine { continue }
            throw LanguageError(.expected("a line break or ';' after the statement", found: current.display), at: current.offset)
        }
        return statements
    }
}
