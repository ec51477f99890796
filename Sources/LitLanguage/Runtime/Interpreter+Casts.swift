import LitDiagnostics

/// `x is T`, `x as? T`, `x as! T` and `x as T`, checked against the same rules as a
/// type annotation: a cell class and its superclasses, a library type and the kinds it
/// belongs to (`Conv2d` is a `Module`), and Swift's own types.
extension Interpreter {
    package func cast(_ value: Value, to type: TypeRef, _ kind: CastKind, isIntegerLiteral: Bool,
                      at offset: Int) throws(LanguageError) -> Value {
        try checkTypeExists(type, at: offset)
        let converted = Interpreter.conform(value, to: type, isIntegerLiteral: kind == .coercion && isIntegerLiteral)
        switch kind {
        case .test: return .bool(converted != nil)
        case .conditional: return converted ?? .nilValue
        case .forced, .coercion:
            guard let converted else { throw error(.castFailed(from: value.typeName, to: type.description), at: offset) }
            return converted
        }
    }

    /// Swift's types that are no global name.
    private static let builtinTypeNames: Set<String> = [
        "Int", "Double", "Float", "Float32", "Bool", "String", "Any", "AnyObject", "Void", "Range", "ClosedRange",
    ]

    /// A misspelt type would make `is` quietly false, so every name must be known.
    private func checkTypeExists(_ type: TypeRef, at offset: Int) throws(LanguageError) {
        switch type {
        case .named(let name):
            guard !Interpreter.builtinTypeNames.contains(name), !nativeTypeNames.contains(name),
                  globals.lookupLocal(name) == nil, builtins[name] == nil else { return }
            let known = Interpreter.builtinTypeNames.union(nativeTypeNames)
                .union(builtins.keys.filter { $0.first?.isUppercase == true })
                .union(globals.entries.map(\.name).filter { $0.first?.isUppercase == true })
            throw error(.undefinedType(name, suggestion: SpellingSuggestion.closest(to: name, among: Array(known))), at: offset)
        case .array(let element), .optional(let element):
            try checkTypeExists(element, at: offset)
        case .dictionary(let key, let value):
            try checkTypeExists(key, at: offset)
            try checkTypeExists(value, at: offset)
        case .tuple(let elements, _):
            for element in elements { try checkTypeExists(element, at: offset) }
        case .function(let parameters, let result):
            for parameter in parameters + [result] { try checkTypeExists(parameter, at: offset) }
        }
    }
}
