import Foundation
import LitDiagnostics

/// What an image grid or a line chart refuses to draw, in the words of the data it was
/// given.
public enum FigureError: ErrorMessage, Equatable {
    // Image grids
    case imageShape([Int])
    case noImages(shape: [Int])
    case tooManyImages(count: Int, maximum: Int)
    case imageTooLarge(height: Int, width: Int, maximum: Int)
    case tooManyPixels(count: Int, height: Int, width: Int, maximum: Int)
    case titleCount(titles: Int, images: Int)
    case columnsBelowOne(Int)
    case scaleOutOfRange(Double, maximum: Double)

    // Line charts
    case noXValues
    case noSeries
    case tooManySeries(count: Int, maximum: Int)
    case tooManyPoints(count: Int, maximum: Int)
    /// A series whose length differs from x's; nil names the one unnamed series.
    case seriesLength(name: String?, count: Int, expected: Int)
    /// A value at or below zero on a log axis.
    case notPositiveOnLogScale(series: String?, value: Double, x: Double)

    public var description: String {
        switch self {
        case .imageShape(let shape):
            "images must be a tensor of shape [N, 1, H, W], [N, 3, H, W], [N, H, W] or [H, W], got \(shape)"
        case .noImages(let shape): "there are no images to show in a tensor of shape \(shape)"
        case .tooManyImages(let count, let maximum):
            "cannot show \(count) images at once; the most is \(maximum), so pass a slice such as X[0..<\(maximum)]"
        case .imageTooLarge(let height, let width, let maximum):
            "images of \(height)×\(width) pixels are too large to show; each side may be at most \(maximum)"
        case .tooManyPixels(let count, let height, let width, let maximum):
            "\(count) images of \(height)×\(width) pixels are too many to show at once; the most is "
                + "\(NumberText.grouped(Double(maximum))) pixels in all, so show fewer or smaller images"
        case .titleCount(let titles, let images):
            "\(images) image\(images == 1 ? "" : "s") need\(images == 1 ? "s" : "") \(images) title\(images == 1 ? "" : "s"), got \(titles)"
        case .columnsBelowOne(let columns): "columns must be 1 or more, got \(columns)"
        case .scaleOutOfRange(let scale, let maximum):
            "scale must be above 0 and at most \(String(format: "%g", maximum)), got \(scale)"
        case .noXValues: "there is nothing to plot: x has no values"
        case .noSeries: "there is nothing to plot: series has no entries"
        case .tooManySeries(let count, let maximum): "cannot plot \(count) series in one chart; the most is \(maximum)"
        case .tooManyPoints(let count, let maximum):
            "cannot plot \(NumberText.grouped(Double(count))) points per series; the most is \(NumberText.grouped(Double(maximum)))"
        case .seriesLength(let name, let count, let expected):
            "\(Self.seriesName(name)) has \(count) value\(count == 1 ? "" : "s"), but x has \(expected); "
                + "each x needs one value"
        case .notPositiveOnLogScale(let series, let value, let x):
            "a log-scale y axis (logY: true) needs values above 0, but \(Self.seriesName(series)) has \(value) at x = \(x)"
        }
    }

    private static func seriesName(_ name: String?) -> String {
        name.map { "series '\($0)'" } ?? "y"
    }
}
