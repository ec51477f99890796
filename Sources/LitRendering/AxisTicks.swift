import Foundation

/// An axis's range and its labelled ticks, chosen so that labels are round numbers.
package struct AxisTicks: Equatable {
    /// The axis's ends, in data units.
    package let lower: Double
    package let upper: Double
    /// Where ticks go, in data units, ascending.
    package let values: [Double]
    /// One label per tick.
    package let labels: [String]
    /// How values are spaced along the axis.
    package let scale: Scale
    /// Unlabelled ticks between the labelled ones, such as a log axis's 2 to 9 times a
    /// power of ten.
    package let minorValues: [Double]

    package enum Scale: Equatable, Sendable {
        /// Equal differences take equal lengths.
        case linear
        /// Equal ratios take equal lengths: 10 sits halfway between 1 and 100.
        case logarithmic
    }

    package init(lower: Double, upper: Double, values: [Double], labels: [String], scale: Scale = .linear,
                 minorValues: [Double] = []) {
        self.lower = lower
        self.upper = upper
        self.values = values
        self.labels = labels
        self.scale = scale
        self.minorValues = minorValues
    }

    /// Where `value` falls along the axis: 0 at `lower`, 1 at `upper`.
    package func fraction(_ value: Double) -> Double {
        switch scale {
        case .linear: (value - lower) / (upper - lower)
        case .logarithmic: (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// Ticks on the epochs 1 through `count`, every 1, 2, 5, 10, 20, ... epochs, so that
    /// at most `maximumCount` are labelled. One epoch gets an axis of width one around it.
    package static func epochs(_ count: Int, maximumCount: Int = 10) -> AxisTicks {
        let last = max(1, count)
        if last == 1 { return AxisTicks(lower: 0.5, upper: 1.5, values: [1], labels: ["1"]) }
        var step = 1
        for candidate in roundSteps() where last / candidate <= max(1, maximumCount) {
            step = candidate
            break
        }
        let ticks = step == 1 ? Array(1...last) : Array(stride(from: step, through: last, by: step))
        return AxisTicks(lower: 1, upper: Double(last), values: ticks.map(Double.init),
                         labels: ticks.map(String.init))
    }

    /// The steps 1, 2, 5, 10, 20, 50, ... that fit in an Int.
    private static func roundSteps() -> [Int] {
        var steps: [Int] = []
        var magnitude = 1
        while true {
            for factor in [1, 2, 5] {
                let (step, overflow) = magnitude.multipliedReportingOverflow(by: factor)
                if overflow { return steps }
                steps.append(step)
            }
            let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return steps }
            magnitude = next
        }
    }

    /// A linear axis over `low...high` (finite, `low <= high`); a single value gets room on
    /// both sides, a tenth of its size or at least 1, so that it sits in the middle.
    package static func spanning(_ low: Double, _ high: Double) -> AxisTicks {
        guard low == high else { return covering(low, high) }
        let room = max(1, abs(low) / 10)
        return covering(low - room, high + room)
    }

    /// An axis that covers `low...high` (finite, `low < high`) with about `targetCount`
    /// intervals of 1, 2 or 5 times a power of ten, its ends on ticks.
    package static func covering(_ low: Double, _ high: Double, targetCount: Int = 5) -> AxisTicks {
        precondition(low.isFinite && high.isFinite && low < high, "axis range must be finite and non-empty")
        let raw = (high - low) / Double(max(1, targetCount))
        var exponent = Int(floor(log10(raw)))
        let fraction = raw / pow(10, Double(exponent))
        // The slack keeps a quotient such as 2.0000000000000004 from jumping to 5.
        let factor: Int
        switch fraction {
        case ...1.000_001: factor = 1
        case ...2.000_001: factor = 2
        case ...5.000_001: factor = 5
        default: factor = 1; exponent += 1
        }
        let step = Double(factor) * pow(10, Double(exponent))
        // The slack keeps an end that is a tick, up to rounding, from adding one more.
        let first = floor(low / step + 1e-9)
        let last = ceil(high / step - 1e-9)
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let largest = max(abs(values.first!), abs(values.last!))
        let labels = values.map { value in
            if largest >= 1e6 || exponent < -6 { return String(format: "%g", value) }
            return NumberText.fixed(value, digits: max(0, -exponent))
        }
        return AxisTicks(lower: values.first!, upper: values.last!, values: values, labels: labels)
    }
}
