import Foundation

/// A grid of images, each with its title above it, as a standalone SVG file, like d2l's
/// `show_images`.
///
/// Each image is embedded as a PNG in a `data:` URL and drawn enlarged by a whole factor
/// with `image-rendering: pixelated`, so that its pixels stay crisp squares. Values become
/// grey (or colour) levels as `PixelLevels` says. The same values give the same bytes.
public struct ImageGrid: Equatable, Sendable {
    public let dimensions: Dimensions
    /// The images' values, image after image, each channel after channel, row by row (NCHW).
    public let values: [Float]
    /// One title per image, or nil for none.
    public let titles: [String]?
    /// Images per row.
    public let columns: Int
    /// A factor on the images' shown size.
    public let scale: Double

    public static let maximumScale = 10.0
    /// At scale 1 an image's longer side is shown about this many pixels long.
    package static let shownSide = 96
    /// Without `columns`, rows hold at most this many images.
    package static let longestDefaultRow = 10
    private static let margin = 10.0
    private static let gap = 10.0
    /// A long title widens its column up to this many pixels; a longer one runs into the gap.
    private static let widestTitle = 200.0

    /// Checks that there is one title per image, and that `columns` and `scale` are usable.
    /// `values` must hold exactly the images `dimensions` describes.
    public init(_ dimensions: Dimensions, values: [Float], titles: [String]? = nil, columns: Int? = nil,
                scale: Double = 1) throws(FigureError) {
        precondition(values.count == dimensions.count * dimensions.valuesPerImage, "values do not fill the images")
        if let titles, titles.count != dimensions.count {
            throw .titleCount(titles: titles.count, images: dimensions.count)
        }
        if let columns, columns < 1 { throw .columnsBelowOne(columns) }
        // Written so that NaN fails too.
        guard scale > 0, scale <= Self.maximumScale else { throw .scaleOutOfRange(scale, maximum: Self.maximumScale) }
        self.dimensions = dimensions
        self.values = values
        self.titles = titles
        self.columns = min(columns ?? Self.defaultColumns(dimensions.count), dimensions.count)
        self.scale = scale
    }

    /// Rows of at most 10 images, as even as they can be: 9 images make one row, 18 two
    /// rows of 9, 25 three rows of 9.
    package static func defaultColumns(_ count: Int) -> Int {
        let rows = (count + longestDefaultRow - 1) / longestDefaultRow
        return (count + rows - 1) / rows
    }

    /// A description for the figure's alt text: how many images of what size, and their
    /// titles (the first 20).
    public var altText: String {
        let (count, kind) = (dimensions.count, dimensions.channels == 3 ? "colour image" : "image")
        var text = "\(count) \(kind)\(count == 1 ? "" : "s") of \(dimensions.height)×\(dimensions.width) pixels"
        if let titles {
            text += ": " + titles.prefix(20).joined(separator: ", ")
            if titles.count > 20 { text += ", and \(titles.count - 20) more" }
        }
        return text
    }

    /// The whole SVG document, ending with a newline.
    public func svg() -> String {
        let n = SVGWriter.number
        let levels = PixelLevels(values: values)
        let rows = (dimensions.count + columns - 1) / columns
        let (imageWidth, imageHeight) = shownSize
        // A title may run over several lines ("trouser\npullover", as d2l writes the true
        // and the predicted class); the band is as tall as the tallest.
        let titleLines = titles?.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        let titleBand = titleLines.map { 20.0 + Self.lineHeight * Double(($0.map(\.count).max() ?? 1) - 1) } ?? 0
        // Sans-serif at 12 px averages about 6.5 px a character.
        let widestTitleWidth = Double(titleLines?.joined().map(\.count).max() ?? 0) * 6.5 + 4
        let cellWidth = max(imageWidth, min(widestTitleWidth, Self.widestTitle))
        let cellHeight = titleBand + imageHeight
        let width = 2 * Self.margin + Double(columns) * cellWidth + Double(columns - 1) * Self.gap
        let height = 2 * Self.margin + Double(rows) * cellHeight + Double(rows - 1) * Self.gap
        let (widthText, heightText) = (String(Int(width.rounded(.up))), String(Int(height.rounded(.up))))

        var svg = SVGWriter()
        svg.openFigure(width: widthText, height: heightText, title: altText,
                       description: "Black is \(Self.valueText(levels.black)), white is \(Self.valueText(levels.white)).")
        svg.open("g", ["class": "image-grid"])
        for index in 0..<dimensions.count {
            let (row, column) = index.quotientAndRemainder(dividingBy: columns)
            let left = Self.margin + Double(column) * (cellWidth + Self.gap)
            let top = Self.margin + Double(row) * (cellHeight + Self.gap)
            svg.open("g", ["class": "grid-image"])
            if let titles, let lines = titleLines?[index] {
                let attributes: KeyValuePairs<String, String?> = ["class": "image-title", "x": n(left + cellWidth / 2),
                                                                  "y": n(top + 14), "text-anchor": "middle"]
                if lines.count == 1 {
                    svg.element("text", attributes, text: titles[index])
                } else {
                    let spans = lines.enumerated().map { number, line in
                        SVGWriter.markup("tspan", ["x": n(left + cellWidth / 2), "dy": number == 0 ? nil : n(Self.lineHeight)],
                                         text: String(line))
                    }
                    svg.element("text", attributes, markup: spans.joined())
                }
            }
            svg.element("image", [
                "class": "image", "x": n(left + (cellWidth - imageWidth) / 2), "y": n(top + titleBand),
                "width": n(imageWidth), "height": n(imageHeight), "preserveAspectRatio": "none",
                "style": "image-rendering: pixelated", "href": dataURL(index, levels),
            ])
            svg.close("g")
        }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    /// An image's size on the page: enlarged by a whole factor to about `shownSide` on its
    /// longer side (never shrunk), then by `scale`.
    package var shownSize: (width: Double, height: Double) {
        let longer = max(dimensions.height, dimensions.width)
        let factor = max(1, Int((Double(Self.shownSide) / Double(longer)).rounded()))
        return (Double(dimensions.width * factor) * scale, Double(dimensions.height * factor) * scale)
    }

    private static let lineHeight = 14.0

    /// The `index`th image as a PNG in a `data:` URL.
    package func dataURL(_ index: Int, _ levels: PixelLevels) -> String {
        let (channels, pixels) = (dimensions.channels, dimensions.height * dimensions.width)
        let start = index * dimensions.valuesPerImage
        var bytes = [UInt8](repeating: 0, count: pixels * channels)
        // Tensors hold each channel as a plane; PNG interleaves them pixel by pixel.
        for channel in 0..<channels {
            for pixel in 0..<pixels {
                bytes[pixel * channels + channel] = levels.level(values[start + channel * pixels + pixel])
            }
        }
        let png = PNGEncoder.encode(width: dimensions.width, height: dimensions.height, channels: channels, levels: bytes)
        return "data:image/png;base64," + Data(png).base64EncodedString()
    }

    private static func valueText(_ value: Double) -> String {
        String(format: "%g", value)
    }
}
