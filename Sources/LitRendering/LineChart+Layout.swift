extension LineChart {
    /// Where things go: the legend's rows at the top, then the plot area and its axes.
    package struct Layout {
        package static let legendBaseline: Double = 22
        package let legend: ChartLegend
        package let axes: ChartAxes
        /// The image's height: the chart's, or more when the legend takes many rows, so that
        /// the plot area keeps at least 100 pixels.
        package let height: Double

        package init(chart: LineChart) {
            let width = Double(chart.width)
            let entries = chart.series.enumerated().compactMap { index, line -> ChartLegend.Entry? in
                guard let name = line.name else { return nil }
                let missing = zip(chart.x, line.values).filter { !chart.isPlottable(x: $0, value: $1) }.count
                return ChartLegend.Entry(label: missing == 0 ? name : "\(name) (\(missing) not plotted)",
                                         style: LineStyle.cycling(index), showsMarker: chart.showsMarkers)
            }
            legend = ChartLegend(entries, width: width, wraps: true)
            let top = legend.rows.isEmpty
                ? 20 : Self.legendBaseline + Double(legend.rows.count - 1) * ChartLegend.rowHeight + 18
            height = max(Double(chart.height), top + 100 + 52)
            let area = (left: 64.0, top: top, right: width - 24, bottom: height - 52)

            var xs: [Double] = [], ys: [Double] = []
            for line in chart.series {
                for (x, value) in zip(chart.x, line.values) where chart.isPlottable(x: x, value: value) {
                    xs.append(x)
                    ys.append(value)
                }
            }
            let x = xs.isEmpty ? AxisTicks.covering(0, 1) : AxisTicks.spanning(xs.min()!, xs.max()!)
            let y: AxisTicks
            if chart.logY {
                y = ys.isEmpty ? AxisTicks.logarithmic(1, 1) : AxisTicks.logarithmic(ys.min()!, ys.max()!)
            } else {
                y = ys.isEmpty ? AxisTicks.covering(0, 1) : AxisTicks.spanning(ys.min()!, ys.max()!)
            }
            axes = ChartAxes(area: area, x: x, y: y)
        }
    }
}
