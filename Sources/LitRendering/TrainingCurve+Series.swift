import LitNN

extension TrainingCurve {
    /// The curve's three lines, coloured as in d2l's Animator (blue solid, magenta dashed,
    /// green dash-dot) and told apart in greyscale by their dashes and marker shapes.
    package enum Series: CaseIterable {
        case trainLoss, trainAccuracy, testAccuracy

        package var name: String {
            switch self {
            case .trainLoss: "train loss"
            case .trainAccuracy: "train acc"
            case .testAccuracy: "test acc"
            }
        }

        package var color: String {
            switch self {
            case .trainLoss: "#1f77b4"
            case .trainAccuracy: "#bf00bf"
            case .testAccuracy: "#008000"
            }
        }

        /// The `stroke-dasharray`, or nil for a solid line.
        package var dashes: String? {
            switch self {
            case .trainLoss: nil
            case .trainAccuracy: "7 4"
            case .testAccuracy: "9 3 2 3"
            }
        }

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
            let n = SVGWriter.number
            let r = 3.5 * scale
            switch self {
            case .trainLoss:
                svg.element("circle", ["class": "marker", "cx": n(x), "cy": n(y), "r": n(r), "fill": color])
            case .trainAccuracy:
                svg.element("rect", ["class": "marker", "x": n(x - r), "y": n(y - r), "width": n(2 * r),
                                     "height": n(2 * r), "fill": "white"])
            case .testAccuracy:
                let (top, side, bottom) = (y - 1.3 * r, 1.3 * r, y + r)
                let d = "M \(n(x)) \(n(top)) L \(n(x + side)) \(n(bottom)) L \(n(x - side)) \(n(bottom)) Z"
                svg.element("path", ["class": "marker", "d": d, "fill": color])
            }
        }
    }
}
