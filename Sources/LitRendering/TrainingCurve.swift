import LitNN

/// The training curve `train` writes beside the chapter: loss and both accuracies
/// against epoch, as a standalone SVG file, like d2l's Animator plot.
///
/// The drawing depends only on the epochs' losses and accuracies, never on the
/// wall-clock figures, and numbers are printed with fixed precision, so a re-run with the
/// same seed writes the same bytes. Values that are not finite leave a gap in their line
/// and are counted in the legend.
public struct TrainingCurve: Equatable, Sendable {
    /// The epochs to draw, numbered from 1.
    public var records: [EpochRecord]
    /// A heading above the plot, if any.
    public var title: String?
    /// How many epochs the x axis spans; nil for the last recorded epoch. A run cut short
    /// can show the epochs it planned.
    public var epochs: Int?
    /// The image's size in pixels.
    public var width: Int
    public var height: Int

    public init(records: [EpochRecord], title: String? = nil, epochs: Int? = nil, width: Int = 560, height: Int = 360) {
        self.records = records
        self.title = title
        self.epochs = epochs
        self.width = width
        self.height = height
    }

    /// Beyond this a value is drawn as a gap, like infinity: the axis arithmetic stays finite.
    package static let largestPlottable = 1e300

    package static func isPlottable(_ value: Double) -> Bool {
        value.isFinite && abs(value) <= largestPlottable
    }

    /// The whole SVG document, ending with a newline.
    public func svg() -> String {
        let plot = Plot(curve: self)
        let n = SVGWriter.number
        let (width, height) = (String(Int(plot.width)), String(Int(plot.height)))
        var svg = SVGWriter()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "width": width, "height": height,
            "viewBox": "0 0 \(width) \(height)", "role": "img",
            "font-family": "sans-serif", "font-size": "12",
        ])
        svg.element("title", text: title ?? "Training curve: loss and accuracy per epoch")
        svg.element("rect", ["width": "100%", "height": "100%", "fill": "white"])
        if let title {
            svg.element("text", ["class": "title", "x": n(plot.width / 2), "y": "24", "text-anchor": "middle",
                                 "font-size": "15", "font-weight": "bold"], text: title)
        }
        drawAxes(plot, into: &svg)
        for series in Series.allCases {
            drawLine(series, plot, into: &svg)
        }
        drawLegend(plot, into: &svg)
        svg.close("svg")
        return svg.text
    }

    private func drawAxes(_ plot: Plot, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let area = plot.area
        svg.open("g", ["class": "grid", "stroke": "#e6e6e6", "stroke-width": "1"])
        for value in plot.y.values {
            let y = n(plot.yPosition(value))
            svg.element("line", ["x1": n(area.left), "y1": y, "x2": n(area.right), "y2": y])
        }
        for value in plot.x.values {
            let x = n(plot.xPosition(value))
            svg.element("line", ["x1": x, "y1": n(area.top), "x2": x, "y2": n(area.bottom)])
        }
        svg.close("g")

        svg.open("g", ["class": "axes", "stroke": "#333333", "stroke-width": "1"])
        svg.element("line", ["class": "axis x-axis", "x1": n(area.left), "y1": n(area.bottom),
                             "x2": n(area.right), "y2": n(area.bottom)])
        svg.element("line", ["class": "axis y-axis", "x1": n(area.left), "y1": n(area.top),
                             "x2": n(area.left), "y2": n(area.bottom)])
        for value in plot.x.values {
            let x = n(plot.xPosition(value))
            svg.element("line", ["x1": x, "y1": n(area.bottom), "x2": x, "y2": n(area.bottom + 5)])
        }
        for value in plot.y.values {
            let y = n(plot.yPosition(value))
            svg.element("line", ["x1": n(area.left - 5), "y1": y, "x2": n(area.left), "y2": y])
        }
        svg.close("g")

        svg.open("g", ["class": "tick-labels", "fill": "#333333", "font-size": "11"])
        for (value, label) in zip(plot.x.values, plot.x.labels) {
            svg.element("text", ["x": n(plot.xPosition(value)), "y": n(area.bottom + 19), "text-anchor": "middle"],
                        text: label)
        }
        for (value, label) in zip(plot.y.values, plot.y.labels) {
            svg.element("text", ["x": n(area.left - 8), "y": n(plot.yPosition(value) + 4), "text-anchor": "end"],
                        text: label)
        }
        svg.close("g")

        let middleY = n((area.top + area.bottom) / 2)
        svg.element("text", ["class": "axis-title", "x": n((area.left + area.right) / 2), "y": n(area.bottom + 40),
                             "text-anchor": "middle"], text: "epoch")
        svg.element("text", ["class": "axis-title", "x": "18", "y": middleY, "text-anchor": "middle",
                             "transform": "rotate(-90 18 \(middleY))"], text: "loss / accuracy")
    }

    /// One path for the series, broken where a value is not plottable, and a marker on
    /// every plotted epoch, so that a single epoch still shows.
    private func drawLine(_ series: Series, _ plot: Plot, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        var points: [(x: Double, y: Double)] = []
        var commands: [String] = []
        var broken = true
        for record in records {
            let value = series.value(record)
            guard Self.isPlottable(value) else { broken = true; continue }
            let point = (x: plot.xPosition(Double(record.epoch)), y: plot.yPosition(value))
            commands.append("\(broken ? "M" : "L") \(n(point.x)) \(n(point.y))")
            points.append(point)
            broken = false
        }
        guard !points.isEmpty else { return }
        svg.open("g", ["class": "series", "data-series": series.name, "stroke": series.color])
        svg.element("path", ["class": "line", "d": commands.joined(separator: " "), "fill": "none",
                             "stroke-width": "2", "stroke-linejoin": "round", "stroke-dasharray": series.dashes])
        svg.open("g", ["class": "markers", "stroke-width": "1.5"])
        for point in points {
            series.drawMarker(x: point.x, y: point.y, scale: plot.markerScale, into: &svg)
        }
        svg.close("g")
        svg.close("g")
    }

    /// One row above the plot, centred: a sample of each line with its marker and name.
    private func drawLegend(_ plot: Plot, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let labels = Series.allCases.map { series -> String in
            let missing = records.filter { !Self.isPlottable(series.value($0)) }.count
            return missing == 0 ? series.name : "\(series.name) (\(missing) not plotted)"
        }
        // Sans-serif at 12 px averages about 6.5 px a character.
        let entryWidths = labels.map { 34 + Double($0.count) * 6.5 }
        var x = max(8, (plot.width - entryWidths.reduce(0, +) - 20 * Double(labels.count - 1)) / 2)
        let baseline = plot.legendBaseline
        svg.open("g", ["class": "legend"])
        for (series, (label, entryWidth)) in zip(Series.allCases, zip(labels, entryWidths)) {
            svg.open("g", ["class": "legend-entry", "stroke": series.color])
            let y = n(baseline - 4)
            svg.element("line", ["x1": n(x), "y1": y, "x2": n(x + 28), "y2": y, "stroke-width": "2",
                                 "stroke-dasharray": series.dashes])
            svg.open("g", ["stroke-width": "1.5"])
            series.drawMarker(x: x + 14, y: baseline - 4, into: &svg)
            svg.close("g")
            svg.element("text", ["x": n(x + 34), "y": n(baseline), "fill": "#333333", "stroke": "none"], text: label)
            svg.close("g")
            x += entryWidth + 20
        }
        svg.close("g")
    }
}
