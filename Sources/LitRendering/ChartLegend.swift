/// The legend above a chart: for each line a short sample of it, with its marker, and
/// its name, in rows centred across the image.
package struct ChartLegend {
    package struct Entry {
        package var label: String
        package var style: LineStyle
        /// Whether the chart draws this line's points as markers, and so the sample does.
        package var showsMarker: Bool

        package init(label: String, style: LineStyle, showsMarker: Bool = true) {
            self.label = label
            self.style = style
            self.showsMarker = showsMarker
        }

        /// Sans-serif at 12 px averages about 6.5 px a character.
        var width: Double { 34 + Double(label.count) * 6.5 }
    }

    /// The entries, row by row.
    package let rows: [[Entry]]
    private let imageWidth: Double

    /// Distance between the baselines of two rows.
    package static let rowHeight: Double = 18
    private static let spacing: Double = 20

    /// Lays the entries out across an image `width` wide: in one row, or, when `wraps`, in
    /// as many rows as they need.
    package init(_ entries: [Entry], width: Double, wraps: Bool) {
        imageWidth = width
        guard wraps else {
            rows = entries.isEmpty ? [] : [entries]
            return
        }
        var rows: [[Entry]] = []
        var rowWidth = 0.0
        for entry in entries {
            if !rows.isEmpty && rowWidth + Self.spacing + entry.width <= width - 16 {
                rows[rows.count - 1].append(entry)
                rowWidth += Self.spacing + entry.width
            } else {
                rows.append([entry])
                rowWidth = entry.width
            }
        }
        self.rows = rows
    }

    /// Draws the rows, the first on `baseline` and each next one a row lower.
    package func draw(baseline firstBaseline: Double, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        svg.open("g", ["class": "legend"])
        for (index, row) in rows.enumerated() {
            let baseline = firstBaseline + Double(index) * Self.rowHeight
            let widths = row.map(\.width)
            var x = max(8, (imageWidth - widths.reduce(0, +) - Self.spacing * Double(row.count - 1)) / 2)
            for (entry, entryWidth) in zip(row, widths) {
                svg.open("g", ["class": "legend-entry", "stroke": entry.style.color])
                let y = n(baseline - 4)
                svg.element("line", ["x1": n(x), "y1": y, "x2": n(x + 28), "y2": y, "stroke-width": "2",
                                     "stroke-dasharray": entry.style.dashes])
                if entry.showsMarker {
                    svg.open("g", ["stroke-width": "1.5"])
                    entry.style.drawMarker(x: x + 14, y: baseline - 4, into: &svg)
                    svg.close("g")
                }
                svg.element("text", ["x": n(x + 34), "y": n(baseline), "fill": "#333333", "stroke": "none"],
                            text: entry.label)
                svg.close("g")
                x += entryWidth + Self.spacing
            }
        }
        svg.close("g")
    }
}
