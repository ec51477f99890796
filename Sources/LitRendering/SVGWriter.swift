/// Builds an SVG document as text, one element a line and indented by depth.
///
/// Text and attribute values are escaped, and numbers have a fixed precision, so the
/// same drawing always gives the same bytes.
package struct SVGWriter {
    private var lines: [String] = []
    private var depth = 0

    /// The document so far, ending with a newline.
    package var text: String { lines.joined(separator: "\n") + "\n" }

    /// Starts a figure: the root `svg` element of `width` × `height` pixels, its title
    /// (and description) for screen readers, and a white background. `close("svg")`
    /// ends it.
    package mutating func openFigure(width: String, height: String, title: String, description: String? = nil) {
        open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": width, "height": height,
            "viewBox": "0 0 \(width) \(height)", "role": "img",
            "font-family": "sans-serif", "font-size": "12",
        ])
        element("title", text: title)
        if let description { element("desc", text: description) }
        element("rect", ["width": "100%", "height": "100%", "fill": "white"])
    }

    /// Starts an element that holds others; `close` ends it.
    package mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:]) {
        lines.append(indent + "<" + name + Self.attributeText(attributes) + ">")
        depth += 1
    }

    package mutating func close(_ name: String) {
        depth -= 1
        lines.append(indent + "</" + name + ">")
    }

    /// An element with text inside, or an empty one when `text` is nil. Attributes whose
    /// value is nil are left out.
    package mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String? = nil) {
        let start = indent + "<" + name + Self.attributeText(attributes)
        if let text {
            lines.append(start + ">" + Self.escape(text) + "</" + name + ">")
        } else {
            lines.append(start + "/>")
        }
    }

    /// An element around markup made by `markup(_:_:text:)`, on one line: whitespace
    /// between `tspan`s would show as a space at the start of a line of text.
    package mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], markup: String) {
        lines.append(indent + "<" + name + Self.attributeText(attributes) + ">" + markup + "</" + name + ">")
    }

    /// An element with escaped text inside, as text for `element(_:_:markup:)`.
    package static func markup(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) -> String {
        "<" + name + attributeText(attributes) + ">" + escape(text) + "</" + name + ">"
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    private static func attributeText(_ attributes: KeyValuePairs<String, String?>) -> String {
        attributes.compactMap { key, value in value.map { " \(key)=\"\(escape($0))\"" } }.joined()
    }

    /// Escapes markup characters, and replaces characters XML 1.0 forbids, so that any
    /// title still makes a well-formed file.
    package static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result += " "
            default:
                let forbidden = scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                result.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }

    /// A coordinate with one decimal, a tenth of a pixel. Callers pass finite values;
    /// anything else is clamped, so that "nan" or "inf" never reaches the file.
    package static func number(_ value: Double) -> String {
        let clamped = value.isNaN ? 0 : min(max(value, -1e6), 1e6)
        return NumberText.fixed(clamped, digits: 1)
    }
}
