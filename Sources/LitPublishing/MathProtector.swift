/// Replaces the math in prose with placeholder words that cmark leaves alone, and puts the
/// math back into cmark's HTML afterwards.
///
/// The rules are pandoc's `tex_math_dollars`: `$$...$$` is display math; `$...$` is inline
/// math when the opening `$` is not followed by a space, the closing one is not preceded by
/// one nor followed by a digit (so "$5 and $6" stays text), and no blank line comes between.
/// `\$` is a dollar sign. Code spans, autolinks and inline HTML are copied untouched, and
/// inline math never runs into a code span.
package struct MathProtector {
    /// Letters no chapter contains, followed by the span's number and `E`.
    private let placeholder: NumberedPlaceholder
    package private(set) var spans: [MathSpan] = []

    /// A protector whose placeholders cannot occur in `source`.
    package init(avoiding source: String) {
        var prefix = "LITRUNMATH"
        while source.contains(prefix) { prefix += "Q" }
        placeholder = NumberedPlaceholder(prefix: prefix, suffix: "E")
    }

    /// The text with each math span replaced by a placeholder word.
    package mutating func protect(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\") where index + 1 < bytes.count:
                output += bytes[index...index + 1]
                index += 2
            case UInt8(ascii: "`"):
                let end = Self.codeSpanEnd(bytes, from: index)
                output += bytes[index..<end]
                index = end
            case UInt8(ascii: "<"):
                let end = Self.tagEnd(bytes, from: index)
                output += bytes[index..<end]
                index = end
            case UInt8(ascii: "$"):
                if let (span, end) = Self.math(bytes, from: index) {
                    output += Array(placeholder.text(spans.count).utf8)
                    spans.append(span)
                    index = end
                } else {
                    // An unmatched `$$` is two dollars of text, never the start of inline math.
                    let width = index + 1 < bytes.count && bytes[index + 1] == byte ? 2 : 1
                    output += bytes[index..<index + width]
                    index += width
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// cmark's HTML with every placeholder replaced by its span's markup.
    package func restore(_ html: String) -> String {
        placeholder.fill(html, with: spans.map(\.html))
    }

    /// The span starting at the `$` at `start`, and the offset just past it; nil when the
    /// dollar opens no math.
    private static func math(_ bytes: [UInt8], from start: Int) -> (MathSpan, Int)? {
        let dollar = UInt8(ascii: "$")
        if start + 1 < bytes.count, bytes[start + 1] == dollar {
            var index = start + 2
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == dollar && bytes[index + 1] == dollar {
                    let tex = String(decoding: bytes[(start + 2)..<index], as: UTF8.self)
                    guard tex.contains(where: { !$0.isWhitespace }) else { return nil }
                    return (MathSpan(tex: tex, display: true), index + 2)
                }
                index += 1
            }
            return nil
        }
        guard start + 1 < bytes.count, !isSpace(bytes[start + 1]) else { return nil }
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            // A code span wins over math that would have to run through it.
            if byte == UInt8(ascii: "`") { return nil }
            if byte == UInt8(ascii: "\n") {
                // A blank line ends the paragraph, and with it any inline math.
                var next = index + 1
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") { next += 1 }
                if next >= bytes.count || bytes[next] == UInt8(ascii: "\n") { return nil }
            } else if byte == dollar {
                let followedByDigit = index + 1 < bytes.count && bytes[index + 1] >= 48 && bytes[index + 1] <= 57
                if !isSpace(bytes[index - 1]) && !followedByDigit {
                    let tex = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
                    return (MathSpan(tex: tex, display: false), index + 1)
                }
            }
            index += 1
        }
        return nil
    }

    /// Past the code span that a run of backticks at `start` opens, or past the run
    /// itself when no run of the same length closes it (CommonMark's rule).
    private static func codeSpanEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let tick = UInt8(ascii: "`")
        var runEnd = start
        while runEnd < bytes.count, bytes[runEnd] == tick { runEnd += 1 }
        let length = runEnd - start
        var index = runEnd
        while index < bytes.count {
            guard bytes[index] == tick else { index += 1; continue }
            var closeEnd = index
            while closeEnd < bytes.count, bytes[closeEnd] == tick { closeEnd += 1 }
            if closeEnd - index == length { return closeEnd }
            index = closeEnd
        }
        return runEnd
    }

    /// Past an autolink or inline HTML tag starting at `start` on the same line; just past
    /// the `<` when it starts neither.
    private static func tagEnd(_ bytes: [UInt8], from start: Int) -> Int {
        guard start + 1 < bytes.count else { return start + 1 }
        let next = bytes[start + 1]
        let opensTag = next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            || (next | 0x20 >= UInt8(ascii: "a") && next | 0x20 <= UInt8(ascii: "z"))
        guard opensTag else { return start + 1 }
        var index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            if bytes[index] == UInt8(ascii: ">") { return index + 1 }
            index += 1
        }
        return start + 1
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
