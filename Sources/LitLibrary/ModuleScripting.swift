import LitDiagnostics
import LitLanguage
import LitNN
import LitTensor

/// How cells see modules: the members every module has (calling, parameters, modes,
/// children), each layer's own properties, and the conversions between cell values and
/// library modules.
package enum ModuleScripting {
    /// A module as a cell value: an adapter gives back its cell object.
    package static func value(of module: Module) -> Value {
        if let adapter = module as? ScriptModule { return .object(adapter.instance) }
        return .native(module)
    }

    /// The module a cell value is, or nil when it is not one.
    package static func module(from value: Value) -> Module? {
        switch value {
        case .native(let module as Module): module
        case .object(let instance): instance.classInfo.nativeBase?.wrap(instance) as? Module
        default: nil
        }
    }

    /// Runs a module from a cell, turning library errors into cell diagnostics.
    package static func forward(_ module: Module, _ input: Tensor) throws(LanguageError) -> Tensor {
        do {
            return try module.forward(input)
        } catch {
            throw languageError(error)
        }
    }

    package static func languageError(_ error: any Error) -> LanguageError {
        switch error {
        case let error as LanguageError: error
        case let error as any ErrorMessage: .here(.library(error))
        default: .library(.unexpected(String(describing: error)))
        }
    }

    /// The members every module has, as `Module`'s own type: what a cell subclass inherits.
    package static let baseType: NativeType = {
        let type = NativeType(name: "Module") { ($0 as! Module).description }
        installCommonMembers(type)
        return type
    }()

    private static let types = NativeTypeCache()

    /// The cell type of a library module: the common members, the layer's stored
    /// properties (read-only), and `Sequential`'s list operations.
    package static func nativeType(for module: Module) -> NativeType {
        types.type(for: module) {
            let type = NativeType(name: module.typeName) { ($0 as! Module).description }
            type.supertypeNames = ["Module"]
            installCommonMembers(type)
            installStoredProperties(of: module, into: type)
            if module is Sequential { installSequentialMembers(type) }
            return type
        }
    }

    private static func installCommonMembers(_ type: NativeType) {
        let forward: NativeType.Method = { object, args throws(LanguageError) in
            let arguments = ScriptArguments(args, "forward")
            try arguments.check(labels: [nil], count: 1...1)
            return .native(try ModuleScripting.forward(object as! Module, try arguments.tensor(at: 0)))
        }
        type.method("callAsFunction", forward)
        type.method("forward", forward)
        type.method("parameters") { object, args throws(LanguageError) in
            try ScriptArguments(args, "parameters").check(labels: [], count: 0...0)
            return .array((object as! Module).parameters().map { .native($0) })
        }
        type.method("namedParameters") { object, args throws(LanguageError) in
            try ScriptArguments(args, "namedParameters").check(labels: [], count: 0...0)
            return .array((object as! Module).namedParameters().map { .tuple([.string($0.name), .native($0.tensor)], labels: nil) })
        }
        installStateDictMembers(type)
        // `net.apply { m in ... }`: every module once, children before their parent, as
        // PyTorch's `apply` visits them.
        type.interpreterMethod("apply") { object, args, interpreter throws(LanguageError) in
            guard args.count == 1, args[0].label == nil else { throw .here(.wrongArgumentCount(callee: "apply", expected: 1, found: args.count)) }
            var seen = Set<ObjectIdentifier>()
            func walk(_ module: Module) throws(LanguageError) {
                guard seen.insert(module.identity).inserted else { return }
                for (_, child) in module.namedChildren() { try walk(child) }
                _ = try interpreter.call(args[0].value, ModuleScripting.value(of: module))
            }
            try walk(object as! Module)
            return .void
        }
        type.method("train") { object, args throws(LanguageError) in
            try ScriptArguments(args, "train").check(labels: [], count: 0...0)
            (object as! Module).train()
            return .void
        }
        type.method("eval") { object, args throws(LanguageError) in
            try ScriptArguments(args, "eval").check(labels: [], count: 0...0)
            (object as! Module).eval()
            return .void
        }
        type.property("isTraining", get: { .bool(($0 as! Module).isTraining) }, set: setTraining)
        type.method("namedChildren") { object, args throws(LanguageError) in
            try ScriptArguments(args, "namedChildren").check(labels: [], count: 0...0)
            return .array((object as! Module).namedChildren().map { .tuple([.string($0.name), value(of: $0.module)], labels: nil) })
        }
        type.method("children") { object, args throws(LanguageError) in
            try ScriptArguments(args, "children").check(labels: [], count: 0...0)
            return .array((object as! Module).namedChildren().map { value(of: $0.module) })
        }
    }

    private static func setTraining(_ object: ScriptObject, _ value: Value) throws(LanguageError) {
        guard case .bool(let flag) = value else { throw .here(.cannotConvert(from: value.typeName, to: "Bool")) }
        (object as! Module).isTraining = flag
    }

    /// A layer's hyper-parameters and tensors (`conv.weight`, `bn.runningMean`), read by reflection.
    private static func installStoredProperties(of module: Module, into type: NativeType) {
        for (label, value) in Mirror.storedProperties(of: module) where type.properties[label] == nil && scriptValue(value) != nil {
            type.property(label) { object in
                Mirror.storedProperties(of: object).first { $0.label == label }.flatMap { scriptValue($0.value) } ?? .nilValue
            }
        }
    }

    private static func scriptValue(_ value: Any) -> Value? {
        switch value {
        case let tensor as Tensor: .native(tensor)
        case let optional as Tensor?: optional.map { .native($0) } ?? .nilValue
        case let int as Int: .int(int)
        // `conv.stride` is 2 for a square window and (1, 2) for another, as it was given.
        case let pair as HeightWidth: pair.isSquare ? .int(pair.height) : .tuple([.int(pair.height), .int(pair.width)], labels: nil)
        case let float as Float: .double(Double("\(float)") ?? Double(float))  // 0.1, not 0.10000000149011612
        case let bool as Bool: .bool(bool)
        default: nil
        }
    }
}
