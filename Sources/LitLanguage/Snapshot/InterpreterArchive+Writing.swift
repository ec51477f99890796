import LitArchive

extension InterpreterArchive {
    /// Numbers every object reachable from the globals, then writes the objects and the
    /// values. Native archivers write the values their objects hold through it.
    public final class ValueWriter {
        private let interpreter: Interpreter
        private let natives: NativeArchiver
        /// Objects in the order they are written; the global scope is number 0.
        private var objects: [AnyObject] = []
        private var numbers: [ObjectIdentifier: Int] = [:]
        private var visitedNatives: Set<ObjectIdentifier> = []
        private var builtinNames: [ObjectIdentifier: String] = [:]
        private var declarationPlaces: [ObjectIdentifier: (cell: Int, index: Int)] = [:]
        private var depth = 0

        init(_ interpreter: Interpreter, natives: NativeArchiver) throws {
            self.interpreter = interpreter
            self.natives = natives
            for (name, value) in interpreter.builtins {
                switch value {
                case .function(let callable): builtinNames[ObjectIdentifier(callable)] = name
                case .classRef(let info): builtinNames[ObjectIdentifier(info)] = name
                default: break
                }
            }
            for (cell, declarations) in interpreter.declarationsByCell {
                for (index, declaration) in declarations.enumerated() {
                    switch declaration {
                    case .function(let function): declarationPlaces[ObjectIdentifier(function)] = (cell, index)
                    case .closure(let literal): declarationPlaces[ObjectIdentifier(literal)] = (cell, index)
                    case .classDecl: break
                    }
                }
            }
            _ = try number(interpreter.globals)
            // Each object's contents may reach more objects, which join the end of the list.
            var next = 0
            while next < objects.count {
                switch objects[next] {
                case let scope as Scope: for (_, binding) in scope.entries { try visit(binding.value) }
                case let instance as Instance: for value in instance.fields.values { try visit(value) }
                default: break
                }
                next += 1
            }
        }

        // MARK: Finding every object

        /// The object's number, given after the numbers of the objects its constructor needs.
        private func number(_ object: AnyObject) throws -> Int {
            if let known = numbers[ObjectIdentifier(object)] { return known }
            switch object {
            case let scope as Scope:
                if let parent = scope.parent { _ = try number(parent) }
            case let instance as Instance:
                try numberClass(instance.classInfo)
            case let info as ClassInfo:
                if let superclass = info.superclass { try numberClass(superclass) }
                _ = try number(info.scope)
            case let closure as Closure:
                try numberCaptures(closure.scope, closure.receiver, closure.owner)
            case let function as UserFunction:
                try numberCaptures(function.scope, function.receiver, function.owner)
            default:
                throw SnapshotError.unsupported("a \(type(of: object)) in the interpreter")
            }
            let assigned = objects.count
            numbers[ObjectIdentifier(object)] = assigned
            objects.append(object)
            return assigned
        }

        private func numberCaptures(_ scope: Scope, _ receiver: Instance?, _ owner: ClassInfo?) throws {
            _ = try number(scope)
            if let receiver { _ = try number(receiver) }
            if let owner { try numberClass(owner) }
        }

        /// Library base classes (`Module`) are named, not numbered.
        private func numberClass(_ info: ClassInfo) throws {
            if builtinNames[ObjectIdentifier(info)] == nil { _ = try number(info) }
        }

        private func visit(_ value: Value) throws {
            depth += 1
            defer { depth -= 1 }
            guard depth <= InterpreterArchive.maximumDepth else {
                throw SnapshotError.unsupported("values nested more than \(InterpreterArchive.maximumDepth) deep")
            }
            switch value {
            case .void, .int, .double, .bool, .string, .nilValue, .range: break
            case .array(let items), .tuple(let items, _): for item in items { try visit(item) }
            case .dictionary(let dictionary): for item in dictionary.keys + dictionary.values { try visit(item) }
            case .function(let callable):
                if callable is UserFunction || callable is Closure { _ = try number(callable) }
            case .object(let instance): _ = try number(instance)
            case .classRef(let info): try numberClass(info)
            case .native(let object):
                guard visitedNatives.insert(ObjectIdentifier(object)).inserted else { return }
                for held in natives.heldValues(of: object) { try visit(held) }
            }
        }

        // MARK: Writing

