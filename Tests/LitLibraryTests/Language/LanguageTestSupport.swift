import LitLanguage
import LitLibrary

/// Runs cells in one interpreter and returns each cell's text output.
func outputs(_ cells: String...) throws -> [String] {
    let interpreter = ChapterSession(seed: 42)
    var texts: [String] = []
    for (index, code) in cells.enumerated() {
        texts.append(try interpreter.run(code, cell: index + 1, timeout: 10).text)
    }
    return texts
}

/// Runs one cell and returns its text output.
func output(_ code: String) throws -> String {
    try outputs(code)[0]
}

/// Runs cells and returns the error the last one raised.
func failure(_ cells: String...) -> LanguageError? {
    let interpreter = ChapterSession(seed: 42)
    for (index, code) in cells.enumerated() {
        do {
            _ = try interpreter.run(code, cell: index + 1, timeout: 2)
        } catch {
            return error
        }
    }
    return nil
}
