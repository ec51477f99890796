extension ImageGrid {
    /// How many images a tensor's shape holds and their size: [N, 1, H, W] and [N, H, W]
    /// are N grey images, [N, 3, H, W] N colour ones, [H, W] one grey image.
    public struct Dimensions: Equatable, Sendable {
        public let count: Int
        /// 1 for grey, 3 for red, green and blue.
        public let channels: Int
        public let height: Int
        public let width: Int

        /// The most images one grid shows.
        public static let maximumImages = 400
        /// The longest side an image may have.
        public static let maximumSide = 1024
        /// The most pixels in all, which keeps a figure to some tens of megabytes.
        public static let maximumPixels = 1 << 24

        /// Checked before the values are read, so that a huge tensor is refused cheaply.
        public init(shape: [Int]) throws(FigureError) {
            switch shape.count {
            case 4 where shape[1] == 1 || shape[1] == 3:
                (count, channels, height, width) = (shape[0], shape[1], shape[2], shape[3])
            case 3:
                (count, channels, height, width) = (shape[0], 1, shape[1], shape[2])
            case 2:
                (count, channels, height, width) = (1, 1, shape[0], shape[1])
            default:
                throw .imageShape(shape)
            }
            guard count > 0, height > 0, width > 0 else { throw .noImages(shape: shape) }
            guard count <= Self.maximumImages else { throw .tooManyImages(count: count, maximum: Self.maximumImages) }
            guard height <= Self.maximumSide, width <= Self.maximumSide else {
                throw .imageTooLarge(height: height, width: width, maximum: Self.maximumSide)
            }
            guard count * height * width <= Self.maximumPixels else {
                throw .tooManyPixels(count: count, height: height, width: width, maximum: Self.maximumPixels)
            }
        }

        /// Values in one image.
        package var valuesPerImage: Int { channels * height * width }
    }
}
