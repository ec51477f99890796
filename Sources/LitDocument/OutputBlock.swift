/// An output block already in a chapter: the lines from a begin marker to its end marker.
public struct OutputBlock: Equatable, Sendable {
    /// Bytes from the start of the begin marker's line to the end of the end marker's line,
    /// without that line's terminator.
    public var range: Range<Int>
    public var marker: OutputMarker
    /// The raw lines between the two markers joined by "\n", container prefixes included.
    public var body: String
    /// 1-based chapter line of the begin marker.
    public var line: Int
    /// The bytes of the begin marker's comment on its line, which `markNotRun` rewrites.
    package var markerRange: Range<Int>

    package init(range: Range<Int>, marker: OutputMarker, body: String, line: Int, markerRange: Range<Int>) {
        self.range = range
        self.marker = marker
        self.body = body
        self.line = line
        self.markerRange = markerRange
    }
}
