import LitArchive
import LitDiagnostics
import LitDocument
import LitLibrary

/// Saves a snapshot after each cell of a run, and gathers what to tell the user when one
/// could not be kept.
struct SnapshotSaver {
    let cache: SnapshotCache
    /// The key of each cell's snapshot, by cell number - 1.
    let keys: [SnapshotKey]
    let limit: Int
    /// Cells after which the state held a value no snapshot can keep, with the first reason.
    private var unsaved: [Int] = []
    private var unsavedReason = ""
    /// Set once the cache could not be written; the run then keeps no more snapshots.
    private var failure: String?

    init(cache: SnapshotCache, keys: [SnapshotKey], limit: Int) {
        self.cache = cache
        self.keys = keys
        self.limit = limit
    }

    /// The runner's record, then the session's state; a state that cannot be saved
    /// faithfully leaves no snapshot for this cell.
    mutating func save(after cell: Cell, record: RunRecord, session: ChapterSession) {
        guard failure == nil else { return }
        var writer = SnapshotWriter()
        record.write(to: &writer)
        do {
            try session.save(into: &writer)
        } catch {
            if unsaved.isEmpty { unsavedReason = "\(error)" }
            unsaved.append(cell.number)
            return
        }
        do {
            try cache.save(writer.bytes, key: keys[cell.number - 1])
            cache.evict(toFit: limit)
        } catch {
            failure = error.localizedDescription
        }
    }

    /// One note for the cells left without a snapshot (placed at the first of them) and
    /// one if the cache failed.
    var notes: [CacheNote.Placed] {
        var notes: [CacheNote.Placed] = []
        if let first = unsaved.first {
            let cells = unsaved.count == 1 ? "cell \(first)" : "cells " + unsaved.map(String.init).joined(separator: ", ")
            notes.append((.notSaved(cells: cells, reason: unsavedReason), first))
        }
        if let failure { notes.append((.cacheUnwritable(failure), nil)) }
        return notes
    }
}
