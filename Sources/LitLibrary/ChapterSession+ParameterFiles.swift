import LitData
import LitLanguage
import LitTensor

/// `save(value, "mlp.params")` and `load("mlp.params")`, as PyTorch's `torch.save` and
/// `torch.load`: a tensor, an array of tensors or a state dict, kept in the chapter's
/// assets folder and nowhere else.
///
/// A saved file is kept in the session with the figures and written with them once the
/// run is over, so `--stdout` runs, resumed runs and quick runs all treat it as they
/// treat figures. `load` finds a file this run saved first, then one on disk in the
/// assets folder. A budget run names its files as its figures (`mlp-quick.params`), so
/// that it never replaces a full run's; it may still read a full run's file.
extension ChapterSession {
    package func installParameterFileLibrary() {
        interpreter.define("save", signatures: [Signature("_", "_")]) { [unowned self] (_, args) throws(LanguageError) in
            try ScriptArguments(args, "save").check(labels: [nil], count: 2...2)
            let name = try savedFileName(args[1].value)
            let contents = try ChapterSession.parameterFileContents(args[0].value)
            let fileName = budgetFileName(name)
            let files = assetFiles
            try libraryOperation { () throws(AssetFileError) in try files.checkWritable(fileName) }
            let bytes = try libraryOperation { () throws(ParameterFileError) in try ParameterFile.encode(contents, name: name) }
            keepSavedFile(named: fileName, contents: bytes)
            return .void
        }
        interpreter.define("load", signatures: [Signature("_")]) { [unowned self] (_, args) throws(LanguageError) in
            try ScriptArguments(args, "load").check(labels: [nil], count: 1...1)
            let name = try savedFileName(args[0].value)
            let bytes = try savedFileBytes(name)
            let contents = try libraryOperation { () throws(ParameterFileError) in try ParameterFile.decode(bytes, name: name) }
            return ChapterSession.value(of: contents)
        }
    }

    /// The name a cell gave, once it is a plain file name that litrun does not use itself.
    private func savedFileName(_ value: Value) throws(LanguageError) -> String {
        guard case .string(let name) = value else { throw .here(.cannotConvert(from: value.typeName, to: "String")) }
        try libraryOperation { () throws(AssetFileError) in
            try AssetFolder.checkName(name)
            if name.hasPrefix("cell-") { throw .reservedName(name, reason: "names that start with 'cell-' are the figures'") }
            for budget in Budget.all where Self.stem(of: name).hasSuffix("-\(budget.name)") {
                throw .reservedName(name, reason: "names that end in '-\(budget.name)' are the files of \(budget.name) runs")
            }
            try AssetFolder.checkName(budgetFileName(name))
        }
        return name
    }

    /// The file a name stands for in this run: `mlp-quick.params` for `mlp.params` in a
    /// quick run, as figures get `-quick`.
    private func budgetFileName(_ name: String) -> String {
        guard let budget = settings.budget else { return name }
        let stem = Self.stem(of: name)
        return stem + "-\(budget.name)" + name.dropFirst(stem.count)
    }

    /// The name without its last extension: `mlp` for `mlp.params`, `x-file` for `x-file`.
    private static func stem(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The bytes `load(name)` reads: what this run saved, else the file in the assets
    /// folder, else, in a budget run, the full run's file. A file read from disk joins
    /// the run's record, so that a snapshot is not used once it changed.
    private func savedFileBytes(_ name: String) throws(LanguageError) -> [UInt8] {
        let ownName = budgetFileName(name)
        if let saved = savedFile(named: ownName) { return saved }
        let files = assetFiles
        for fileName in ownName == name ? [name] : [ownName, name] {
            if let bytes = try libraryOperation({ () throws(AssetFileError) in try files.read(fileName) }) {
                let path = files.relativePath(of: fileName)
                filesRead[path] = self.files.identity(of: path) ?? "gone"
                return bytes
            }
        }
        throw .here(.library(AssetFileError.missing(name, folder: assetFolder)))
    }

    /// What `save` keeps: a tensor, an array of tensors or a `[String: Tensor]` dictionary.
    private static func parameterFileContents(_ value: Value) throws(LanguageError) -> ParameterFile.Contents {
        switch value {
        case .native(let tensor as Tensor):
            return .tensor(tensor)
        case .array(let items):
            var tensors: [Tensor] = []
            for item in items {
                guard case .native(let tensor as Tensor) = item else { throw .library(.notSavable("[\(item.typeName)]")) }
                tensors.append(tensor)
            }
            return .array(tensors)
        case .dictionary(let dictionary):
            var entries: [(name: String, tensor: Tensor)] = []
            for (key, item) in zip(dictionary.keys, dictionary.values) {
                guard case .string(let name) = key, case .native(let tensor as Tensor) = item else {
                    throw .library(.notSavable("[\(key.typeName): \(item.typeName)]"))
                }
                entries.append((name, tensor))
            }
            return .named(entries)
        default:
            throw .library(.notSavable(value.typeName))
        }
    }

    /// What `load` gives back: the kind of value that was saved, with fresh tensors.
    private static func value(of contents: ParameterFile.Contents) -> Value {
        switch contents {
        case .tensor(let tensor): return .native(tensor)
        case .array(let tensors): return .array(tensors.map { .native($0) })
        case .named(let entries): return .dictionary(ModuleScripting.dictionary(entries))
        }
    }
}
