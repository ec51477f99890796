import LitLanguage
import LitNN
import LitTensor

/// `Sequential`'s list operations in cells: `append`, `add("name", m)`, `count` and `net[i]`.
extension ModuleScripting {
    package static func installSequentialMembers(_ type: NativeType) {
        type.method("append") { object, args throws(LanguageError) in
            let arguments = ScriptArguments(args, "append")
            try arguments.check(labels: [nil], count: 1...1)
            let child = try module(args[0].value, callee: "append")
            try libraryOperation { () throws(ModuleError) in try (object as! Sequential).append(child) }
            return .void
        }
        type.method("add") { object, args throws(LanguageError) in
            let arguments = ScriptArguments(args, "add")
            try arguments.check(labels: [nil], count: 2...2)
            guard case .string(let name) = args[0].value else { throw .here(.cannotConvert(from: args[0].value.typeName, to: "String")) }
            guard !name.isEmpty, !name.contains(".") else {
                throw .library(.invalidChildName(name))
            }
            let child = try module(args[1].value, callee: "add")
            try libraryOperation { () throws(ModuleError) in try (object as! Sequential).add(name, child) }
            return .void
        }
        type.property("count") { .int(($0 as! Sequential).layers.count) }
        type.subscriptGet = { object, args throws(LanguageError) in
            let layers = (object as! Sequential).layers
            guard args.count == 1, args[0].label == nil, case .int(let index) = args[0].value else {
                throw .library(.sequentialIndex)
            }
            guard layers.indices.contains(index) else { throw .here(.indexOutOfRange(index: index, count: layers.count)) }
            return value(of: layers[index].module)
        }
        type.makeIterator = { object throws(LanguageError) in
            var layers = (object as! Sequential).layers.makeIterator()
            return AnyIterator { layers.next().map { value(of: $0.module) } }
        }
    }

    /// A module argument, or an error naming what was passed instead.
    package static func module(_ value: Value, callee: String) throws(LanguageError) -> Module {
        guard let module = module(from: value) else { throw .here(.cannotConvert(from: value.typeName, to: "Module")) }
        return module
    }
}
