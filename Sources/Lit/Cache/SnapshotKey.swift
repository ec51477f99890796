import LitArchive

/// Everything that decides what a chapter's state is after one of its cells: the cells up
/// to it (their chained hash) and the run's settings. A snapshot is used only under the
/// same key, so a resumed run computes exactly what a run from the start computes.
package struct SnapshotKey: Equatable, Sendable {
    package var cell: Int
    /// The chained hash of the cells up to `cell`.
    package var hash: String
    package var seed: UInt64
    /// The budget's name, or `full`.
    package var budget: String
    /// The data files' identity (`CacheIdentity.data`).
    package var data: String
    /// litrun's version and build (`CacheIdentity.build`).
    package var build: String
    /// The parameter values other than the chapter's own, or `none`.
    package var params: String = "none"

    /// What tells apart the snapshots of runs under different settings in one cache
    /// folder: the budget, and a digest of the parameter values when there are some.
    package static func variant(budget: String?, params: String?) -> String {
        let base = budget ?? "full"
        guard let params else { return base }
        return base + "+p" + String(SnapshotFile.checksum(Array(params.utf8)[...]), radix: 16)
    }

    /// The key as the snapshot file stores it: `cell=3 hash=5f2a9c1e seed=0 ...`.
    package var text: String {
        fields.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }

    private var fields: [(name: String, value: String, meaning: String)] {
        [("cell", String(cell), "another cell"), ("hash", hash, "other code"), ("seed", String(seed), "another seed"),
         ("budget", budget, "another budget"), ("data", data, "other data files"), ("build", build, "another litrun build"),
         ("params", params, "other parameter values")]
    }

    /// Why a snapshot saved under `found` does not fit this key, in words: `it was saved
    /// with another seed (1, not 0)`.
    package func mismatch(found: String) -> String {
        var saved: [String: String] = [:]
        for word in found.split(separator: " ") {
            guard let equals = word.firstIndex(of: "=") else { continue }
            saved[String(word[..<equals])] = String(word[word.index(after: equals)...])
        }
        let differences = fields.filter { saved[$0.name] != $0.value }.map { field in
            "\(field.meaning) (\(saved[field.name] ?? "none"), not \(field.value))"
        }
        return differences.isEmpty ? "it was saved under another key" : "it was saved with " + differences.joined(separator: " and ")
    }
}
