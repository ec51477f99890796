/// A `$...$` or `$$...$$` span taken out of the prose before cmark sees it, so that
/// underscores, backslashes and asterisks in TeX never become emphasis or escapes.
package struct MathSpan: Sendable, Equatable {
    /// The TeX between the dollars, exactly as written.
    package var tex: String
    /// `$$...$$`: typeset on a line of its own.
    package var display: Bool

    package init(tex: String, display: Bool) {
        self.tex = tex
        self.display = display
    }

    /// The span as the page holds it until KaTeX typesets it in the browser; without
    /// JavaScript the reader still sees the TeX.
    package var html: String {
        display
            ? "<span class=\"math display\">\(HTMLText.escape(tex))</span>"
            : "<span class=\"math inline\">\(HTMLText.escape(tex))</span>"
    }
}