        func writeObjects(to writer: inout SnapshotWriter) throws {
            writer.write(UInt64(objects.count))
            for object in objects.dropFirst() {
                switch object {
                case let scope as Scope:
                    writer.write(ObjectTag.scope.rawValue)
                    writer.write(numbers[ObjectIdentifier(scope.parent!)]!)
                case let instance as Instance:
                    writer.write(ObjectTag.instance.rawValue)
                    writeClass(instance.classInfo, to: &writer)
                case let info as ClassInfo:
                    writer.write(ObjectTag.classInfo.rawValue)
                    try writeClassDeclaration(info, to: &writer)
                    writer.writeOptional(info.superclass) { writer, superclass in writeClass(superclass, to: &writer) }
                    writer.write(numbers[ObjectIdentifier(info.scope)]!)
                case let closure as Closure:
                    writer.write(ObjectTag.closure.rawValue)
                    try writePlace(of: closure.literal, to: &writer)
                    writeCaptures(closure.scope, closure.receiver, closure.owner, to: &writer)
                    writer.write(closure.cell)
                case let function as UserFunction:
                    writer.write(ObjectTag.function.rawValue)
                    try writePlace(of: function.declaration, to: &writer)
                    writeCaptures(function.scope, function.receiver, function.owner, to: &writer)
                default:
                    throw SnapshotError.unsupported("a \(type(of: object)) in the interpreter")
                }
            }
        }

        func writeContents(to writer: inout SnapshotWriter) throws {
            for object in objects {
                switch object {
                case let scope as Scope:
                    let entries = scope.entries
                    writer.write(UInt64(entries.count))
                    for (name, binding) in entries {
                        writer.write(name)
                        writer.write(binding.isConstant)
                        writer.writeOptional(binding.type) { writer, type in InterpreterArchive.write(type, to: &writer) }
                        try naming("'\(name)'") { try write(binding.value, to: &writer) }
                    }
                case let instance as Instance:
                    let fields = instance.fields.sorted { $0.key < $1.key }
                    writer.write(UInt64(fields.count))
                    for (name, value) in fields {
                        writer.write(name)
                        try naming("the field '\(name)' of a \(instance.classInfo.name)") { try write(value, to: &writer) }
                    }
                default: break
                }
            }
        }

        /// Runs `body`, adding where the value is to the message of a value it cannot save,
        /// so that the user learns which variable keeps a cell from having a snapshot.
        private func naming(_ place: String, _ body: () throws -> Void) throws {
            do {
                try body()
            } catch SnapshotError.unsupported(let what) where !what.contains(", in ") {
                throw SnapshotError.unsupported("\(what), in \(place)")
            }
        }

        /// Writes a value; native archivers call this for the values their objects hold.
        public func write(_ value: Value, to writer: inout SnapshotWriter) throws {
            depth += 1
            defer { depth -= 1 }
            guard depth <= InterpreterArchive.maximumDepth else {
                throw SnapshotError.unsupported("values nested more than \(InterpreterArchive.maximumDepth) deep")
            }
            switch value {
            case .void: writer.write(ValueTag.void.rawValue)
            case .int(let number):
                writer.write(ValueTag.int.rawValue)
                writer.write(number)
            case .double(let number):
                writer.write(ValueTag.double.rawValue)
                writer.write(number)
            case .bool(let flag):
                writer.write(ValueTag.bool.rawValue)
                writer.write(flag)
            case .string(let text):
                writer.write(ValueTag.string.rawValue)
                writer.write(text)
            case .array(let items):
                writer.write(ValueTag.array.rawValue)
                try writeList(items, to: &writer)
            case .dictionary(let dictionary):
                writer.write(ValueTag.dictionary.rawValue)
                try writeList(dictionary.keys, to: &writer)
                try writeList(dictionary.values, to: &writer)
            case .tuple(let items, let labels):
                writer.write(ValueTag.tuple.rawValue)
                try writeList(items, to: &writer)
                InterpreterArchive.write(labels: labels, to: &writer)
            case .nilValue: writer.write(ValueTag.nilValue.rawValue)
            case .range(let lower, let upper, let closed):
                writer.write(ValueTag.range.rawValue)
                writer.write(lower)
                writer.write(upper)
                writer.write(closed)
            case .function(let callable): try writeFunction(callable, to: &writer)
            case .object(let instance):
                writer.write(ValueTag.object.rawValue)
                writer.write(try known(instance))
            case .classRef(let info):
                writeClass(info, to: &writer)
            case .native(let object):
                writer.write(ValueTag.native.rawValue)
                try writer.writeReference(object as AnyObject) { writer, _ in
                    try natives.write(object, to: &writer, values: self)
                }
            }
        }

