import LitRendering
import LitTestSupport
import Testing

@Suite struct ImageGridTests {
    func grid(_ shape: [Int], _ values: [Float]? = nil, titles: [String]? = nil, columns: Int? = nil,
              scale: Double = 1) throws -> ImageGrid {
        let dimensions = try ImageGrid.Dimensions(shape: shape)
        let values = values ?? (0..<shape.reduce(1, *)).map { Float($0 % 7) / 6 }
        return try ImageGrid(dimensions, values: values, titles: titles, columns: columns, scale: scale)
    }

    func parse(_ svg: String) throws -> XMLTree {
        try #require(XMLTree.parse(svg), "not well-formed XML:\n\(svg)")
    }

    /// The embedded images, in document order.
    func images(_ root: XMLTree) throws -> [PNGReader] {
        try root.all("image").map { image in
            try #require(PNGReader(dataURL: image.attributes["href"] ?? ""), "not a PNG data URL")
        }
    }

    func error(_ body: () throws -> ImageGrid) -> FigureError? {
        do { _ = try body() } catch let error as FigureError { return error } catch { return nil }
        return nil
    }

    @Test func tinyGreyImageHoldsItsValuesAsLevels() throws {
        // 0...1 is shown as it is: 0.25 × 255 = 63.75 and 0.5 × 255 = 127.5 round to 64 and 128.
        let root = try parse(try grid([1, 1, 2, 2], [0, 0.25, 0.5, 1]).svg())
        let image = try #require(try images(root).first)
        #expect(image == PNGReader(bytes: PNGEncoder.encode(width: 2, height: 2, channels: 1, levels: [0, 64, 128, 255])))
        #expect(image.width == 2 && image.height == 2 && image.colorType == 0)
        #expect(image.levels == [0, 64, 128, 255])
        #expect(root.all("desc").first?.text == "Black is 0, white is 1.")
    }

    @Test func valuesOutsideZeroToOneAreStretchedOverTheWholeGrid() throws {
        // From -1 (black) to 3 (white), the same scale for both images: (v + 1) / 4 × 255.
        let root = try parse(try grid([2, 2, 2], [-1, 0, 1, 3, 1, 1, 1, 1]).svg())
        #expect(try images(root).map(\.levels) == [[0, 64, 128, 255], [128, 128, 128, 128]])
        #expect(root.all("desc").first?.text == "Black is -1, white is 3.")
    }

    @Test func nonFiniteAndConstantValues() throws {
        let special = try parse(try grid([2, 2], [.nan, .infinity, -.infinity, 0.5]).svg())
        #expect(try images(special).first?.levels == [0, 255, 0, 128])
        let constant = try parse(try grid([2, 2], [5, 5, 5, 5]).svg())
        #expect(try images(constant).first?.levels == [128, 128, 128, 128])
    }

    @Test func colourImagesInterleaveTheirChannels() throws {
        // Red plane [1, 0], green [0, 1], blue [0, 0.5]: a red pixel, then a green-blue one.
        let root = try parse(try grid([1, 3, 1, 2], [1, 0, 0, 1, 0, 0.5]).svg())
        let image = try #require(try images(root).first)
        #expect(image.colorType == 2 && image.width == 2 && image.height == 1)
        #expect(image.levels == [255, 0, 0, 0, 255, 128])
    }

    /// d2l's prediction grid titles each image with its true and predicted class, one a line.
    @Test func aTitleOfTwoLinesGetsTwoLinesAndATallerBand() throws {
        let oneLine = try parse(try grid([2, 1, 28, 28], titles: ["coat", "bag"]).svg())
        let twoLines = try parse(try grid([2, 1, 28, 28], titles: ["coat\nshirt", "bag"]).svg())
        let titles = twoLines.all(class: "image-title")
        #expect(titles[0].all("tspan").map(\.text) == ["coat", "shirt"] && titles[0].textContent == "coatshirt")
        #expect(titles[0].all("tspan")[1].attributes["dy"].flatMap(Double.init) == 14 && titles[1].text == "bag")
        // The images move down by one line, so the second line does not cover them.
        let top = { (root: XMLTree) in Double(root.all("image")[0].attributes["y"] ?? "") ?? .nan }
        #expect(top(twoLines) == top(oneLine) + 14)
    }

