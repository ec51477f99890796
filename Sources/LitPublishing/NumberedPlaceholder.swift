/// Placeholders such as `<!--litrun-slot-3-->` or `LITRUNMATH3E`: a fixed prefix, a number
/// and a fixed suffix, which the publisher puts into Markdown and fills in cmark's HTML.
struct NumberedPlaceholder {
    var prefix: String
    var suffix: String

    func text(_ number: Int) -> String { "\(prefix)\(number)\(suffix)" }

    /// `text` with every placeholder whose number has a value replaced by that value;
    /// anything else that starts like one is left as it is.
    func fill(_ text: String, with values: [String]) -> String {
        guard !values.isEmpty else { return text }
        var result = ""
        var rest = text[...]
        while let found = rest.range(of: prefix) {
            result += rest[..<found.lowerBound]
            rest = rest[found.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let after = rest.dropFirst(digits.count)
            if let number = Int(digits), number < values.count, after.hasPrefix(suffix) {
                result += values[number]
                rest = after.dropFirst(suffix.count)
            } else {
                result += prefix
            }
        }
        return result + rest
    }
}
