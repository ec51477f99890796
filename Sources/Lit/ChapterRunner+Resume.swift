import Foundation
import LitArchive
import LitDiagnostics
import LitDocument
import LitLibrary

/// Resuming a run from the snapshot of the last unchanged cell.
extension ChapterRunner {
    /// Where a resumed run picks up: the runner's record of the cells up to the snapshot,
    /// and the session restored after them (nil when no cell is left to run, so the
    /// state is not needed).
    struct ResumePoint {
        var record: RunRecord
        var session: ChapterSession?
    }

    /// The state after the last unchanged cell whose snapshot checks out, or nil to run
    /// from the start, with a note when a snapshot was there but could not be used (it is
    /// then deleted, as no later run could use it either).
    func resume(_ chapter: Chapter, hashes: [String], keys: [SnapshotKey], params: String?, from cache: SnapshotCache, notes: inout [CacheNote.Placed]) -> ResumePoint? {
        guard let cell = cache.lastCachedCell(hashes: hashes) else {
            let others = cache.otherBudgets(hashes: hashes)
            if !others.isEmpty {
                notes.append((.otherBudgetsOnly(others, current: cache.budget), nil))
            }
            return nil
        }
        let key = keys[cell - 1]
        let url = cache.url(cell: cell, hash: hashes[cell - 1])
        do {
            var reader = try SnapshotFile.reader(for: url, key: key.text)
            let record = try RunRecord(from: &reader, chapter: chapter, params: params)
            guard record.cell == cell else { throw SnapshotError.corrupt("the record of cell \(record.cell)") }
            let session = makeSession(for: chapter)
            for (path, identity) in record.filesRead.sorted(by: { $0.key < $1.key }) where session.files.identity(of: path) != identity {
                throw CacheNote.fileChanged(path)
            }
            session.filesRead = record.filesRead
            guard cell < chapter.cells.count else { return ResumePoint(record: record, session: nil) }
            let skipped = chapter.cells.prefix(cell).filter { !$0.flags.contains(.norun) }
            try session.restore(from: &reader, skippedCells: skipped.map { ($0.number, $0.code) })
            try reader.expectEnd()
            return ResumePoint(record: record, session: session)
        } catch {
            let reason = switch error {
            case SnapshotError.keyMismatch(let found, _): key.mismatch(found: found)
            case let error as SnapshotError: error.description
            case let error as CacheNote: error.description
            default: error.localizedDescription
            }
            notes.append((.snapshotRefused(cell: cell, reason: reason), cell))
            try? FileManager.default.removeItem(at: url)
            return nil
        }
    }

    /// Each cell's snapshot key under this run's settings.
    func snapshotKeys(_ hashes: [String], params: String?) -> [SnapshotKey] {
        let data = CacheIdentity.data(files: options.library.dataFiles)
        return hashes.enumerated().map { index, hash in
            SnapshotKey(cell: index + 1, hash: hash, seed: options.seed, budget: options.library.budget?.name ?? "full",
                        data: data, build: CacheIdentity.build, params: params ?? "none")
        }
    }
}
