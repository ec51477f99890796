extension Interpreter {
    /// Lexes, parses and resolves a cell's code without running it: every check made
    /// before a cell's first statement. Like a run, it works on the runner's large stack.
    public func check(_ code: String, cell: Int) throws(LanguageError) {
        let failure = LargeStackThread.run { () -> LanguageError? in
            do throws(LanguageError) {
                _ = try self.parse(code, cell: cell)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }
}
