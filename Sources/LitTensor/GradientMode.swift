/// Whether operations record the gradient graph. Evaluation turns it off, as
/// `torch.no_grad()` does, so that no graph is kept alive for nothing.
public enum GradientMode {
    @TaskLocal package static var isEnabled = true

    /// Runs `body` without recording any graph.
    public static func withoutGradients<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        var result: Result<T, E>!
        $isEnabled.withValue(false) {
            do throws(E) { result = .success(try body()) } catch { result = .failure(error) }
        }
        return try result.get()
    }
}
