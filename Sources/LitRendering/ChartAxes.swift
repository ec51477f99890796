/// A chart's frame: where its plot area lies in pixels and its two axes, drawn the same
/// way in every chart (grid, axis lines, tick marks, tick labels and axis titles).
package struct ChartAxes {
    package typealias Area = (left: Double, top: Double, right: Double, bottom: Double)

    package let area: Area
    package let x: AxisTicks
    package let y: AxisTicks

    package init(area: Area, x: AxisTicks, y: AxisTicks) {
        self.area = area
        self.x = x
        self.y = y
    }

    /// Beyond this a value is drawn as a gap, like infinity: the axis arithmetic stays finite.
    package static let largestPlottable = 1e300

    package static func isPlottable(_ value: Double) -> Bool {
        value.isFinite && abs(value) <= largestPlottable
    }

    package func xPosition(_ value: Double) -> Double {
        area.left + x.fraction(value) * (area.right - area.left)
    }

    package func yPosition(_ value: Double) -> Double {
        area.bottom - y.fraction(value) * (area.bottom - area.top)
    }

    /// Draws the frame; an axis title that is nil is left out. A log axis's line carries
    /// `data-scale="log"`, so that a reader of the file can tell.
    package func draw(xTitle: String?, yTitle: String?, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        if !x.minorValues.isEmpty || !y.minorValues.isEmpty {
            svg.open("g", ["class": "minor-grid", "stroke": "#f3f3f3", "stroke-width": "1"])
            drawGridLines(xValues: x.minorValues, yValues: y.minorValues, into: &svg)
            svg.close("g")
        }
        svg.open("g", ["class": "grid", "stroke": "#e6e6e6", "stroke-width": "1"])
        drawGridLines(xValues: x.values, yValues: y.values, into: &svg)
        svg.close("g")

        svg.open("g", ["class": "axes", "stroke": "#333333", "stroke-width": "1"])
        svg.element("line", ["class": "axis x-axis", "x1": n(area.left), "y1": n(area.bottom),
                             "x2": n(area.right), "y2": n(area.bottom), "data-scale": Self.scaleName(x)])
        svg.element("line", ["class": "axis y-axis", "x1": n(area.left), "y1": n(area.top),
                             "x2": n(area.left), "y2": n(area.bottom), "data-scale": Self.scaleName(y)])
        drawTickMarks(xValues: x.values, yValues: y.values, length: 5, into: &svg)
        drawTickMarks(xValues: x.minorValues, yValues: y.minorValues, length: 3, into: &svg)
        svg.close("g")

        svg.open("g", ["class": "tick-labels", "fill": "#333333", "font-size": "11"])
        for (value, label) in zip(x.values, x.labels) {
            svg.element("text", ["x": n(xPosition(value)), "y": n(area.bottom + 19), "text-anchor": "middle"],
                        text: label)
        }
        for (value, label) in zip(y.values, y.labels) {
            svg.element("text", ["x": n(area.left - 8), "y": n(yPosition(value) + 4), "text-anchor": "end"],
                        text: label)
        }
        svg.close("g")

        let middleY = n((area.top + area.bottom) / 2)
        if let xTitle {
            svg.element("text", ["class": "axis-title", "x": n((area.left + area.right) / 2), "y": n(area.bottom + 40),
                                 "text-anchor": "middle"], text: xTitle)
        }
        if let yTitle {
            svg.element("text", ["class": "axis-title", "x": "18", "y": middleY, "text-anchor": "middle",
                                 "transform": "rotate(-90 18 \(middleY))"], text: yTitle)
        }
    }

    private func drawGridLines(xValues: [Double], yValues: [Double], into svg: inout SVGWriter) {
        let n = SVGWriter.number
        for value in yValues {
            let y = n(yPosition(value))
            svg.element("line", ["x1": n(area.left), "y1": y, "x2": n(area.right), "y2": y])
        }
        for value in xValues {
            let x = n(xPosition(value))
            svg.element("line", ["x1": x, "y1": n(area.top), "x2": x, "y2": n(area.bottom)])
        }
    }

    private func drawTickMarks(xValues: [Double], yValues: [Double], length: Double, into svg: inout SVGWriter) {
        let n = SVGWriter.number
        for value in xValues {
            let x = n(xPosition(value))
            svg.element("line", ["x1": x, "y1": n(area.bottom), "x2": x, "y2": n(area.bottom + length)])
        }
        for value in yValues {
            let y = n(yPosition(value))
            svg.element("line", ["x1": n(area.left - length), "y1": y, "x2": n(area.left), "y2": y])
        }
    }

    private static func scaleName(_ ticks: AxisTicks) -> String? {
        ticks.scale == .logarithmic ? "log" : nil
    }
}
