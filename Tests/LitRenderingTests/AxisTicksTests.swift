import LitRendering
import Testing

@Suite struct AxisTicksTests {
    @Test func unitRangeStepsByTwoTenths() {
        let ticks = AxisTicks.covering(0, 1)
        #expect(ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(ticks.lower == 0 && ticks.upper == 1)
    }

    @Test func endsAreRoundedOutToTicks() {
        #expect(AxisTicks.covering(0, 2.3).labels == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"])
        #expect(AxisTicks.covering(0, 37).labels == ["0", "10", "20", "30", "40"])
        #expect(AxisTicks.covering(-0.3, 1).labels == ["-0.5", "0.0", "0.5", "1.0"])
        let large = AxisTicks.covering(0, 250)
        #expect(large.labels == ["0", "50", "100", "150", "200", "250"])
        #expect(large.upper == 250)
    }

    @Test func hugeRangesUseExponents() {
        #expect(AxisTicks.covering(0, 1e30).labels == ["0", "2e+29", "4e+29", "6e+29", "8e+29", "1e+30"])
    }

    @Test func epochTicksAreWholeAndThinned() {
        #expect(AxisTicks.epochs(1) == AxisTicks(lower: 0.5, upper: 1.5, values: [1], labels: ["1"]))
        #expect(AxisTicks.epochs(0).labels == ["1"])
        #expect(AxisTicks.epochs(5).labels == ["1", "2", "3", "4", "5"])
        #expect(AxisTicks.epochs(5).lower == 1 && AxisTicks.epochs(5).upper == 5)
        #expect(AxisTicks.epochs(10).labels.count == 10)
        #expect(AxisTicks.epochs(11).labels == ["2", "4", "6", "8", "10"])
        #expect(AxisTicks.epochs(30).labels == ["5", "10", "15", "20", "25", "30"])
        #expect(AxisTicks.epochs(1000).labels.first == "100")
        #expect(AxisTicks.epochs(Int.max).labels.count <= 10)
    }

    @Test func singleValuesGetRoomOnBothSides() {
        #expect(AxisTicks.spanning(5, 5).labels == ["4.0", "4.5", "5.0", "5.5", "6.0"])
        #expect(AxisTicks.spanning(0, 4) == AxisTicks.covering(0, 4))
        let large = AxisTicks.spanning(1e6, 1e6)
        #expect(large.lower < 1e6 && large.upper > 1e6 && Set(large.labels).count == large.labels.count)
    }

    @Test func logTicksArePowersOfTenWithMinorTicksBetween() {
        let ticks = AxisTicks.logarithmic(0.03, 40)
        #expect(ticks.scale == .logarithmic)
        #expect(ticks.values == [0.01, 0.1, 1, 10, 100])
        #expect(ticks.labels == ["10⁻²", "10⁻¹", "10⁰", "10¹", "10²"])
        #expect(ticks.lower == 0.01 && ticks.upper == 100)
        #expect(ticks.minorValues.count == 4 * 8)
        #expect(zip(ticks.minorValues, [0.02, 0.03, 0.04]).allSatisfy { abs($0 - $1) < 1e-15 })
        #expect(ticks.minorValues.last.map { abs($0 - 90) < 1e-12 } == true)
        // Equal ratios take equal lengths.
        let decades = AxisTicks.logarithmic(1, 100)
        #expect(decades.fraction(1) == 0 && decades.fraction(10) == 0.5 && decades.fraction(100) == 1)
    }

    @Test func logTicksThinOutOverManyDecades() {
        let ticks = AxisTicks.logarithmic(1e-20, 1e20)
        #expect(ticks.labels == ["10⁻²⁰", "10⁻¹⁵", "10⁻¹⁰", "10⁻⁵", "10⁰", "10⁵", "10¹⁰", "10¹⁵", "10²⁰"])
        #expect(ticks.minorValues.count == 32)
        let widest = AxisTicks.logarithmic(AxisTicks.logarithmicRange.lowerBound, AxisTicks.logarithmicRange.upperBound)
        #expect(widest.labels.count <= 9 && widest.lower > 0 && widest.upper.isFinite)
        #expect(widest.minorValues.isEmpty)
    }

    @Test func aLogAxisOverOneValueSpansAroundIt() {
        #expect(AxisTicks.logarithmic(1, 1).labels == ["10⁻¹", "10⁰", "10¹"])
        #expect(AxisTicks.logarithmic(3, 3).labels == ["10⁰", "10¹"])
    }
}
