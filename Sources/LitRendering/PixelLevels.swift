/// How image values become 8-bit grey (or colour) levels.
///
/// Values that all lie in 0...1, as Fashion-MNIST's pixels do, are shown as they are: 0 is
/// black and 1 white. Otherwise the smallest finite value is black and the largest white,
/// one scale for the whole grid so that its images compare. When every finite value is the
/// same, outside 0...1, it is mid-grey. NaN and -infinity are black, +infinity white.
package struct PixelLevels: Equatable, Sendable {
    /// The values shown as black and as white.
    package let black: Double
    package let white: Double

    package init(black: Double, white: Double) {
        self.black = black
        self.white = white
    }

    package init(values: [Float]) {
        var lowest = Float.infinity, highest = -Float.infinity
        for value in values where value.isFinite {
            lowest = min(lowest, value)
            highest = max(highest, value)
        }
        if lowest > highest || (lowest >= 0 && highest <= 1) {
            self.init(black: 0, white: 1)
        } else {
            self.init(black: Double(lowest), white: Double(highest))
        }
    }

    package func level(_ value: Float) -> UInt8 {
        if value.isNaN { return 0 }
        guard white > black else { return value.isInfinite ? (value > 0 ? 255 : 0) : 128 }
        let fraction = (Double(value) - black) / (white - black)
        return UInt8((min(max(fraction, 0), 1) * 255).rounded())
    }
}
