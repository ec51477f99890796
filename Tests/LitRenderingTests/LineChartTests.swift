import LitRendering
import LitTestSupport
import Testing

@Suite struct LineChartTests {
    /// x from 0 to 4 and values from 0 to 1: with a legend, the default 560 × 360 image puts
    /// the plot area from x 64 to 536 and from y 40 (value 1) to 308 (value 0).
    static let x: [Double] = [0, 1, 2, 3, 4]

    func chart(_ series: [(String?, [Double])], x: [Double] = x, xLabel: String? = "epoch", yLabel: String? = "loss",
               logY: Bool = false) throws -> LineChart {
        try LineChart(x: x, series: series.map { LineChart.Series(name: $0.0, values: $0.1) },
                      xLabel: xLabel, yLabel: yLabel, logY: logY)
    }

    func parse(_ svg: String) throws -> XMLTree {
        try #require(XMLTree.parse(svg), "not well-formed XML:\n\(svg)")
    }

    /// The points of a path's `d`, each with the command that reached it ("M" or "L").
    func points(_ group: XMLTree?) -> [(command: String, x: Double, y: Double)] {
        let parts = (group?.all(class: "line").first?.attributes["d"] ?? "").split(separator: " ").map(String.init)
        return stride(from: 0, to: parts.count, by: 3).map { (parts[$0], Double(parts[$0 + 1]) ?? .nan, Double(parts[$0 + 2]) ?? .nan) }
    }

    func error(_ body: () throws -> LineChart) -> FigureError? {
        do { _ = try body() } catch let error as FigureError { return error } catch { return nil }
        return nil
    }

