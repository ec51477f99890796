import LitRendering
import Testing

@Suite struct NumberTextTests {
    @Test func fixedRoundsAndDropsTheSignOfZero() {
        #expect(NumberText.fixed(0.4125, digits: 3) == "0.412" || NumberText.fixed(0.4125, digits: 3) == "0.413")
        #expect(NumberText.fixed(0.41251, digits: 3) == "0.413")
        #expect(NumberText.fixed(2, digits: 1) == "2.0")
        #expect(NumberText.fixed(-0.0001, digits: 3) == "0.000")
        #expect(NumberText.fixed(-0.0, digits: 1) == "0.0")
        #expect(NumberText.fixed(-1.25, digits: 1) == "-1.2")
        #expect(NumberText.fixed(7.6, digits: 0) == "8")
        #expect(NumberText.fixed(.nan, digits: 3) == "nan")
        #expect(NumberText.fixed(-.infinity, digits: 3) == "-inf")
    }

    @Test func groupedPutsCommasBetweenThousands() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999.4) == "999")
        #expect(NumberText.grouped(999.6) == "1,000")
        #expect(NumberText.grouped(5230) == "5,230")
        #expect(NumberText.grouped(999_999.6) == "1,000,000")
        #expect(NumberText.grouped(-1234.4) == "-1,234")
        #expect(NumberText.grouped(-0.4) == "0")
        #expect(NumberText.grouped(1e20) == "100,000,000,000,000,000,000")
        #expect(NumberText.grouped(.infinity) == "inf")
        #expect(NumberText.grouped(.nan) == "nan")
    }

    @Test func durationReadsLikeAClock() {
        #expect(NumberText.duration(0) == "0:00")
        #expect(NumberText.duration(42.3) == "0:42")
        #expect(NumberText.duration(61) == "1:01")
        #expect(NumberText.duration(3599.4) == "59:59")
        #expect(NumberText.duration(3725) == "1:02:05")
        #expect(NumberText.duration(100 * 3600) == "100:00:00")
        #expect(NumberText.duration(.nan) == "--:--")
        #expect(NumberText.duration(-1) == "--:--")
        #expect(NumberText.duration(.infinity) == "--:--")
    }
}
