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
}
