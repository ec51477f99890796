import LitNN
import LitRendering
import LitTestSupport
import Testing

@Suite struct TrainingCurveTests {
    /// Five epochs with round values; the plot area runs from x 64 to 536 and from y 40
    /// (value 1) to 308 (value 0) for the default 560 × 360 image without a title.
    static let fiveEpochs = (1...5).map { epoch in
        EpochRecord(epoch: epoch, loss: 0.5 / Double(epoch), trainAccuracy: 0.5 + 0.05 * Double(epoch),
                    testAccuracy: 0.45 + 0.05 * Double(epoch), seconds: 10 + Double(epoch), imagesPerSecond: 5000)
    }

    static func record(_ epoch: Int, loss: Double, train: Double = 0.8, test: Double = 0.7) -> EpochRecord {
        EpochRecord(epoch: epoch, loss: loss, trainAccuracy: train, testAccuracy: test, seconds: 1, imagesPerSecond: 100)
    }

    /// Parses `svg`, failing the test when it is not well-formed.
    func parse(_ svg: String) throws -> XMLTree {
        try #require(XMLTree.parse(svg), "not well-formed XML:\n\(svg)")
    }

    func series(_ root: XMLTree) -> [String: XMLTree] {
        Dictionary(uniqueKeysWithValues: root.all(class: "series").map { ($0.attributes["data-series"] ?? "", $0) })
    }

    /// The points of a path's `d`, each with the command that reached it ("M" or "L").
    func points(_ d: String) -> [(command: String, x: String, y: String)] {
        let parts = d.split(separator: " ").map(String.init)
        return stride(from: 0, to: parts.count, by: 3).map { (parts[$0], parts[$0 + 1], parts[$0 + 2]) }
    }