    @Test func axesLabelsAndALegendEntryPerSeriesInOrder() throws {
        let chart = try chart([("train", [1, 0.8, 0.5, 0.3, 0.2]), ("test", [0.9, 0.7, 0.6, 0.5, 0.45]), ("valid", [1, 1, 1, 1, 1])])
        let svg = chart.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
        let root = try parse(svg)
        #expect(root.attributes["viewBox"] == "0 0 560 360")
        #expect(root.all(class: "axis-title").map(\.text) == ["epoch", "loss"])
        #expect(try #require(root.all(class: "legend").first).texts == ["train", "test", "valid"])
        #expect(root.all(class: "series").map { $0.attributes["data-series"] } == ["train", "test", "valid"])
        #expect(root.all(class: "y-axis").first?.attributes["data-scale"] == nil)
        // The y axis spans the values, 0.2 to 1, not from 0.
        #expect(try #require(root.all(class: "tick-labels").first).texts
                    == ["0", "1", "2", "3", "4", "0.2", "0.4", "0.6", "0.8", "1.0"])
        // Each line its own colour; each point marked.
        #expect(Set(root.all(class: "series").map { $0.attributes["stroke"] ?? "" }).count == 3)
        #expect(root.all(class: "series").allSatisfy { $0.all(class: "marker").count == 5 })
        #expect(chart.altText == "Line chart of loss against epoch: train, test, valid")
        #expect(root.all("title").first?.text == chart.altText)
    }

    @Test func pointsMapOntoThePlotArea() throws {
        let root = try parse(try chart([("train", [0, 0.25, 0.5, 0.75, 1])]).svg())
        let drawn = points(root.all(class: "series").first)
        #expect(drawn.map(\.command) == ["M", "L", "L", "L", "L"])
        // (2, 0.5) is the middle of the area: x 64 + 472 / 2, y 308 - 268 / 2.
        #expect(drawn[2].x == 300 && drawn[2].y == 174)
        // (1, 0.25): a quarter of the way along and up.
        #expect(drawn[1].x == 182 && drawn[1].y == 241)
        #expect(drawn.first.map { [$0.x, $0.y] } == [64, 308] && drawn.last.map { [$0.x, $0.y] } == [536, 40])
    }

    @Test func aSingleSeriesWithoutANameHasNoLegend() throws {
        let chart = try chart([(nil, [3, 1, 2, 5, 4])], yLabel: nil)
        let root = try parse(chart.svg())
        #expect(root.all(class: "legend").first?.children.isEmpty ?? true)
        #expect(root.all(class: "series").first?.attributes["data-series"] == nil)
        #expect(root.all(class: "axis-title").map(\.text) == ["epoch"])
        #expect(points(root.all(class: "series").first).count == 5)
        // Without a legend the plot area starts higher.
        #expect(points(root.all(class: "series").first)[3].y == 20)
        #expect(chart.altText == "Line chart against epoch")
    }

    @Test func logScaleTicksArePowersOfTenAndTenSitsHalfwayBetweenOneAndAHundred() throws {
        let chart = try chart([("loss", [1, 10, 100])], x: [1, 2, 3], logY: true)
        let root = try parse(chart.svg())
        #expect(root.all(class: "y-axis").first?.attributes["data-scale"] == "log")
        #expect(root.all(class: "x-axis").first?.attributes["data-scale"] == nil)
        let yLabels = Array(try #require(root.all(class: "tick-labels").first).texts.suffix(3))
        #expect(yLabels == ["10⁰", "10¹", "10²"])
        let drawn = points(root.all(class: "series").first)
        #expect(drawn.map(\.y) == [308, 174, 40])
        #expect(drawn[1].y == (drawn[0].y + drawn[2].y) / 2)
        // 2 to 9 times 1 and 10, unlabelled.
        #expect(root.all(class: "minor-grid").first?.children.count == 16)
        #expect(chart.altText == "Line chart of loss against epoch, log scale: loss")
    }

    @Test func logScaleRefusesValuesAtOrBelowZero() {
        #expect(error { try chart([("train", [1, 0.5, 0, 0.1, 0.1])], logY: true) }
                    == .notPositiveOnLogScale(series: "train", value: 0, x: 2))
        #expect(error { try chart([("a", [1, 1, 1, 1, 1]), ("b", [1, -3, 1, 1, 1])], logY: true) }
                    == .notPositiveOnLogScale(series: "b", value: -3, x: 1))
        #expect(FigureError.notPositiveOnLogScale(series: "train", value: 0, x: 2).description
                    == "a log-scale y axis (logY: true) needs values above 0, but series 'train' has 0.0 at x = 2.0")
        // The same values are fine on a linear axis, and NaN is a gap on either.
        #expect(error { try chart([("train", [1, 0.5, 0, -0.1, 0.1])]) } == nil)
        #expect(error { try chart([("train", [1, .nan, 2, 3, 4])], logY: true) } == nil)
    }

    @Test func seriesMustMatchX() {
        #expect(error { try chart([("train", [1, 2, 3, 4, 5]), ("test", [1, 2, 3, 4])]) }
                    == .seriesLength(name: "test", count: 4, expected: 5))
        #expect(FigureError.seriesLength(name: "test", count: 4, expected: 5).description
                    == "series 'test' has 4 values, but x has 5; each x needs one value")
        #expect(FigureError.seriesLength(name: nil, count: 1, expected: 5).description
                    == "y has 1 value, but x has 5; each x needs one value")
        #expect(error { try chart([]) } == .noSeries)
        #expect(error { try chart([("a", [])], x: []) } == .noXValues)
        let eleven = (0..<11).map { ("s\($0)", [1.0, 2, 3, 4, 5]) as (String?, [Double]) }
        #expect(error { try chart(eleven) } == .tooManySeries(count: 11, maximum: 10))
        let many = [Double](repeating: 1, count: 10_001)
        #expect(error { try chart([("a", many)], x: many) } == .tooManyPoints(count: 10_001, maximum: 10_000))
    }

    @Test func nonFiniteValuesLeaveGapsAndAreCounted() throws {
        let root = try parse(try chart([("train", [1, .nan, 0.5, 0.4, .infinity])]).svg())
        #expect(points(root.all(class: "series").first).map(\.command) == ["M", "M", "L"])
        #expect(try #require(root.all(class: "legend").first).texts == ["train (2 not plotted)"])
        for node in root.all {
            for value in node.attributes.values {
                #expect(!value.lowercased().contains("nan") && !value.contains("inf"))
            }
        }
    }

    @Test func longSeriesMarkOnlyPointsThatStandAlone() throws {
        let x = (0..<100).map(Double.init)
        var values = x.map { 1 / ($0 + 1) }
        values[50] = .nan
        values[52] = .nan
        let root = try parse(try chart([("train", values)], x: x).svg())
        let series = try #require(root.all(class: "series").first)
        #expect(points(series).count == 98)
        // Point 51 has a gap on each side, so only it is marked.
        #expect(series.all(class: "marker").count == 1)
        #expect(root.all(class: "legend-entry").first?.all(class: "marker").isEmpty == true)
    }

    @Test func manySeriesWrapTheLegendAndKeepTheirOrder() throws {
        let names = (1...10).map { "a fairly long series name \($0)" }
        let root = try parse(try chart(names.map { ($0, [1.0, 2, 3, 4, 5]) }).svg())
        let texts = try #require(root.all(class: "legend").first).all("text")
        #expect(texts.map(\.text) == names)
        #expect(Set(texts.map { $0.attributes["y"] ?? "" }).count > 1)
        #expect(Set(root.all(class: "series").map { $0.attributes["stroke"] ?? "" }).count == 10)
    }

    @Test func oneXValueSitsInTheMiddle() throws {
        let root = try parse(try chart([("a", [2])], x: [3]).svg())
        let drawn = points(root.all(class: "series").first)
        #expect(drawn.map(\.x) == [300])
        #expect(root.all(class: "marker").count >= 1)
    }

    @Test func sameDataGiveTheSameBytes() throws {
        let series: [(String?, [Double])] = [("train & <test>", [0.1, 0.2, 0.3, 0.2, 0.1])]
        #expect(try chart(series, logY: true).svg() == chart(series, logY: true).svg())
        #expect(try chart(series).svg().contains("train &amp; &lt;test&gt;"))
    }
}
