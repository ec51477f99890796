import LitNN

extension TrainingCurve {
    /// The curve's three lines, in the first three styles of the chart palette, as d2l's
    /// Animator colours them (blue solid, magenta dashed, green dash-dot), and told apart in
    /// greyscale by their dashes and marker shapes.
    package enum Series: CaseIterable {
        case trainLoss, trainAccuracy, testAccuracy

        package var name: String {
            switch self {
            case .trainLoss: "train loss"
            case .trainAccuracy: "train acc"
            case .testAccuracy: "test acc"
            }
        }

        package var style: LineStyle {
            switch self {
            case .trainLoss: LineStyle.palette[0]
            case .trainAccuracy: LineStyle.palette[1]
            case .testAccuracy: LineStyle.palette[2]
            }
        }

        package var color: String { style.color }

        /// The `stroke-dasharray`, or nil for a solid line.
        package var dashes: String? { style.dashes }

        package func value(_ record: EpochRecord) -> Double {
            switch self {
            case .trainLoss: record.loss
            case .trainAccuracy: record.trainAccuracy
            case .testAccuracy: record.testAccuracy
            }
        }

        /// Draws this series' marker centred on a point: a filled circle, a hollow
        /// square or a filled triangle, `scale` times their usual size.
        package func drawMarker(x: Double, y: Double, scale: Double = 1, into svg: inout SVGWriter) {
            style.drawMarker(x: x, y: y, scale: scale, into: &svg)
        }
    }
}
