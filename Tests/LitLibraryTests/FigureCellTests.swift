import LitDocument
import LitLanguage
import LitLibrary
import LitTestSupport
import Testing

/// `showImages` and `plot` as cells call them: the figure in the cell's output, its file
/// for the assets folder, and the errors at the call.
@Suite struct FigureCellTests {
    /// The figures a cell made, each with its parsed SVG.
    struct Figure {
        let path: String
        let alt: String
        let svg: XMLTree
    }

    func figures(_ code: String, settings: LibrarySettings = LibrarySettings(), cell: Int = 3) throws
        -> (items: [OutputItem], figures: [Figure]) {
        let session = ChapterSession(seed: 0, settings: settings)
        session.chapterName = "figures.md"
        let result = try session.run(code, cell: cell)
        let figures = try result.items.compactMap { item -> Figure? in
            guard case .figure(let path, let alt) = item else { return nil }
            let asset = try #require(session.assets.first { $0.path == path }, "no asset for \(path)")
            let svg = try #require(XMLTree.parse(String(decoding: asset.contents, as: UTF8.self)), "not well-formed: \(path)")
            return Figure(path: path, alt: alt, svg: svg)
        }
        return (result.items, figures)
    }

    func error(_ code: String) -> String? {
        do { _ = try ChapterSession(seed: 0).run(code, cell: 1) } catch { return error.message.description }
        return nil
    }

    func points(_ series: XMLTree) -> Int {
        (series.all(class: "line").first?.attributes["d"] ?? "").split(separator: " ").count / 3
    }

    @Test func showImagesWritesAGridWithTheTitlesInOrder() throws {
        let (_, figures) = try figures("""
            let X = rand(12, 1, 28, 28)
            let y = tensor([9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5])
            showImages(X[0..<9], titles: fashionMNISTLabels(y[0..<9]))
            """)
        let figure = try #require(figures.first)
        #expect(figures.count == 1)
        #expect(figure.path == "figures.assets/cell-3-images.svg")
        let titles = ["ankle boot", "pullover", "trouser", "trouser", "shirt", "trouser", "coat", "shirt", "sandal"]
        #expect(figure.svg.all(class: "image-title").map(\.text) == titles)
        #expect(figure.svg.all("image").count == 9)
        #expect(figure.alt == "9 images of 28×28 pixels: " + titles.joined(separator: ", "))
    }

    @Test func theImagesHoldTheTensorsValues() throws {
        let (_, figures) = try figures("showImages(tensor([[0.0, 0.25], [0.5, 1.0]]))")
        let href = try #require(figures.first?.svg.all("image").first?.attributes["href"])
        let image = try #require(PNGReader(dataURL: href))
        #expect(image.width == 2 && image.height == 2)
        #expect(image.levels == [0, 64, 128, 255])
        #expect(figures.first?.svg.all(class: "image-title").isEmpty == true)
    }

    @Test func plotDrawsTheSeriesInTheOrderWritten() throws {
        let (items, figures) = try figures("""
            let epochs = arange(5) + 1
            print("before")
            plot(x: epochs, series: ["test": [0.5, 0.4, 0.35, 0.3, 0.3], "train": exp(-epochs)], xLabel: "epoch", yLabel: "loss", logY: true)
            print("after")
            """)
        let figure = try #require(figures.first)
        #expect(figure.path == "figures.assets/cell-3-plot.svg")
        #expect(items.count == 3)
        #expect(items.first == .text("before\n") && items.last == .text("after\n"))
        #expect(figure.svg.all(class: "axis-title").map(\.text) == ["epoch", "loss"])
        #expect(try #require(figure.svg.all(class: "legend").first).texts == ["test", "train"])
        let series = figure.svg.all(class: "series")
        #expect(series.map { $0.attributes["data-series"] } == ["test", "train"])
        #expect(series.map(points) == [5, 5])
        #expect(figure.svg.all(class: "y-axis").first?.attributes["data-scale"] == "log")
        #expect(figure.alt == "Line chart of loss against epoch, log scale: test, train")
    }