        private func writeList(_ items: [Value], to writer: inout SnapshotWriter) throws {
            writer.write(UInt64(items.count))
            for item in items { try write(item, to: &writer) }
        }

        private func writeFunction(_ callable: Callable, to writer: inout SnapshotWriter) throws {
            if callable is UserFunction || callable is Closure {
                writer.write(ValueTag.tableFunction.rawValue)
                writer.write(try known(callable))
            } else if let name = builtinNames[ObjectIdentifier(callable)] {
                writer.write(ValueTag.builtinFunction.rawValue)
                writer.write(name)
            } else if let operatorFunction = callable as? OperatorFunction {
                writer.write(ValueTag.operatorFunction.rawValue)
                writer.write(operatorFunction.op)
            } else {
                throw SnapshotError.unsupported("the function value '\(callable.name)' (a method taken from a value)")
            }
        }

        private func writeClass(_ info: ClassInfo, to writer: inout SnapshotWriter) {
            if let name = builtinNames[ObjectIdentifier(info)] {
                writer.write(ValueTag.builtinClass.rawValue)
                writer.write(name)
            } else {
                writer.write(ValueTag.tableClass.rawValue)
                writer.write(numbers[ObjectIdentifier(info)]!)
            }
        }

        private func writeCaptures(_ scope: Scope, _ receiver: Instance?, _ owner: ClassInfo?,
                                   to writer: inout SnapshotWriter) {
            writer.write(numbers[ObjectIdentifier(scope)]!)
            writer.writeOptional(receiver) { writer, receiver in writer.write(numbers[ObjectIdentifier(receiver)]!) }
            writer.writeOptional(owner) { writer, owner in writeClass(owner, to: &writer) }
        }

        private func writePlace(of declaration: AnyObject, to writer: inout SnapshotWriter) throws {
            guard let place = declarationPlaces[ObjectIdentifier(declaration)] else {
                throw SnapshotError.unsupported("a function from code that is not a cell")
            }
            writer.write(place.cell)
            writer.write(place.index)
        }

        private func writeClassDeclaration(_ info: ClassInfo, to writer: inout SnapshotWriter) throws {
            let declarations = interpreter.declarationsByCell[info.cell] ?? []
            guard let index = declarations.firstIndex(where: {
                if case .classDecl(let declaration) = $0 { declaration.offset == info.declaration.offset } else { false }
            }) else { throw SnapshotError.unsupported("class '\(info.name)' from code that is not a cell") }
            writer.write(info.cell)
            writer.write(index)
        }

        private func known(_ object: AnyObject) throws -> Int {
            guard let number = numbers[ObjectIdentifier(object)] else {
                throw SnapshotError.unsupported("an object the snapshot did not find from the globals")
            }
            return number
        }
    }

    static func write(_ type: TypeRef, to writer: inout SnapshotWriter) {
        switch type {
        case .named(let name):
            writer.write(TypeTag.named.rawValue)
            writer.write(name)
        case .array(let element):
            writer.write(TypeTag.array.rawValue)
            write(element, to: &writer)
        case .dictionary(let key, let value):
            writer.write(TypeTag.dictionary.rawValue)
            write(key, to: &writer)
            write(value, to: &writer)
        case .optional(let wrapped):
            writer.write(TypeTag.optional.rawValue)
            write(wrapped, to: &writer)
        case .tuple(let elements, let labels):
            writer.write(TypeTag.tuple.rawValue)
            writer.write(UInt64(elements.count))
            for element in elements { write(element, to: &writer) }
            write(labels: labels, to: &writer)
        case .function(let parameters, let result):
            writer.write(TypeTag.function.rawValue)
            writer.write(UInt64(parameters.count))
            for parameter in parameters { write(parameter, to: &writer) }
            write(result, to: &writer)
        }
    }

    /// A tuple's labels, each optional, when it has any.
    static func write(labels: [String?]?, to writer: inout SnapshotWriter) {
        writer.writeOptional(labels) { writer, labels in
            writer.write(UInt64(labels.count))
            for label in labels { writer.writeOptional(label) { writer, label in writer.write(label) } }
        }
    }
}
