import Foundation

extension AxisTicks {
    /// The values a log axis can show. Beyond them the axis's ends, rounded out to powers
    /// of ten, would leave the range of finite, normal Doubles.
    package static let logarithmicRange = 1e-200...1e200

    /// A log axis over `low...high` (positive, within `logarithmicRange`, `low <= high`),
    /// its ends on powers of ten. Every decade is labelled ("10⁻²", "10⁰", "10¹"), or every
    /// 2, 5, 10, ... decades so that at most `maximumCount` intervals are; the decades or
    /// the 2 to 9 times a power of ten in between are minor ticks while they are few.
    package static func logarithmic(_ low: Double, _ high: Double, maximumCount: Int = 8) -> AxisTicks {
        precondition(logarithmicRange.contains(low) && logarithmicRange.contains(high) && low <= high,
                     "log axis range must be positive and non-empty")
        var first = Int(floor(log10(low)))
        var last = Int(ceil(log10(high)))
        if first == last {
            // A power of ten on its own gets a decade either side.
            first -= 1
            last += 1
        }
        let steps = [1, 2, 5, 10, 20, 50, 100]
        let step = steps.first { step in
            roundedUp(last, to: step) - roundedDown(first, to: step) <= max(1, maximumCount) * step
        } ?? steps.last!
        first = roundedDown(first, to: step)
        last = roundedUp(last, to: step)
        let exponents = Array(stride(from: first, through: last, by: step))
        let minorValues: [Double]
        if step == 1 && last - first <= 4 {
            minorValues = (first..<last).flatMap { exponent in (2...9).map { Double($0) * power(exponent) } }
        } else if step > 1 && last - first <= 40 {
            minorValues = (first...last).filter { ($0 - first) % step != 0 }.map(power)
        } else {
            minorValues = []
        }
        return AxisTicks(lower: power(first), upper: power(last), values: exponents.map(power),
                         labels: exponents.map(powerOfTenLabel), scale: .logarithmic, minorValues: minorValues)
    }

    /// "10" with the exponent in superscript digits, as a log axis is labelled.
    package static func powerOfTenLabel(_ exponent: Int) -> String {
        let superscripts: [Character: Character] = [
            "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        ]
        return "10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }

    private static func power(_ exponent: Int) -> Double {
        pow(10, Double(exponent))
    }

    /// The largest multiple of `step` at or below `value`.
    private static func roundedDown(_ value: Int, to step: Int) -> Int {
        Int((Double(value) / Double(step)).rounded(.down)) * step
    }

    /// The smallest multiple of `step` at or above `value`.
    private static func roundedUp(_ value: Int, to step: Int) -> Int {
        -roundedDown(-value, to: step)
    }
}