    @Test func plotTakesOneSeriesAsYAndRangesAsX() throws {
        let (_, figures) = try figures("""
            plot(x: 1...4, y: [3, 1, 2, 5])
            var losses: [Double] = []
            for i in 0..<3 { losses.append(1.0 / Double(i + 1)) }
            plot(x: [0, 0.5, 1], y: losses, xLabel: "t")
            """)
        #expect(figures.map(\.path) == ["figures.assets/cell-3-plot.svg", "figures.assets/cell-3-plot-2.svg"])
        #expect(figures.map { $0.svg.all(class: "series").map(points) } == [[4], [3]])
        #expect(figures.allSatisfy { $0.svg.all(class: "legend-entry").isEmpty })
        #expect(try #require(figures.first?.svg.all(class: "tick-labels").first).texts.prefix(4) == ["1", "2", "3", "4"])
    }

    @Test func aBudgetRunNamesItsFigures() throws {
        let (_, figures) = try figures("plot(x: [1, 2], y: [1, 2])\nshowImages(zeros(2, 3))", settings: LibrarySettings(budget: .quick))
        #expect(figures.map(\.path) == ["figures.assets/cell-3-plot-quick.svg", "figures.assets/cell-3-images-quick.svg"])
    }

    @Test func showImagesErrorsSayWhatIsWrong() {
        #expect(error("showImages(rand(9, 1, 4, 4), titles: [\"a\", \"b\", \"c\"])") == "9 images need 9 titles, got 3")
        #expect(error("showImages(rand(4))")
                    == "images must be a tensor of shape [N, 1, H, W], [N, 3, H, W], [N, H, W] or [H, W], got [4]")
        #expect(error("showImages(rand(2, 2, 4, 4))")?.hasSuffix("got [2, 2, 4, 4]") == true)
        #expect(error("showImages(zeros(0, 1, 28, 28))") == "there are no images to show in a tensor of shape [0, 1, 28, 28]")
        #expect(error("showImages(zeros(401, 2, 2))")
                    == "cannot show 401 images at once; the most is 400, so pass a slice such as X[0..<400]")
        #expect(error("showImages(rand(2, 2, 2), titles: [1, 2])") == "cannot convert value of type '[Int]' to expected type '[String]'")
        #expect(error("showImages(rand(2, 2, 2), columns: 0)") == "columns must be 1 or more, got 0")
        #expect(error("showImages(rand(2, 2, 2), scale: -1)") == "scale must be above 0 and at most 10, got -1.0")
        #expect(error("showImages([1, 2])") == "cannot convert value of type '[Int]' to expected type 'Tensor'")
    }

    @Test func plotErrorsSayWhatIsWrong() {
        #expect(error("plot(x: [1, 2, 3], series: [\"train\": [1, 2, 3], \"test\": [1, 2]])")
                    == "series 'test' has 2 values, but x has 3; each x needs one value")
        #expect(error("plot(x: [1, 2, 3], series: [\"train\": [1, 0, 3]], logY: true)")
                    == "a log-scale y axis (logY: true) needs values above 0, but series 'train' has 0.0 at x = 2.0")
        #expect(error("plot(x: [1, 2], y: tensor([[1.0], [2.0]]))")
                    == "'plot' needs y as numbers: a 1-D tensor, an array of numbers or a range, got a tensor of shape [2, 1]")
        #expect(error("plot(x: [\"a\", \"b\"], y: [1, 2])")
                    == "'plot' needs x as numbers: a 1-D tensor, an array of numbers or a range, got a value of type '[String]'")
        #expect(error("plot(x: [1, 2], series: [\"a\": \"b\"])")?.hasPrefix("'plot' needs series \"a\" as numbers") == true)
        #expect(error("plot(x: [1, 2], series: [1: [1, 2]])") == "cannot convert value of type '[Int: [Int]]' to expected type '[String: Tensor]'")
        #expect(error("plot(x: [1, 2], series: [:])") == "there is nothing to plot: series has no entries")
        #expect(error("let none: [Double] = []\nplot(x: none, y: none)") == "there is nothing to plot: x has no values")
        #expect(error("plot(x: 0..<20000, y: 0..<20000)") == "cannot plot 20,000 points per series; the most is 10,000")
        #expect(error("plot(x: [1, 2], y: [1, 2], xLabel: 3)") == "cannot convert value of type 'Int' to expected type 'String'")
        #expect(error("plot(x: [1, 2], y: [1, 2], logy: true)")?.contains("logY") == true)
    }
}
