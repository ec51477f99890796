import LitArchive

extension InterpreterArchive {
    /// Makes the objects a `ValueWriter` numbered, then reads the values into them. Every
    /// number is checked, so a corrupt snapshot throws rather than traps.
    public final class ValueReader {
        private let interpreter: Interpreter
        private let natives: NativeArchiver
        private var objects: [AnyObject] = []
        private var depth = 0

        init(_ interpreter: Interpreter, natives: NativeArchiver) {
            self.interpreter = interpreter
            self.natives = natives
        }

        func readObjects(from reader: inout SnapshotReader) throws {
            let count = try reader.readCount()
            guard count >= 1 else { throw SnapshotError.corrupt("no global scope") }
            objects = [interpreter.globals]
            for _ in 1..<count {
                guard let tag = ObjectTag(rawValue: try reader.readUInt64()) else {
                    throw SnapshotError.corrupt("an unknown kind of object")
                }
                switch tag {
                case .scope:
                    objects.append(Scope(parent: try object(Scope.self, try reader.readInt())))
                case .instance:
                    objects.append(Instance(try readClass(from: &reader)))
                case .classInfo:
                    let (declaration, cell) = try readClassDeclaration(from: &reader)
                    let superclass = try reader.readOptional { reader in try readClass(from: &reader) }
                    let scope = try object(Scope.self, try reader.readInt())
                    objects.append(ClassInfo(declaration, superclass: superclass, scope: scope, cell: cell))
                case .closure:
                    let literal: ClosureLiteral = try readDeclaration(from: &reader)
                    let (scope, receiver, owner) = try readCaptures(from: &reader)
                    objects.append(Closure(literal, scope: scope, receiver: receiver, owner: owner, cell: try reader.readInt()))
                case .function:
                    let declaration: FunctionDecl = try readDeclaration(from: &reader)
                    let (scope, receiver, owner) = try readCaptures(from: &reader)
                    objects.append(UserFunction(declaration, scope: scope, receiver: receiver, owner: owner))
                }
            }
        }

        func readContents(from reader: inout SnapshotReader) throws {
            for object in objects {
                switch object {
                case let scope as Scope:
                    for _ in 0..<(try reader.readCount()) {
                        let name = try reader.readString()
                        let isConstant = try reader.readBool()
                        let type = try reader.readOptional { reader in try InterpreterArchive.readType(from: &reader) }
                        scope.declare(name, try read(from: &reader), isConstant: isConstant, type: type)
                    }
                case let instance as Instance:
                    for _ in 0..<(try reader.readCount()) {
                        let name = try reader.readString()
                        instance.fields[name] = try read(from: &reader)
                    }
                default: break
                }
            }
        }

        /// Reads a value; native archivers call this for the values their objects hold.
        public func read(from reader: inout SnapshotReader) throws -> Value {
            depth += 1
            defer { depth -= 1 }
            guard depth <= InterpreterArchive.maximumDepth else { throw SnapshotError.corrupt("values nested too deep") }
            guard let tag = ValueTag(rawValue: try reader.readUInt64()) else {
                throw SnapshotError.corrupt("an unknown kind of value")
            }
            switch tag {
            case .void: return .void
            case .int: return .int(try reader.readInt())
            case .double: return .double(try reader.readDouble())
            case .bool: return .bool(try reader.readBool())
            case .string: return .string(try reader.readString())
            case .array: return .array(try readList(from: &reader))
            case .dictionary:
                let keys = try readList(from: &reader), values = try readList(from: &reader)
                guard keys.count == values.count else { throw SnapshotError.corrupt("a dictionary's keys and values differ in number") }
                var dictionary = DictionaryValue()
                for (key, value) in zip(keys, values) {
                    guard let hashable = DictionaryValue.Key(key) else { throw SnapshotError.corrupt("a dictionary key of type \(key.typeName)") }
                    dictionary.set(key, hashable, to: value)
                }
                return .dictionary(dictionary)
            case .tuple:
                let items = try readList(from: &reader)
                let labels = try InterpreterArchive.readLabels(from: &reader)
                guard labels == nil || labels?.count == items.count else { throw SnapshotError.corrupt("a tuple's labels") }
                return .tuple(items, labels: labels)
            case .nilValue: return .nilValue
            case .range:
                return .range(try reader.readInt(), try reader.readInt(), closed: try reader.readBool())
            case .tableFunction:
                let callable = try object(AnyObject.self, try reader.readInt())
                guard let function = callable as? Callable else { throw SnapshotError.corrupt("a function that is not one") }
                return .function(function)
            case .builtinFunction:
                guard case .function(let function)? = interpreter.builtins[try reader.readString()] else {
                    throw SnapshotError.corrupt("an unknown built-in function")
                }
                return .function(function)
            case .operatorFunction: return .function(OperatorFunction(try reader.readString()))
            case .object: return .object(try object(Instance.self, try reader.readInt()))
            case .tableClass, .builtinClass: return .classRef(try readClass(tag, from: &reader))
            case .native:
                let object = try reader.readReference(AnyObject.self) { reader in
                    try natives.read(from: &reader, values: self) as AnyObject
                }
                guard let native = object as? ScriptObject else { throw SnapshotError.corrupt("a native value that is not one") }
                return .native(native)
            }
        }

