import LitDiagnostics
import Testing

/// "Did you mean": the closest name by edit distance, only when it is close enough.
@Suite struct SpellingSuggestionTests {
    @Test func typosFindTheIntendedName() {
        let names = ["net", "trainIter", "testIter", "learningRate", "parameters", "BatchNorm2d"]
        #expect(SpellingSuggestion.closest(to: "nett", among: names) == "net")
        #expect(SpellingSuggestion.closest(to: "trainiter", among: names) == "trainIter")
        #expect(SpellingSuggestion.closest(to: "learningRat", among: names) == "learningRate")
        #expect(SpellingSuggestion.closest(to: "paramters", among: names) == "parameters")
        // A swap of two neighbours is one edit.
        #expect(SpellingSuggestion.closest(to: "BatchNrom2d", among: names) == "BatchNorm2d")
    }

    @Test func farOrEqualNamesAreNotSuggested() {
        #expect(SpellingSuggestion.closest(to: "x", among: ["y", "net"]) == nil)
        #expect(SpellingSuggestion.closest(to: "x", among: ["X"]) == "X")
        #expect(SpellingSuggestion.closest(to: "optimizer", among: ["net", "trainIter"]) == nil)
        #expect(SpellingSuggestion.closest(to: "net", among: ["net"]) == nil)
        #expect(SpellingSuggestion.closest(to: "", among: ["a"]) == nil)
        // Ties go to the first name in order, so the message never depends on hashing.
        #expect(SpellingSuggestion.closest(to: "abcd", among: ["abcf", "abce", "bbcf"]) == "abce")
    }
}
