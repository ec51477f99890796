import Foundation

extension String {
    /// The byte offset of the `occurrence`-th match of `needle`, as `LanguageError.offset` counts.
    package func utf8Offset(of needle: String, occurrence: Int = 1) -> Int? {
        var searchStart = startIndex
        var found: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let range = self.range(of: needle, range: searchStart..<endIndex) else { return nil }
            found = range
            searchStart = range.upperBound
        }
        return found.map { utf8.distance(from: utf8.startIndex, to: $0.lowerBound) }
    }
}
