/// How one line of a chart is drawn: its colour, dashes and marker, chosen so that the
/// lines also tell apart in greyscale.
package struct LineStyle: Equatable, Sendable {
    package enum Marker: Sendable {
        case circle, square, triangle
    }

    package let color: String
    /// The `stroke-dasharray`, or nil for a solid line.
    package let dashes: String?
    package let marker: Marker
    /// A filled marker, or a hollow one (white inside).
    package let filled: Bool

    /// The lines in the order charts use them: first d2l's Animator's blue solid, magenta
    /// dashed and green dash-dot, then the rest of matplotlib's tab10 colours.
    package static let palette: [LineStyle] = [
        LineStyle(color: "#1f77b4", dashes: nil, marker: .circle, filled: true),
        LineStyle(color: "#bf00bf", dashes: "7 4", marker: .square, filled: false),
        LineStyle(color: "#008000", dashes: "9 3 2 3", marker: .triangle, filled: true),
        LineStyle(color: "#d62728", dashes: "2 3", marker: .circle, filled: false),
        LineStyle(color: "#ff7f0e", dashes: "12 4", marker: .square, filled: true),
        LineStyle(color: "#8c564b", dashes: "5 2 1 2 1 2", marker: .triangle, filled: false),
        LineStyle(color: "#e377c2", dashes: nil, marker: .square, filled: false),
        LineStyle(color: "#7f7f7f", dashes: "7 4", marker: .triangle, filled: true),
        LineStyle(color: "#bcbd22", dashes: "9 3 2 3", marker: .circle, filled: true),
        LineStyle(color: "#17becf", dashes: "2 3", marker: .square, filled: true),
    ]

    /// The `index`th line's style; past the palette the styles repeat.
    package static func cycling(_ index: Int) -> LineStyle {
        palette[index % palette.count]
    }

    /// Draws the marker centred on a point, `scale` times its usual size. A hollow
    /// marker takes its outline from the enclosing group's stroke.
    package func drawMarker(x: Double, y: Double, scale: Double = 1, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        let r = 3.5 * scale
        let fill = filled ? color : "white"
        switch marker {
        case .circle:
            svg.element("circle", ["class": "marker", "cx": n(x), "cy": n(y), "r": n(r), "fill": fill])
        case .square:
            svg.element("rect", ["class": "marker", "x": n(x - r), "y": n(y - r), "width": n(2 * r),
                                 "height": n(2 * r), "fill": fill])
        case .triangle:
            let (top, side, bottom) = (y - 1.3 * r, 1.3 * r, y + r)
            let d = "M \(n(x)) \(n(top)) L \(n(x + side)) \(n(bottom)) L \(n(x - side)) \(n(bottom)) Z"
            svg.element("path", ["class": "marker", "d": d, "fill": fill])
        }
    }
}