        private func readList(from reader: inout SnapshotReader) throws -> [Value] {
            try (0..<(try reader.readCount())).map { _ in try read(from: &reader) }
        }

        private func readClass(from reader: inout SnapshotReader) throws -> ClassInfo {
            guard let tag = ValueTag(rawValue: try reader.readUInt64()) else { throw SnapshotError.corrupt("a bad class") }
            return try readClass(tag, from: &reader)
        }

        private func readClass(_ tag: ValueTag, from reader: inout SnapshotReader) throws -> ClassInfo {
            switch tag {
            case .tableClass: return try object(ClassInfo.self, try reader.readInt())
            case .builtinClass:
                guard case .classRef(let info)? = interpreter.builtins[try reader.readString()] else {
                    throw SnapshotError.corrupt("an unknown library class")
                }
                return info
            default: throw SnapshotError.corrupt("a class expected")
            }
        }

        private func readCaptures(from reader: inout SnapshotReader) throws -> (Scope, Instance?, ClassInfo?) {
            let scope = try object(Scope.self, try reader.readInt())
            let receiver = try reader.readOptional { reader in try object(Instance.self, try reader.readInt()) }
            let owner = try reader.readOptional { reader in try readClass(from: &reader) }
            return (scope, receiver, owner)
        }

        private func declaration(from reader: inout SnapshotReader) throws -> (Declaration, cell: Int) {
            let cell = try reader.readInt(), index = try reader.readInt()
            guard let declarations = interpreter.declarationsByCell[cell], declarations.indices.contains(index) else {
                throw SnapshotError.corrupt("a declaration in cell \(cell) that the cell does not have")
            }
            return (declarations[index], cell)
        }

        private func readDeclaration<Node: AnyObject>(from reader: inout SnapshotReader) throws -> Node {
            let (found, _) = try declaration(from: &reader)
            switch found {
            case .function(let function as Node), .closure(let function as Node): return function
            default: throw SnapshotError.corrupt("a declaration of another kind")
            }
        }

        private func readClassDeclaration(from reader: inout SnapshotReader) throws -> (ClassDecl, Int) {
            let (found, cell) = try declaration(from: &reader)
            guard case .classDecl(let declaration) = found else { throw SnapshotError.corrupt("a class declaration expected") }
            return (declaration, cell)
        }

        /// Object `number`, which must exist already and be a `T`.
        private func object<T>(_ type: T.Type, _ number: Int) throws -> T {
            guard objects.indices.contains(number), let object = objects[number] as? T else {
                throw SnapshotError.corrupt("a reference to object \(number), which is not a \(T.self)")
            }
            return object
        }
    }

    static func readType(from reader: inout SnapshotReader, depth: Int = 0) throws -> TypeRef {
        guard depth < 64 else { throw SnapshotError.corrupt("a type nested too deep") }
        guard let tag = TypeTag(rawValue: try reader.readUInt64()) else {
            throw SnapshotError.corrupt("an unknown kind of type")
        }
        switch tag {
        case .named: return .named(try reader.readString())
        case .array: return .array(try readType(from: &reader, depth: depth + 1))
        case .dictionary: return .dictionary(try readType(from: &reader, depth: depth + 1), try readType(from: &reader, depth: depth + 1))
        case .optional: return .optional(try readType(from: &reader, depth: depth + 1))
        case .tuple:
            let elements = try (0..<(try reader.readCount())).map { _ in try readType(from: &reader, depth: depth + 1) }
            let labels = try readLabels(from: &reader)
            return .tuple(elements, labels: labels)
        case .function:
            let parameters = try (0..<(try reader.readCount())).map { _ in try readType(from: &reader, depth: depth + 1) }
            return .function(parameters, try readType(from: &reader, depth: depth + 1))
        }
    }

    /// What `write(labels:to:)` wrote.
    static func readLabels(from reader: inout SnapshotReader) throws -> [String?]? {
        try reader.readOptional { reader in
            try (0..<(try reader.readCount())).map { _ in try reader.readOptional { reader in try reader.readString() } }
        }
    }
}
