extension TrainingCurve {
    /// Where things go: the plot area in pixels and the two axes' ranges and ticks.
    package struct Plot {
        /// The image's size, at least 320 × 200 so that the margins fit.
        package let width: Double
        package let height: Double
        package let area: ChartAxes.Area
        package let legendBaseline: Double
        package let x: AxisTicks
        package let y: AxisTicks

        package init(curve: TrainingCurve) {
            width = Double(max(curve.width, 320))
            height = Double(max(curve.height, 200))
            legendBaseline = curve.title == nil ? 22 : 50
            area = (left: 64, top: legendBaseline + 18, right: width - 24, bottom: height - 52)

            let lastEpoch = max(curve.epochs ?? 0, curve.records.map(\.epoch).max() ?? 0, 1)
            x = AxisTicks.epochs(lastEpoch)

            // Accuracies live in 0...1, and so does a trained loss; a larger loss stretches the axis.
            let values = curve.records.flatMap { record in Series.allCases.map { $0.value(record) } }
                .filter(TrainingCurve.isPlottable)
            y = AxisTicks.covering(min(0, values.min() ?? 0), max(1, values.max() ?? 1))
        }

        /// Markers shrink, down to half size, once epochs are closer than 16 pixels,
        /// so that they do not hide the lines.
        package var markerScale: Double {
            let spacing = (area.right - area.left) / max(1, x.upper - x.lower)
            return min(1, max(0.5, spacing / 16))
        }

        /// The frame every chart draws: grid, axes, ticks and their labels.
        package var axes: ChartAxes { ChartAxes(area: area, x: x, y: y) }

        package func xPosition(_ epoch: Double) -> Double { axes.xPosition(epoch) }

        package func yPosition(_ value: Double) -> Double { axes.yPosition(value) }
    }
}