    func expectNoNonFiniteAttributes(_ root: XMLTree) {
        for node in root.all {
            for (name, value) in node.attributes {
                #expect(!value.lowercased().contains("nan") && !value.lowercased().contains("inf"),
                        "\(node.name) \(name)=\"\(value)\"")
            }
        }
    }

    @Test func isStandaloneSVGWithAxesTicksTitlesAndLegend() throws {
        let svg = TrainingCurve(records: Self.fiveEpochs).svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
        #expect(svg.hasSuffix("</svg>\n"))
        let root = try parse(svg)
        #expect(root.name == "svg")
        #expect(root.attributes["viewBox"] == "0 0 560 360")
        #expect(root.attributes["width"] == "560" && root.attributes["height"] == "360")
        #expect(root.attributes["font-family"] == "sans-serif")
        #expect(root.all("rect").first?.attributes["fill"] == "white")

        #expect(root.all(class: "x-axis").count == 1)
        #expect(root.all(class: "y-axis").count == 1)
        let tickLabels = try #require(root.all(class: "tick-labels").first).texts
        #expect(tickLabels == ["1", "2", "3", "4", "5", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(root.all(class: "axis-title").map(\.text) == ["epoch", "loss / accuracy"])
        let legend = try #require(root.all(class: "legend").first)
        #expect(legend.texts == ["train loss", "train acc", "test acc"])
    }

    @Test func drawsOneLineWithAMarkerPerEpochForEachSeries() throws {
        let root = try parse(TrainingCurve(records: Self.fiveEpochs).svg())
        let lines = series(root)
        #expect(root.all(class: "series").map { $0.attributes["data-series"] } == ["train loss", "train acc", "test acc"])
        for name in ["train loss", "train acc", "test acc"] {
            let group = try #require(lines[name])
            let paths = group.all(class: "line")
            #expect(paths.count == 1)
            let drawn = points(paths.first?.attributes["d"] ?? "")
            #expect(drawn.map(\.command) == ["M", "L", "L", "L", "L"])
            #expect(group.all(class: "marker").count == 5)
        }
        // Loss 0.5 at epoch 1 sits at the left edge, halfway up; 0.1 at epoch 5 at the right edge.
        let loss = points(lines["train loss"]?.all(class: "line").first?.attributes["d"] ?? "")
        #expect(loss.first.map { [$0.x, $0.y] } == ["64.0", "174.0"])
        #expect(loss.last.map { [$0.x, $0.y] } == ["536.0", "281.2"])
        // The series differ in colour and in dashes, so they read in greyscale too.
        let styles = Set(lines.values.map { ($0.attributes["stroke"] ?? "") + "/" + ($0.all(class: "line").first?.attributes["stroke-dasharray"] ?? "solid") })
        #expect(styles.count == 3)
        #expect(Set(lines.values.compactMap { $0.all(class: "line").first?.attributes["stroke-dasharray"] }).count == 2)
    }

    @Test func sameLossesAndAccuraciesGiveTheSameBytes() {
        let first = TrainingCurve(records: Self.fiveEpochs, title: "LeNet").svg()
        #expect(TrainingCurve(records: Self.fiveEpochs, title: "LeNet").svg() == first)
        // Wall-clock figures change between runs; the figure must not.
        let otherTimes = Self.fiveEpochs.map { record in
            var record = record
            record.seconds *= 1.7
            record.imagesPerSecond /= 3
            return record
        }
        #expect(TrainingCurve(records: otherTimes, title: "LeNet").svg() == first)
    }

    @Test func singleEpochIsDrawnAsMarkersInTheMiddle() throws {
        let root = try parse(TrainingCurve(records: [Self.record(1, loss: 0.6)]).svg())
        #expect(try #require(root.all(class: "tick-labels").first).texts.first == "1")
        for group in root.all(class: "series") {
            #expect(group.all(class: "marker").count == 1)
            let drawn = points(group.all(class: "line").first?.attributes["d"] ?? "")
            #expect(drawn.map(\.command) == ["M"])
            #expect(drawn.first?.x == "300.0")
        }
        expectNoNonFiniteAttributes(root)
    }

    @Test func nonFiniteLossesLeaveGapsAndAreCountedInTheLegend() throws {
        let losses = [1.2, .nan, .infinity, 0.4, 0.3]
        let records = losses.enumerated().map { Self.record($0.offset + 1, loss: $0.element) }
        let svg = TrainingCurve(records: records).svg()
        let root = try parse(svg)
        expectNoNonFiniteAttributes(root)
        let loss = try #require(series(root)["train loss"])
        let drawn = points(loss.all(class: "line").first?.attributes["d"] ?? "")
        #expect(drawn.map(\.command) == ["M", "M", "L"])
        #expect(loss.all(class: "marker").count == 3)
        #expect(try #require(root.all(class: "legend").first).texts
                    == ["train loss (2 not plotted)", "train acc", "test acc"])
        // 1.2 stretches the axis to the next tick of 0.5.
        #expect(try #require(root.all(class: "tick-labels").first).texts.last == "1.5")
    }

    @Test func seriesWithNothingFiniteDrawsNoLine() throws {
        let records = (1...3).map { Self.record($0, loss: $0 == 2 ? -.infinity : .nan) }
        let root = try parse(TrainingCurve(records: records).svg())
        expectNoNonFiniteAttributes(root)
        #expect(series(root)["train loss"] == nil)
        #expect(series(root).count == 2)
        #expect(try #require(root.all(class: "legend").first).texts.first == "train loss (3 not plotted)")
    }

    @Test func largeLossStretchesTheAxisAndStaysInside() throws {
        let records = [250.0, 40, 3].enumerated().map { Self.record($0.offset + 1, loss: $0.element) }
        let root = try parse(TrainingCurve(records: records).svg())
        let yLabels = Array(try #require(root.all(class: "tick-labels").first).texts.dropFirst(3))
        #expect(yLabels == ["0", "50", "100", "150", "200", "250"])
        let loss = try #require(series(root)["train loss"])
        let heights = try loss.all(class: "marker").map { try #require(Double($0.attributes["cy"] ?? "")) }
        // 250 at the top of the plot area, 3 near its bottom.
        #expect(heights == [40, 265.1, 304.8])
    }

    @Test func hugeValuesUseShortLabelsAndNeverOverflow() throws {
        let records = [1e30, 1e308, 2].enumerated().map { Self.record($0.offset + 1, loss: $0.element) }
        let root = try parse(TrainingCurve(records: records).svg())
        expectNoNonFiniteAttributes(root)
        let yLabels = Array(try #require(root.all(class: "tick-labels").first).texts.dropFirst(3))
        #expect(yLabels == ["0", "2e+29", "4e+29", "6e+29", "8e+29", "1e+30"])
        #expect(try #require(root.all(class: "legend").first).texts.first == "train loss (1 not plotted)")
    }

    @Test func manyEpochsThinTheTicks() throws {
        let records = (1...100).map { Self.record($0, loss: 1 / Double($0)) }
        let root = try parse(TrainingCurve(records: records).svg())
        let xLabels = Array(try #require(root.all(class: "tick-labels").first).texts.prefix(10))
        #expect(xLabels == (1...10).map { String($0 * 10) })
        for group in root.all(class: "series") {
            #expect(points(group.all(class: "line").first?.attributes["d"] ?? "").count == 100)
        }
    }

    @Test func titleAndPlannedEpochsAreHonoured() throws {
        let title = "LeNet & <BatchNorm> \"quick\""
        let svg = TrainingCurve(records: Array(Self.fiveEpochs.prefix(2)), title: title, epochs: 5).svg()
        #expect(svg.contains("LeNet &amp; &lt;BatchNorm&gt; &quot;quick&quot;"))
        let root = try parse(svg)
        #expect(root.all("title").first?.text == title)
        #expect(root.all(class: "title").first?.text == title)
        #expect(try #require(root.all(class: "tick-labels").first).texts.prefix(5) == ["1", "2", "3", "4", "5"])
    }

    @Test func noRecordsStillMakeAFigure() throws {
        let root = try parse(TrainingCurve(records: []).svg())
        #expect(root.all(class: "series").isEmpty)
        #expect(root.all(class: "x-axis").count == 1)
        #expect(try #require(root.all(class: "legend").first).texts == ["train loss", "train acc", "test acc"])
    }
}
