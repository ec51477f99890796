import LitArchive
import LitRandom

/// Saves everything cells can reach from the interpreter's global scope, and restores it
/// into a fresh interpreter, so that a later run can resume after the last unchanged cell.
///
/// What a snapshot holds: every global; arrays, dictionaries, tuples and optionals; cell
/// class instances, cycles and shared references included; functions, closures and the
/// scopes they captured; declared classes; native objects through a `NativeArchiver`;
/// and the chapter's random generator. Functions, closures and classes point back at
/// their declarations by cell and place (`Parser.declarations`): the restoring
/// interpreter parses the skipped cells again (`registerDeclarations`) to find them.
///
/// The payload has three parts, so that reading never meets an object it has not made:
/// the objects (scopes, instances, classes, functions, closures), each after the objects
/// its constructor needs; then every scope's variables and every instance's fields, where
/// values refer to objects by number and native objects are written where first met;
/// then the generator.
public enum InterpreterArchive {
    /// Raised whenever the layout of the interpreter's part of a snapshot changes.
    public static let formatVersion = 1
    /// Arrays in arrays deeper than this are not saved (and a snapshot claiming them is
    /// corrupt), so that neither side can run out of stack.
    static let maximumDepth = 500

    public static func save(_ interpreter: Interpreter, natives: NativeArchiver,
                            into writer: inout SnapshotWriter) throws {
        writer.write(formatVersion)
        let values = try ValueWriter(interpreter, natives: natives)
        try values.writeObjects(to: &writer)
        try values.writeContents(to: &writer)
        writer.write(interpreter.random.state)
    }

    public static func restore(_ interpreter: Interpreter, natives: NativeArchiver,
                               from reader: inout SnapshotReader) throws {
        guard try reader.readInt() == formatVersion else {
            throw SnapshotError.corrupt("an interpreter state of another format")
        }
        let values = ValueReader(interpreter, natives: natives)
        try values.readObjects(from: &reader)
        try values.readContents(from: &reader)
        interpreter.random = SplitMix64(seed: try reader.readUInt64())
    }

    /// What kind of object a table entry is.
    enum ObjectTag: UInt64 {
        case scope = 1, instance, classInfo, closure, function
    }

    /// How a declared type (`TypeRef`) starts.
    enum TypeTag: UInt64 {
        case named = 1, array, dictionary, optional, tuple, function
    }

    /// How a value starts.
    enum ValueTag: UInt64 {
        case void = 1, int, double, bool, string, array, dictionary, tuple, nilValue, range
        case tableFunction, builtinFunction, operatorFunction, object, native, tableClass, builtinClass
    }
}

extension Interpreter {
    /// Parses a cell that a resumed run skips, so that a snapshot can find the functions,
    /// closures and classes declared in it. Nothing runs.
    public func registerDeclarations(of code: String, cell: Int) throws(LanguageError) {
        let (_, declarations) = try Parser.parseCell(code)
        for case .function(let function) in declarations { function.cell = cell }
        declarationsByCell[cell] = declarations
    }
}
