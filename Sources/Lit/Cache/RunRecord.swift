import LitArchive
import LitDiagnostics
import LitDocument
import LitLanguage

/// The runner's part of a snapshot: what the cells up to the snapshot put in the chapter.
/// A resumed run writes these outputs again instead of keeping whatever the file holds,
/// so its result is the one a run from the start writes, even after a hand edit.
struct RunRecord {
    static let formatVersion = 1

    /// The last cell that ran.
    var cell: Int
    /// Each cell's output block, cells 1...`cell`.
    var updates: [Int: CellUpdate]
    /// `expect-error` cells that failed as expected: their errors are laid out again once
    /// the chapter's positions are known.
    var failures: [ChapterRunner.Failure]
    /// The figures those cells made and the files they saved, for the assets folder.
    var assets: [ChapterAsset]
    /// The chapter's own files those cells read, with their identity then.
    var filesRead: [String: String]

    init(cell: Int, updates: [Int: CellUpdate], failures: [ChapterRunner.Failure], assets: [ChapterAsset],
         filesRead: [String: String]) {
        self.cell = cell
        self.updates = updates
        self.failures = failures
        self.assets = assets
        self.filesRead = filesRead
    }

    func write(to writer: inout SnapshotWriter) {
        writer.write(RunRecord.formatVersion)
        writer.write(cell)
        let recorded = updates.sorted { $0.key < $1.key }
        writer.write(UInt64(recorded.count))
        for (number, update) in recorded {
            writer.write(number)
            switch update {
            case .output(let marker, let items):
                writer.write(true)
                writer.write(marker.text)
                write(items, to: &writer)
            default:
                writer.write(false)
            }
        }
        writer.write(UInt64(failures.count))
        for failure in failures {
            writer.write(failure.cell.number)
            write(failure.items, to: &writer)
            writer.write(failure.printed)
            let error = failure.error ?? LanguageError(.library(RecordedMessage(description: "")), at: 0)
            writer.write(error.message.description)
            writer.write(error.offset)
            writer.writeOptional(error.cell) { $0.write($1) }
            writer.write(UInt64(error.trace.count))
            for entry in error.trace {
                writer.write(entry.function)
                writer.write(entry.cell)
                writer.write(entry.offset)
            }
        }
        writer.write(UInt64(assets.count))
        for asset in assets {
            writer.write(asset.path)
            writer.write(bytes: asset.contents)
        }
        writer.write(UInt64(filesRead.count))
        for (path, identity) in filesRead.sorted(by: { $0.key < $1.key }) {
            writer.write(path)
            writer.write(identity)
        }
    }

    /// Reads a record of `chapter`'s run with parameter values `params` (part of the key,
    /// so the record's own); a record that names cells the chapter does not have is corrupt.
    init(from reader: inout SnapshotReader, chapter: Chapter, params: String?) throws {
        guard try reader.readInt() == RunRecord.formatVersion else { throw SnapshotError.corrupt("a run record of another format") }
        let cells = chapter.cells
        func cellNumber() throws -> Int {
            let number = try reader.readInt()
            guard (1...cells.count).contains(number) else { throw SnapshotError.corrupt("cell \(number) of \(cells.count)") }
            return number
        }
        cell = try cellNumber()
        updates = [:]
        for _ in 0..<(try reader.readCount()) {
            let number = try cellNumber()
            if try reader.readBool() {
                guard let marker = OutputMarker.parse(try reader.readString()) else { throw SnapshotError.corrupt("an output marker") }
                updates[number] = .output(marker, try RunRecord.readItems(from: &reader))
            } else {
                updates[number] = .noOutput
            }
        }
        failures = []
        for _ in 0..<(try reader.readCount()) {
            let number = try cellNumber()
            let items = try RunRecord.readItems(from: &reader)
            let printed = try reader.readString()
            var error = LanguageError(.library(RecordedMessage(description: try reader.readString())), at: try reader.readInt())
            error.cell = try reader.readOptional { try $0.readInt() }
            error.trace = try (0..<(try reader.readCount())).map { _ in
                LanguageError.TraceEntry(function: try reader.readString(), cell: try reader.readInt(), offset: try reader.readInt())
            }
            failures.append(ChapterRunner.Failure(cell: cells[number - 1], error: error, items: items, printed: printed, expected: true,
                                                  params: params))
        }
        assets = try (0..<(try reader.readCount())).map { _ in
            ChapterAsset(path: try reader.readString(), contents: try reader.readBytes())
        }
        filesRead = [:]
        for _ in 0..<(try reader.readCount()) { filesRead[try reader.readString()] = try reader.readString() }
    }

    private func write(_ items: [OutputItem], to writer: inout SnapshotWriter) {
        writer.write(UInt64(items.count))
        for item in items {
            switch item {
            case .text(let text):
                writer.write(ItemTag.text.rawValue)
                writer.write(text)
            case .table(let header, let rows, let wallClock):
                writer.write(ItemTag.table.rawValue)
                writer.write(UInt64(rows.count))
                for row in [header] + rows {
                    writer.write(UInt64(row.count))
                    for entry in row { writer.write(entry) }
                }
                writer.write(UInt64(wallClock.count))
                for column in wallClock.sorted() { writer.write(column) }
            case .figure(let path, let alt):
                writer.write(ItemTag.figure.rawValue)
                writer.write(path)
                writer.write(alt)
            }
        }
    }

    private static func readItems(from reader: inout SnapshotReader) throws -> [OutputItem] {
        try (0..<(try reader.readCount())).map { _ in
            switch ItemTag(rawValue: try reader.readUInt64()) {
            case .text: return .text(try reader.readString())
            case .table:
                let rowCount = try reader.readCount()
                let lists = try (0...rowCount).map { _ in try (0..<(try reader.readCount())).map { _ in try reader.readString() } }
                let wallClock = try (0..<(try reader.readCount())).map { _ in try reader.readInt() }
                return .table(header: lists[0], rows: Array(lists.dropFirst()), wallClock: Set(wallClock))
            case .figure: return .figure(path: try reader.readString(), alt: try reader.readString())
            case nil: throw SnapshotError.corrupt("an unknown output item")
            }
        }
    }

    private enum ItemTag: UInt64 {
        case text = 1, table, figure
    }
}

/// An error message kept in a snapshot as the text it showed.
struct RecordedMessage: ErrorMessage, Equatable {
    let description: String
}
