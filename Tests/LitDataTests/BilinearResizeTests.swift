import LitData
import Testing

/// The resize against hand-computed values and against Pillow itself.
@Suite struct BilinearResizeTests {
    /// 2×2 to 4×4, by hand. Each axis maps [a, b] to [a, (3a + b) / 4, (a + 3b) / 4, b]
    /// (output centres at input positions 0.25, 0.75, 1.25, 1.75 of the 2 pixels; the
    /// outermost fall within a pixel's half and take it alone). Rows first: [0, 10] gives
    /// [0, 2.5, 7.5, 10], rounded half up to [0, 3, 8, 10], and [10, 10] stays 10. Then
    /// columns: (3, 10) gives 4.75 and 8.25, so 5 and 8; (8, 10) gives 8.5 and 9.5, so 9
    /// and 10. Exact bilinear interpolation would give 4.375, so 4, at row 1 column 1:
    /// PIL rounds after each pass, and so must we.
    @Test func upscaleByHand() {
        let resize = BilinearResize(from: 2, to: 4)
        #expect(resize([0, 10, 10, 10]) == [0, 3, 8, 10,
                                             3, 5, 9, 10,
                                             8, 8, 10, 10,
                                             10, 10, 10, 10])
    }

    /// 4 to 2 along one row, by hand: shrinking by 2 widens the triangle filter to reach
    /// 2 input pixels each way. Output 0 is centred at 1.0 and covers pixels 0, 1, 2 with
    /// weights 0.75, 0.75, 0.25, normalised to 3/7, 3/7, 1/7: (3·70 + 140) / 7 = 50.
    /// Output 1, centred at 3.0, weighs pixels 1, 2, 3 by 1/7, 3/7, 3/7:
    /// (70 + 3·140 + 3·210) / 7 = 160.
    @Test func downscaleWithAntialiasingByHand() {
        let resize = BilinearResize(inputWidth: 4, inputHeight: 1, outputWidth: 2, outputHeight: 1)
        #expect(resize([0, 70, 140, 210]) == [50, 160])
    }

    // The cases below come from Pillow 13.0.0:
    // `numpy.asarray(Image.fromarray(image, mode="L").resize((w, h), Image.BILINEAR))`,
    // inputs drawn with numpy's default_rng(7) (default_rng(11) for the non-square ones).

    @Test func pillowShrinks5To3() {
        let image: [UInt8] = [139, 74, 229, 241, 169, 65, 6, 160, 149, 106, 38, 175, 188, 205, 175,
                              229, 98, 249, 10, 148, 95, 86, 147, 198, 66]
        #expect(BilinearResize(from: 5, to: 3)(image) == [81, 165, 167, 101, 168, 152, 126, 152, 108])
    }

    @Test func pillowGrows4To9() {
        let image: [UInt8] = [171, 45, 167, 57, 69, 81, 55, 14, 153, 178, 215, 76, 52, 39, 250, 72]
        let expected: [UInt8] = [
            171, 150, 94, 52, 106, 160, 124, 75, 57,
            154, 137, 91, 57, 100, 143, 110, 66, 50,
            109, 102, 83, 69, 83, 96, 72, 42, 31,
            74, 76, 81, 86, 75, 65, 46, 25, 17,
            111, 114, 122, 130, 133, 135, 100, 60, 45,
            148, 152, 163, 174, 190, 204, 154, 95, 73,
            114, 115, 120, 130, 177, 223, 169, 100, 74,
            69, 68, 65, 73, 154, 234, 178, 101, 73,
            52, 50, 44, 51, 145, 238, 181, 102, 72,
        ]
        #expect(BilinearResize(from: 4, to: 9)(image) == expected)
    }

    @Test func pillowShrinks8To3() {
        let image: [UInt8] = [
            215, 50, 161, 223, 112, 172, 161, 233, 38, 17, 89, 1, 221, 6, 242, 127,
            143, 6, 60, 210, 94, 25, 166, 33, 249, 189, 12, 204, 33, 57, 124, 30,
            199, 149, 202, 119, 72, 220, 3, 209, 122, 136, 147, 77, 133, 82, 115, 87,
            162, 230, 70, 71, 240, 62, 47, 184, 31, 34, 63, 65, 146, 197, 142, 253,
        ]
        #expect(BilinearResize(from: 8, to: 3)(image) == [86, 117, 139, 144, 112, 97, 120, 118, 129])
    }

    /// The height loses 4 pixels, more than twice the width's -1: Pillow 13 resamples the
    /// columns first here, and rows first in the transposed case below.
    @Test func pillowShrinksColumnsFirstWhenTheHeightShrinksMuchMore() {
        let image: [UInt8] = [78, 204, 64, 34, 16, 250, 233, 32, 103, 122, 13, 204, 138, 172, 208, 127, 124, 100,
                              12, 151, 222, 203, 251, 153, 211, 235, 80, 182, 176, 41, 88, 7, 141, 241, 73]
        let resize = BilinearResize(inputWidth: 5, inputHeight: 7, outputWidth: 6, outputHeight: 3)
        #expect(resize(image) == [138, 197, 129, 77, 96, 103, 136, 158, 153, 125, 116, 170, 180, 105, 139, 187, 168, 89])
    }

    @Test func pillowShrinksRowsFirstOtherwise() {
        let image: [UInt8] = [223, 123, 222, 37, 84, 55, 200, 102, 211, 60, 159, 237, 53, 138, 57, 140, 55, 21,
                              7, 18, 118, 67, 241, 138, 148, 221, 56, 33, 89, 208, 34, 193, 76, 167, 197]
        let resize = BilinearResize(inputWidth: 7, inputHeight: 5, outputWidth: 3, outputHeight: 6)
        #expect(resize(image) == [180, 98, 113, 150, 138, 121, 112, 82, 81, 119, 87, 64, 150, 154, 102, 128, 127, 158])
    }

    @Test func sameSizeIsACopy() {
        let image = (0..<49).map { UInt8($0 * 5) }
        #expect(BilinearResize(from: 7, to: 7)(image) == image)
    }

    @Test func constantImagesStayConstant() {
        // The weights of each output sum to 1 in fixed point, give or take rounding that
        // the half-up offset absorbs.
        for (input, output) in [(28, 96), (28, 224), (28, 20), (96, 28), (28, 1)] {
            for value: UInt8 in [0, 1, 128, 254, 255] {
                let resized = BilinearResize(from: input, to: output)([UInt8](repeating: value, count: input * input))
                #expect(resized == [UInt8](repeating: value, count: output * output), "\(input)→\(output) of \(value)")
            }
        }
    }
}
