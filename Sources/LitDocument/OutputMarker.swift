/// The begin marker of an output block, an HTML comment such as
/// `<!-- litrun:output cell=3 hash=5f2a9c1e status=error budget=quick -->`.
///
/// `status` is written only when it is not `ok`, and `budget` only when the run used one.
/// Unknown attributes are ignored when reading, so later versions can add some.
public struct OutputMarker: Equatable, Sendable {
    /// How the cell's last run ended.
    public enum Status: String, Equatable, Sendable {
        case ok
        case error
        case notRun = "not-run"
        /// The run was stopped by Ctrl-C while this cell ran.
        case interrupted

        /// The `status` attribute's value: absent is `.ok`, an unknown one nil.
        package init?(attribute: String?) {
            guard let attribute else { self = .ok; return }
            self.init(rawValue: attribute)
        }
    }

    /// The end marker that closes every output block.
    public static let endText = "<!-- litrun:end -->"

    /// 1-based number of the cell the block belongs to.
    public var cell: Int
    /// The cell's `CellHash` when the block was written.
    public var hash: String
    public var status: Status
    /// The budget the outputs were computed with, or nil for a full run.
    public var budget: String?
    /// The parameter values, other than the chapter's own, the outputs were computed
    /// with (`epochs=1,lr=0.01`), or nil.
    public var params: String?

    /// Creates a marker for a cell's outputs.
    public init(cell: Int, hash: String, status: Status = .ok, budget: String? = nil, params: String? = nil) {
        self.cell = cell
        self.hash = hash
        self.status = status
        self.budget = budget
        self.params = params
    }

    /// The begin marker as it is written in the chapter.
    public var text: String {
        var words = ["litrun:output", "cell=\(cell)", "hash=\(hash)"]
        if status != .ok { words.append("status=\(status.rawValue)") }
        if let budget { words.append("budget=\(budget)") }
        if let params { words.append("params=\(params)") }
        return "<!-- " + words.joined(separator: " ") + " -->"
    }

    /// Reads a begin marker from one line, or returns nil when the line is not one.
    public static func parse(_ line: String) -> OutputMarker? {
        guard let attributes = attributes(of: line, kind: "litrun:output"),
              let cell = attributes["cell"].flatMap({ Int($0) }), cell > 0, let hash = attributes["hash"],
              let status = Status(attribute: attributes["status"]) else { return nil }
        return OutputMarker(cell: cell, hash: hash, status: status, budget: attributes["budget"], params: attributes["params"])
    }

    /// The `key=value` words of a one-line litrun comment of this kind, or nil when the
    /// line is not one or a word is malformed. Unknown keys are kept, for later versions.
    package static func attributes(of line: String, kind: String) -> [String: String]? {
        guard let words = commentWords(line), words.first.map(String.init) == kind else { return nil }
        var attributes: [String: String] = [:]
        for word in words.dropFirst() {
            guard let equals = word.firstIndex(of: "=") else { return nil }
            let value = String(word[word.index(after: equals)...])
            guard !value.isEmpty else { return nil }
            attributes[String(word[..<equals])] = value
        }
        return attributes
    }

    /// Whether a line is the end marker, allowing the spacing a person might type.
    package static func isEnd(_ line: String) -> Bool {
        commentWords(line) == ["litrun:end"]
    }

    /// The whitespace-separated words inside a one-line HTML comment.
    package static func commentWords(_ line: String) -> [Substring]? {
        let trimmed = line.trimmingWhitespace
        guard trimmed.utf8.count >= 7, trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3)
        guard !inner.contains("\n"), !inner.contains("\r") else { return nil }
        return inner.split(whereSeparator: { $0 == " " || $0 == "\t" })
    }
}

private extension String {
    /// The string without leading and trailing spaces, tabs and line terminators.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
