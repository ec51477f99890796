/// The name someone most likely meant when they typed one that does not exist: the
/// closest candidate by edit distance (insertions, deletions, substitutions and swaps of
/// neighbours), if it is close enough to be a typo rather than another word.
public enum SpellingSuggestion {
    public static func closest<Names: Sequence<String>>(to name: String, among candidates: Names) -> String? {
        let typed = Array(name.lowercased().unicodeScalars)
        guard !typed.isEmpty else { return nil }
        // About one edit per three characters, as compilers allow: `nett` → `net`; names
        // of one or two letters only match by case (`x` → `X`, never `x` → `y`).
        let allowed = typed.count < 3 ? 0 : max(1, (typed.count + 1) / 3)
        var best: (distance: Int, name: String)?
        for candidate in Set(candidates) where candidate != name && !candidate.isEmpty {
            let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars), limit: allowed)
            guard distance <= allowed else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.name) { best = (distance, candidate) }
        }
        return best?.name
    }

    /// The optimal-string-alignment distance between `a` and `b`; anything above `limit`
    /// is reported as `limit + 1`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        guard abs(a.count - b.count) <= limit else { return limit + 1 }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...max(b.count, 1) where j <= b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return min(previous[b.count], limit + 1)
    }
}
