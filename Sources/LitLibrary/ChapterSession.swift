import Foundation
import LitData
import LitDocument
import LitLanguage

/// One chapter's shared context: an interpreter with the library bound into it, and
/// what the cells produce besides text, the tables and figures of each cell's output and
/// the files for the chapter's assets folder.
public final class ChapterSession {
    public let interpreter: Interpreter
    /// Data location, budget and progress for the library's calls.
    public let settings: LibrarySettings
    /// The chapter's file name, for progress lines and the assets folder.
    public var chapterName = "chapter.md"
    /// The chapter's folder: cells read files in it and below it, and nowhere else.
    public var files = ChapterFolder(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    /// The files cells read so far, by path, with their size and modification time: a
    /// snapshot is only good while they stay the same.
    public var filesRead: [String: String] = [:]
    /// Tables and figures the running cell produced, with the text printed before each.
    public private(set) var emittedItems: [OutputItem] = []
    /// Files for the chapter's assets folder, such as training curves, from every cell run so far.
    public private(set) var assets: [ChapterAsset] = []
    /// Raised by a tensor restored from a snapshot when a backward pass needs its graph.
    let missingGraph = MissingGraphSignal()

    /// The result of running one cell.
    public struct CellResult {
        /// The cell's whole output in order: text, tables and figures.
        public var items: [OutputItem]
        public var displayed: Value?
        /// The items' text, with tables and figures left out.
        public var text: String { items.plainText }
    }

    /// Draws from the chapter's one generator, for layers that draw as they run (dropout).
    package var nextRandom: () -> UInt64 {
        { [unowned interpreter] in interpreter.random.next() }
    }

    public init(seed: UInt64 = 0, settings: LibrarySettings = LibrarySettings()) {
        interpreter = Interpreter(seed: seed)
        self.settings = settings
        installTensorLibrary()
        installModuleLibrary()
        installTrainingLibrary()
        installDataLibrary()
        installFileLibrary()
        installFigureLibrary()
        installParameterFileLibrary()
        // Types cells name in casts but never construct by name.
        interpreter.nativeTypeNames = ["Tensor", "Optimizer"]
    }

    /// The seed every generator of the run starts from.
    public var seed: UInt64 { interpreter.seed }

    /// The folder, relative to the chapter, that figures and saved files go in: `batchnorm.assets`.
    public var assetFolder: String { ChapterAsset.folder(forChapterNamed: chapterName) }

    /// The assets folder on disk, for the files cells save and load.
    package var assetFiles: AssetFolder { AssetFolder(chapterFolder: files.root, name: assetFolder) }

    /// Text the running cell printed after its last table or figure; after a failure,
    /// what it printed before failing.
    public var output: String { interpreter.output }

    /// Parses, resolves and runs one cell's code.
    public func run(_ code: String, cell: Int, timeout: Double? = nil) throws(LanguageError) -> CellResult {
        emittedItems = []
        let result = try interpreter.run(code, cell: cell, timeout: timeout)
        return CellResult(items: emittedItems + (result.text.isEmpty ? [] : [.text(result.text)]), displayed: result.displayed)
    }

    /// Adds a table or figure to the cell's output, after what it printed so far.
    package func emit(_ item: OutputItem) {
        let text = interpreter.takePrintedText()
        if !text.isEmpty { emittedItems.append(.text(text)) }
        emittedItems.append(item)
    }

    /// Writes an SVG figure for the assets folder and links it in the cell's output. Under a
    /// budget the file's name says so (`cell-5-training-quick.svg`), so that a budget run
    /// never overwrites the real figure.
    package func emitFigure(named name: String, svg: String, alt: String) {
        let budgeted = name + (settings.budget.map { "-\($0.name)" } ?? "")
        emit(.figure(path: addAsset(named: budgeted, extension: "svg", contents: Array(svg.utf8)), alt: alt))
    }

    /// Keeps a file for the assets folder and returns its path relative to the chapter:
    /// `batchnorm.assets/cell-12-training.svg`. The name depends only on the cell and
    /// `name`, so re-runs overwrite the same file; a second figure of the same name in
    /// one cell gets `-2`.
    package func addAsset(named name: String, extension fileExtension: String, contents: [UInt8]) -> String {
        let stem = "\(assetFolder)/cell-\(interpreter.cell)-\(name)"
        var path = "\(stem).\(fileExtension)"
        var copy = 1
        while assets.contains(where: { $0.path == path }) {
            copy += 1
            path = "\(stem)-\(copy).\(fileExtension)"
        }
        assets.append(ChapterAsset(path: path, contents: contents))
        return path
    }

    /// Keeps a file a cell saved (`save(x, "mlp.params")`) for the assets folder, in place
    /// of one saved before under the same name, and returns its path relative to the
    /// chapter. Like figures, it is written once the run is over, and a resumed run gets
    /// it back from the snapshot.
    @discardableResult
    package func keepSavedFile(named fileName: String, contents: [UInt8]) -> String {
        let path = "\(assetFolder)/\(fileName)"
        if let index = assets.firstIndex(where: { $0.path == path }) {
            assets[index].contents = contents
        } else {
            assets.append(ChapterAsset(path: path, contents: contents))
        }
        return path
    }

    /// The contents of a file a cell saved in this run, or nil.
    package func savedFile(named fileName: String) -> [UInt8]? {
        let path = "\(assetFolder)/\(fileName)"
        return assets.last { $0.path == path }?.contents
    }

    /// Gives a session that resumes a run the files the cells before the snapshot made,
    /// so that a later cell can load what a skipped one saved.
    package func restoreAssets(_ recorded: [ChapterAsset]) {
        assets = recorded
    }
}
