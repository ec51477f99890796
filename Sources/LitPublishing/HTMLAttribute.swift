/// Reads and rewrites double-quoted attribute values in HTML that cmark wrote, where a
/// value never holds a raw `"`.
package enum HTMLAttribute {
    /// The HTML with each `name="value"` passed to `transform`, which gives an escaped
    /// replacement value or nil to keep it.
    package static func rewrite(_ html: String, named name: String, _ transform: (String) -> String?) -> String {
        var result = ""
        var rest = html[...]
        let opening = " \(name)=\""
        while let found = rest.range(of: opening) {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            guard let close = rest.firstIndex(of: "\"") else { break }
            let value = String(rest[..<close])
            result += transform(value) ?? value
            rest = rest[close...]
        }
        return result + rest
    }

    /// Whether a URL starts with a scheme such as `https:` or `data:`.
    package static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), colon != url.startIndex else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
