import Foundation

/// Numbers as the training table, curve and progress lines print them: fixed precision,
/// a decimal point whatever the locale, and the same bytes for the same value.
package enum NumberText {
    /// `value` with `digits` decimals ("0.412"); never "-0.000", and "nan", "inf" or
    /// "-inf" for values that are not finite, as Swift prints them.
    package static func fixed(_ value: Double, digits: Int) -> String {
        if let special = nonFinite(value) { return special }
        let text = String(format: "%.\(max(0, digits))f", value)
        return isNegativeZero(text) ? String(text.dropFirst()) : text
    }

    /// `value` rounded to a whole number with a comma between thousands ("6,000").
    package static func grouped(_ value: Double) -> String {
        if let special = nonFinite(value) { return special }
        // printf rounds without converting to Int, which would trap past Int.max.
        let text = String(format: "%.0f", value)
        if isNegativeZero(text) { return "0" }
        let negative = text.hasPrefix("-")
        let digits = Array(negative ? text.dropFirst() : Substring(text))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return negative ? "-" + result : result
    }

    /// A duration as "m:ss", or "h:mm:ss" from an hour on; "--:--" when it is unknown.
    package static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "--:--" }
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    /// A negative value that rounds to zero prints as "-0.00"; the sign says nothing.
    private static func isNegativeZero(_ text: String) -> Bool {
        text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }
}
