import Foundation
import LitArchive

/// One chapter's snapshots, in `.litrun-cache/<chapter file name>/` beside the chapter:
/// one file per cell and budget, named by the cell's chained hash, as
/// `cell-12-5f2a9c1e-full.litsnap`. A quick-budget run and a full run keep snapshots of
/// their own, so switching between them loses neither.
package struct SnapshotCache {
    package static let folderName = ".litrun-cache"
    private static let fileExtension = ".litsnap"

    /// The `.litrun-cache` folder beside the chapter, shared by the chapters next to it.
    package let root: URL
    /// This chapter's folder inside it.
    package let folder: URL
    /// This run's budget, or `full`.
    package let budget: String

    package init(chapterPath: String, budget: String) {
        let chapter = URL(fileURLWithPath: chapterPath)
        root = chapter.deletingLastPathComponent().appendingPathComponent(SnapshotCache.folderName)
        folder = root.appendingPathComponent(chapter.lastPathComponent)
        self.budget = budget
    }

    package func url(cell: Int, hash: String) -> URL {
        folder.appendingPathComponent(fileName(cell: cell, hash: hash, budget: budget))
    }

    private func fileName(cell: Int, hash: String, budget: String) -> String {
        "cell-\(cell)-\(hash)-\(budget)\(SnapshotCache.fileExtension)"
    }

    /// The last cell whose snapshot, saved after the cells as they are now, exists.
    package func lastCachedCell(hashes: [String]) -> Int? {
        let names = Set(fileNames(in: folder))
        return hashes.indices.reversed().first { names.contains(fileName(cell: $0 + 1, hash: hashes[$0], budget: budget)) }
            .map { $0 + 1 }
    }

    /// The other budgets that have a snapshot for the cells as they are now: the reason a
    /// run that finds none of its own starts from the beginning.
    package func otherBudgets(hashes: [String]) -> [String] {
        let prefixes = hashes.enumerated().map { "cell-\($0.offset + 1)-\($0.element)-" }
        let budgets = fileNames(in: folder).compactMap { name -> String? in
            guard name.hasSuffix(SnapshotCache.fileExtension), let prefix = prefixes.first(where: name.hasPrefix) else { return nil }
            let budget = String(name.dropFirst(prefix.count).dropLast(SnapshotCache.fileExtension.count))
            return budget == self.budget ? nil : budget
        }
        return Set(budgets).sorted()
    }

    /// Writes a snapshot atomically, and removes the snapshots of the same cell and budget
    /// saved after other code, which can no longer be used.
    package func save(_ payload: [UInt8], key: SnapshotKey) throws {
        // A cache folder that a link sends elsewhere would have litrun write outside the
        // chapter's folder.
        let chapterFolder = root.deletingLastPathComponent().resolvingSymlinksInPath().path
        for url in [root, folder] where !url.resolvingSymlinksInPath().path.hasPrefix(chapterFolder.hasSuffix("/") ? chapterFolder : chapterFolder + "/") {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSLocalizedDescriptionKey: "\(SnapshotCache.folderName) leads out of the chapter's folder"])
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = fileName(cell: key.cell, hash: key.hash, budget: budget)
        try SnapshotFile.write(payload, key: key.text, to: folder.appendingPathComponent(name))
        let superseded = fileNames(in: folder).filter {
            $0 != name && $0.hasPrefix("cell-\(key.cell)-") && $0.hasSuffix("-\(budget)\(SnapshotCache.fileExtension)")
        }
        for old in superseded + abandonedTemporaries() { try? FileManager.default.removeItem(at: folder.appendingPathComponent(old)) }
    }

    /// Half-written snapshots (`.cell-3-....litsnap.<pid>-<n>.tmp`) of processes that are
    /// gone, as a SIGKILL during a save leaves them.
    private func abandonedTemporaries() -> [String] {
        fileNames(in: folder).filter { name in
            guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
            let parts = name.dropLast(4).split(separator: ".").last?.split(separator: "-")
            guard let pid = parts?.first.flatMap({ pid_t($0) }) else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
    }

    /// Deletes this chapter's snapshots, and the `.litrun-cache` folder once nothing is
    /// left in it; returns the bytes freed.
    package func clean() throws -> Int {
        let freed = snapshots().filter { $0.chapter == folder.lastPathComponent }.reduce(0) { $0 + $1.size }
        if FileManager.default.fileExists(atPath: folder.path) { try FileManager.default.removeItem(at: folder) }
        if fileNames(in: root).isEmpty { try? FileManager.default.removeItem(at: root) }
        return freed
    }

    /// The bytes every snapshot in the `.litrun-cache` folder takes.
    package func size() -> Int {
        snapshots().reduce(0) { $0 + $1.size }
    }

    /// Deletes the oldest snapshots in the `.litrun-cache` folder until they take at most
    /// `limit` bytes; the newest snapshot of each chapter always stays.
    package func evict(toFit limit: Int) {
        // Files saved within one clock tick are ordered by cell, later cells being newer.
        let all = snapshots().sorted { ($0.modified, $0.cell) < ($1.modified, $1.cell) }
        var total = all.reduce(0) { $0 + $1.size }
        guard total > limit else { return }
        let newest = Set(Dictionary(grouping: all, by: \.chapter).compactMap { $0.value.last?.url })
        for snapshot in all where total > limit && !newest.contains(snapshot.url) {
            if (try? FileManager.default.removeItem(at: snapshot.url)) != nil { total -= snapshot.size }
        }
    }

    private struct Snapshot {
        var url: URL
        var chapter: String
        var size: Int
        var modified: Date
        /// The cell number in the file's name (`cell-12-...`).
        var cell: Int { Int(url.lastPathComponent.split(separator: "-").dropFirst().first ?? "") ?? 0 }
    }

    /// Every snapshot file in the `.litrun-cache` folder, with its chapter, size and age.
    private func snapshots() -> [Snapshot] {
        fileNames(in: root).flatMap { chapter -> [Snapshot] in
            let chapterFolder = root.appendingPathComponent(chapter)
            return fileNames(in: chapterFolder).filter { $0.hasSuffix(SnapshotCache.fileExtension) }.compactMap { name in
                let url = chapterFolder.appendingPathComponent(name)
                guard let values = try? url.resourceValues(forKeys: [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]),
                      values.isRegularFile == true else { return nil }
                return Snapshot(url: url, chapter: chapter, size: values.fileSize ?? 0,
                                modified: values.contentModificationDate ?? .distantPast)
            }
        }
    }

    private func fileNames(in folder: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    }
}
