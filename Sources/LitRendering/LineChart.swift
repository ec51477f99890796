/// A line chart of one or more series against shared x values, as a standalone SVG
/// file, like d2l's `plot`: axes with their labels, a linear or logarithmic y axis, and a
/// legend that names each series in the order given.
///
/// Points whose x or value is not finite leave a gap in their line and are counted in the
/// legend. Numbers are printed with fixed precision, so the same data gives the same bytes.
public struct LineChart: Equatable, Sendable {
    public struct Series: Equatable, Sendable {
        /// The name in the legend; nil for a lone series that needs none.
        public var name: String?
        public var values: [Double]

        public init(name: String?, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public let x: [Double]
    public let series: [Series]
    public let xLabel: String?
    public let yLabel: String?
    public let logY: Bool
    /// The image's size in pixels.
    public let width: Int
    public let height: Int

    /// Past this many the legend crowds and the colours repeat.
    public static let maximumSeries = 10
    /// Keeps a file to a few hundred kilobytes a series.
    public static let maximumPoints = 10_000
    /// Up to this many points a series shows a marker on each; beyond, markers would hide the line.
    package static let markedPointLimit = 25

    /// Checks that every series has one value per x and, with `logY`, no value at or
    /// below zero.
    public init(x: [Double], series: [Series], xLabel: String? = nil, yLabel: String? = nil, logY: Bool = false,
                width: Int = 560, height: Int = 360) throws(FigureError) {
        guard !x.isEmpty else { throw .noXValues }
        guard x.count <= Self.maximumPoints else { throw .tooManyPoints(count: x.count, maximum: Self.maximumPoints) }
        guard !series.isEmpty else { throw .noSeries }
        guard series.count <= Self.maximumSeries else {
            throw .tooManySeries(count: series.count, maximum: Self.maximumSeries)
        }
        for line in series {
            guard line.values.count == x.count else {
                throw .seriesLength(name: line.name, count: line.values.count, expected: x.count)
            }
            // NaN is a gap on either scale; anything else at or below zero has no logarithm.
            if logY, let index = line.values.firstIndex(where: { $0 <= 0 }) {
                throw .notPositiveOnLogScale(series: line.name, value: line.values[index], x: x[index])
            }
        }
        self.x = x
        self.series = series
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = logY
        self.width = max(width, 320)
        self.height = max(height, 200)
    }

    /// A description for the figure's alt text: what is plotted against what, and the series.
    public var altText: String {
        var text = "Line chart"
        if let yLabel { text += " of \(yLabel)" }
        if let xLabel { text += " against \(xLabel)" }
        if logY { text += ", log scale" }
        let names = series.compactMap(\.name)
        if !names.isEmpty { text += ": " + names.joined(separator: ", ") }
        return text
    }

    /// Whether a point is drawn: both coordinates finite, and the value within what the
    /// y axis can show.
    package func isPlottable(x: Double, value: Double) -> Bool {
        guard ChartAxes.isPlottable(x), ChartAxes.isPlottable(value) else { return false }
        return !logY || AxisTicks.logarithmicRange.contains(value)
    }

    /// The whole SVG document, ending with a newline.
    public func svg() -> String {
        let layout = Layout(chart: self)
        let (width, height) = (String(width), String(Int(layout.height)))
        var svg = SVGWriter()
        svg.openFigure(width: width, height: height, title: altText)
        layout.axes.draw(xTitle: xLabel, yTitle: yLabel, into: &svg)
        for (index, line) in series.enumerated() {
            drawLine(line, style: LineStyle.cycling(index), layout.axes, into: &svg)
        }
        layout.legend.draw(baseline: Layout.legendBaseline, into: &svg)
        svg.close("svg")
        return svg.text
    }

    /// One path for the series, broken where a point is not plottable, with a marker on
    /// each point of a short series and on each point that stands alone, so that it shows.
    private func drawLine(_ line: Series, style: LineStyle, _ axes: ChartAxes, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let plotted = zip(x, line.values).map { isPlottable(x: $0, value: $1) }
        var commands: [String] = []
        var markers: [(x: Double, y: Double)] = []
        for (index, (x, value)) in zip(x, line.values).enumerated() where plotted[index] {
            let point = (x: axes.xPosition(x), y: axes.yPosition(value))
            let follows = index > 0 && plotted[index - 1]
            commands.append("\(follows ? "L" : "M") \(n(point.x)) \(n(point.y))")
            let alone = !follows && !(index + 1 < plotted.count && plotted[index + 1])
            if showsMarkers || alone { markers.append(point) }
        }
        guard !commands.isEmpty else { return }
        svg.open("g", ["class": "series", "data-series": line.name, "stroke": style.color])
        svg.element("path", ["class": "line", "d": commands.joined(separator: " "), "fill": "none",
                             "stroke-width": "2", "stroke-linejoin": "round", "stroke-dasharray": style.dashes])
        if !markers.isEmpty {
            svg.open("g", ["class": "markers", "stroke-width": "1.5"])
            for point in markers {
                style.drawMarker(x: point.x, y: point.y, into: &svg)
            }
            svg.close("g")
        }
        svg.close("g")
    }

    /// Whether every point gets a marker.
    package var showsMarkers: Bool { x.count <= Self.markedPointLimit }
}