    @Test func nineImagesWithTheirTitlesInOneRow() throws {
        let titles = ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag"]
        let svg = try grid([9, 1, 28, 28], titles: titles).svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
        let root = try parse(svg)
        #expect(root.all(class: "grid-image").count == 9)
        #expect(root.all(class: "image-title").map(\.text) == titles)
        let shown = root.all("image")
        #expect(shown.count == 9)
        // 28 pixels enlarged 3 times, as crisp squares, all on one row.
        #expect(shown.allSatisfy { $0.attributes["width"] == "84.0" && $0.attributes["height"] == "84.0" })
        #expect(shown.allSatisfy { $0.attributes["style"] == "image-rendering: pixelated" })
        #expect(Set(shown.map { $0.attributes["y"] }).count == 1)
        #expect(try images(root).allSatisfy { $0.width == 28 && $0.height == 28 })
        #expect(root.all("title").first?.text
                    == "9 images of 28×28 pixels: t-shirt, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag")
    }

    @Test func rowsHoldAtMostTenImagesUnlessColumnsSaySo() throws {
        #expect([1, 9, 10, 11, 18, 25, 400].map(ImageGrid.defaultColumns) == [1, 9, 10, 6, 9, 9, 10])
        let rows = { (grid: ImageGrid) throws -> Int in
            Set(try self.parse(grid.svg()).all("image").map { $0.attributes["y"] ?? "" }).count
        }
        #expect(try rows(grid([18, 4, 4])) == 2)
        #expect(try rows(grid([18, 4, 4], columns: 4)) == 5)
        #expect(try grid([3, 4, 4], columns: 8).columns == 3)
    }

    @Test func scaleEnlargesTheImagesAndTheFigure() throws {
        let small = try parse(try grid([2, 3, 5, 4]).svg())
        let large = try parse(try grid([2, 3, 5, 4], scale: 2).svg())
        // The longer side, 5, is enlarged 19 times: 95 × 76, then doubled.
        #expect(small.all("image").first?.attributes["width"] == "76.0")
        #expect(small.all("image").first?.attributes["height"] == "95.0")
        #expect(large.all("image").first?.attributes["width"] == "152.0")
        #expect(Int(large.attributes["width"] ?? "") ?? 0 > Int(small.attributes["width"] ?? "") ?? 0)
        #expect(large.all("title").first?.text == "2 colour images of 5×4 pixels")
    }

    @Test func sameValuesGiveTheSameBytes() throws {
        let first = try grid([4, 1, 6, 6], titles: ["a", "b & c", "<d>", "e"]).svg()
        #expect(try grid([4, 1, 6, 6], titles: ["a", "b & c", "<d>", "e"]).svg() == first)
        #expect(try parse(first).all(class: "image-title").map(\.text) == ["a", "b & c", "<d>", "e"])
    }

    @Test func shapesThatAreNotImagesAreRefused() {
        #expect(error { try grid([4]) } == .imageShape([4]))
        #expect(error { try grid([2, 2, 3, 3]) } == .imageShape([2, 2, 3, 3]))
        #expect(error { try grid([1, 1, 1, 2, 2]) } == .imageShape([1, 1, 1, 2, 2]))
        #expect(error { try grid([0, 1, 28, 28]) } == .noImages(shape: [0, 1, 28, 28]))
        #expect(error { try grid([3, 0]) } == .noImages(shape: [3, 0]))
        #expect(error { try grid([401, 2, 2]) } == .tooManyImages(count: 401, maximum: 400))
        #expect(error { try grid([1, 2000, 3]) } == .imageTooLarge(height: 2000, width: 3, maximum: 1024))
        #expect(error { try grid([400, 1, 1000, 1000]) }
                    == .tooManyPixels(count: 400, height: 1000, width: 1000, maximum: 1 << 24))
        #expect(FigureError.imageShape([4]).description
                    == "images must be a tensor of shape [N, 1, H, W], [N, 3, H, W], [N, H, W] or [H, W], got [4]")
    }

    @Test func titlesColumnsAndScaleAreChecked() {
        #expect(error { try grid([9, 2, 2], titles: ["a", "b", "c"]) } == .titleCount(titles: 3, images: 9))
        #expect(FigureError.titleCount(titles: 3, images: 9).description == "9 images need 9 titles, got 3")
        #expect(FigureError.titleCount(titles: 2, images: 1).description == "1 image needs 1 title, got 2")
        #expect(error { try grid([2, 2, 2], columns: 0) } == .columnsBelowOne(0))
        #expect(error { try grid([2, 2, 2], scale: 0) } == .scaleOutOfRange(0, maximum: 10))
        #expect(error { try grid([2, 2, 2], scale: 11) } == .scaleOutOfRange(11, maximum: 10))
        #expect(error { try grid([2, 2, 2], scale: .nan) } != nil)
    }
}
