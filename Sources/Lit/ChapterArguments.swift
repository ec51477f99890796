import Foundation

/// The chapters the command line names: a file as it is, and a directory as every
/// Markdown file directly inside it, in name order.
public enum ChapterArguments {
    public static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: argument) else { return [argument] }
            return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { name in
                argument.hasSuffix("/") ? argument + name : argument + "/" + name
            }.filter { path in
                var nested: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &nested) && !nested.boolValue
            }
        }
    }
}
