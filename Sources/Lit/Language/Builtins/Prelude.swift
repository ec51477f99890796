/// Declarations every chapter starts with, written in the cell language itself.
extension Interpreter {
    static let preludeCell = 0

    static let preludeSource = """
    class Module {
        var isTraining: Bool = true
        init() {}
        func forward(_ input: Any) -> Any {
            fatalError("subclasses of Module must override forward(_:)")
        }
        func callAsFunction(_ input: Any) -> Any {
            return forward(input)
        }
        func train() { isTraining = true }
        func eval() { isTraining = false }
    }
    """

    func installPrelude() {
        do {
            _ = try run(Interpreter.preludeSource, cell: Interpreter.preludeCell)
        } catch {
            preconditionFailure("the prelude must run: \(error)")
        }
    }
}
