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

    package static func isPlottable(_ value: Double) -> Bool {
        ChartAxes.isPlottable(value)
    }

    /// The whole SVG document, ending with a newline.
    public func svg() -> String {
        let plot = Plot(curve: self)
        let n = SVGWriter.number
        let (width, height) = (String(Int(plot.width)), String(Int(plot.height)))
        var svg = SVGWriter()
        svg.openFigure(width: width, height: height, title: title ?? "Training curve: loss and accuracy per epoch")
        if let title {
            svg.element("text", ["class": "title", "x": n(plot.width / 2), "y": "24", "text-anchor": "middle",
                                 "font-size": "15", "font-weight": "bold"], text: title)
        }
        plot.axes.draw(xTitle: "epoch", yTitle: "loss / accuracy", into: &svg)
        for series in Series.allCases {
            drawLine(series, plot, into: &svg)
        }
        drawLegend(plot, into: &svg)
        svg.close("svg")
        return svg.text
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
        let entries = Series.allCases.map { series -> ChartLegend.Entry in
            let missing = records.filter { !Self.isPlottable(series.value($0)) }.count
            return ChartLegend.Entry(label: missing == 0 ? series.name : "\(series.name) (\(missing) not plotted)",
                                     style: series.style)
        }
        ChartLegend(entries, width: plot.width, wraps: false).draw(baseline: plot.legendBaseline, into: &svg)
    }
}
