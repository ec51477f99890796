import LitPublishing
import Testing

/// The dollar rules by hand-worked cases: what is math, and what stays text.
@Suite struct MathProtectorTests {
    /// The spans found in `text`, as (TeX, display).
    static func spans(_ text: String) -> [MathSpan] {
        var protector = MathProtector(avoiding: text)
        _ = protector.protect(text)
        return protector.spans
    }

    @Test(arguments: [
        ("$a_1$", [MathSpan(tex: "a_1", display: false)]),
        ("$$ x \\\\ y $$", [MathSpan(tex: " x \\\\ y ", display: true)]),
        ("costs $5 and $6", []),
        ("$ a$ and $a $", []),
        ("an escaped \\$ and \\$x$", []),
        ("`$x$` and ``a`$`b``", []),
        ("$a$ then `code $` then $b$", [MathSpan(tex: "a", display: false), MathSpan(tex: "b", display: false)]),
        ("$a\nb$", [MathSpan(tex: "a\nb", display: false)]),
        ("$a\n\nb$", []),
        ("$$\n$$ and $$", [MathSpan(tex: " and ", display: true)]),
        ("<a href=\"$x$\">$y$</a>", [MathSpan(tex: "y", display: false)]),
        ("$\\$$", [MathSpan(tex: "\\$", display: false)]),
        ("$x$5", []),
    ])
    func spansFollowTheDollarRules(_ text: String, _ expected: [MathSpan]) {
        #expect(Self.spans(text) == expected)
    }

    @Test func placeholdersRoundTripThroughHTML() {
        var protector = MathProtector(avoiding: "")
        let protected = protector.protect("a $x<y$ b $$z$$")
        #expect(!protected.contains("$"))
        #expect(protector.restore("<p>\(protected)</p>")
            == "<p>a <span class=\"math inline\">x&lt;y</span> b <span class=\"math display\">z</span></p>")
    }

    @Test func placeholdersNeverClashWithTheChapter() {
        var protector = MathProtector(avoiding: "LITRUNMATH0E is a word here")
        let protected = protector.protect("LITRUNMATH0E and $x$")
        #expect(protector.restore(protected) == "LITRUNMATH0E and <span class=\"math inline\">x</span>")
    }
}
