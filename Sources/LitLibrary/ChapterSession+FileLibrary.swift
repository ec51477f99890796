import Foundation
import LitData
import LitLanguage
import LitTensor

/// `readText` and `loadCSV`: the chapter's own files, read-only, from its folder and below.
extension ChapterSession {
    package func installFileLibrary() {
        interpreter.define("readText", signatures: [Signature("_")]) { [unowned self] (_, args) throws(LanguageError) in
            let path = try ChapterSession.path(args, "readText")
            return .string(try text(of: path))
        }
        interpreter.define("loadCSV", signatures: [Signature("_")]) { [unowned self] (_, args) throws(LanguageError) in
            let path = try ChapterSession.path(args, "loadCSV")
            let text = try text(of: path)
            let table = try libraryOperation { () throws(DataError) in try CSVTable(parsing: text, path: path) }
            let columns = table.numericColumns
            let tensor = Tensor(shape: [table.rows.count, columns.count], scalars: table.numbers(in: columns))
            return .tuple([.array(columns.map { .string(table.header[$0]) }), .native(tensor)], labels: ["header", "values"])
        }
    }

    private static func path(_ args: [ArgumentValue], _ callee: String) throws(LanguageError) -> String {
        try ScriptArguments(args, callee).check(labels: [nil], count: 1...1)
        guard case .string(let path) = args[0].value else { throw .here(.cannotConvert(from: args[0].value.typeName, to: "String")) }
        return path
    }

    /// The file's text, which must be UTF-8; the file's identity joins the run's record.
    private func text(of path: String) throws(LanguageError) -> String {
        let bytes = try libraryOperation { () throws(SandboxError) in try files.read(path) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .here(.library(DataError.inconsistent(path: path, reason: "the file is not UTF-8 text")))
        }
        filesRead[path] = files.identity(of: path) ?? "gone"
        return text
    }
}
