import LitDocument

/// One chapter as a web page's article: the prose through cmark, the cells highlighted, the
/// outputs styled apart, the math ready for KaTeX, and what the page links and loads.
package struct ChapterPage: Sendable {
    /// The text of the first level-1 heading, else the file's name.
    package var title: String
    package var language: PageLanguage
    /// The article's HTML.
    package var body: String
    package var outline: [HeadingOutline.Entry]
    /// The first paragraph's HTML, for the index.
    package var summary: String
    package var mathCount: Int
    /// Files the page loads by relative URL (images), percent-decoded, relative to the chapter.
    package var localResources: [String]
    /// URLs with a scheme that the page would load; a site must not have any.
    package var remoteResources: [String]

    /// Renders `chapter`. `notices` holds a warning to show above a cell's output (why it
    /// is stale); `link` gives the page a relative link should point to instead (a chapter
    /// `x.md` becomes `x.html`), or nil to keep it.
    package init(_ chapter: Chapter, name: String, notices: [Int: String] = [:], link: (String) -> String? = { _ in nil }) {
        let language = PageLanguage(of: String(decoding: chapter.bytes, as: UTF8.self))
        self.language = language
        let expectedErrors = Set(chapter.cells.filter { $0.flags.contains(.expectError) }.map(\.number))
        let prepared = PageMarkdown(
            chapter,
            cellHTML: { Self.cellHTML($0, language: language) },
            outputHTML: { block in
                Self.outputHTML(block, expectedError: expectedErrors.contains(block.marker.cell),
                                notice: notices[block.marker.cell], language: language)
            },
            inline: Self.inlineHTML)
        var html = prepared.html(CommonMarkReader.html(prepared.markdown))
        mathCount = prepared.math.spans.count
        var local: [String] = []
        var remote: [String] = []
        html = HTMLAttribute.rewrite(html, named: "src") { value in
            let url = value.replacingEntities()
            if HTMLAttribute.hasScheme(url) || url.hasPrefix("//") {
                if !url.hasPrefix("data:") { remote.append(url) }
            } else if !url.isEmpty, !url.hasPrefix("#") {
                local.append(HTMLText.percentDecoded(String(url.prefix { $0 != "?" && $0 != "#" })))
            }
            return nil
        }
        html = HTMLAttribute.rewrite(html, named: "href") { link($0.replacingEntities()).map(HTMLText.escape) }
        let outline = HeadingOutline(html)
        self.body = outline.html
        self.outline = outline.entries
        self.title = outline.entries.first { $0.level == 1 }?.text ?? name
        self.summary = Self.firstParagraph(outline.html)
        self.localResources = local
        self.remoteResources = remote
    }

    private static func cellHTML(_ cell: Cell, language: PageLanguage) -> String {
        var label = "\(language.cell) \(cell.number)"
        let flags = cell.info.split(separator: " ").dropFirst().joined(separator: " ")
        if !flags.isEmpty { label += " · " + HTMLText.escape(flags) }
        var code = cell.code
        if code.hasSuffix("\n") { code.removeLast() }
        return "<div class=\"cell\" id=\"cell-\(cell.number)\"><div class=\"cell-label\">\(label)</div>"
            + "<pre class=\"swift\"><code>\(CellHighlighter.html(code))</code></pre></div>"
    }

    /// The opening of an output block. An `expect-error` cell's error is styled as an error
    /// but, being what the author wanted, gets no banner.
    private static func outputHTML(_ block: OutputBlock, expectedError: Bool, notice: String?, language: PageLanguage) -> String {
        let marker = block.marker
        var classes = ["output"]
        if marker.status != .ok { classes.append(marker.status.rawValue) } else if expectedError { classes.append("error") }
        if marker.budget != nil { classes.append("budget") }
        var html = "<div class=\"\(classes.joined(separator: " "))\" id=\"output-\(marker.cell)\">"
        var banners: [String] = []
        if let budget = marker.budget { banners.append(language.budgetBanner(budget)) }
        if let status = language.statusBanner(marker.status.rawValue) { banners.append(status) }
        if let notice { banners.append(language.staleBanner(notice)) }
        for banner in banners { html += "<p class=\"banner\">\(HTMLText.escape(banner))</p>" }
        return html
    }

    /// A table cell's Markdown as inline HTML.
    private static func inlineHTML(_ text: String) -> String {
        var html = CommonMarkReader.html(escapingBlockStart(text))
        if html.hasSuffix("\n") { html.removeLast() }
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    /// A table cell holds inline content only: a cell that would open a block on its own
    /// (`# x`, `> x`, `- x`, `1. x`, `---`, a fence) gets that character escaped.
    package static func escapingBlockStart(_ text: String) -> String {
        let characters = Array(text)
        guard let first = characters.first else { return text }
        func spaceOrEnd(_ index: Int) -> Bool { index >= characters.count || characters[index] == " " || characters[index] == "\t" }
        let hashes = characters.prefix { $0 == "#" }.count
        let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
        let marks = characters.filter { $0 != " " && $0 != "\t" }
        let isBreak = marks.count >= 3 && "-*_".contains(first) && marks.allSatisfy { $0 == first }
        if first == ">" || (hashes >= 1 && hashes <= 6 && spaceOrEnd(hashes)) || ("-+*".contains(first) && spaceOrEnd(1))
            || isBreak || text.hasPrefix("```") || text.hasPrefix("~~~") {
            return "\\" + text
        }
        if digits >= 1 && digits <= 9 && digits < characters.count && ".)".contains(characters[digits]) && spaceOrEnd(digits + 1) {
            return String(characters[..<digits]) + "\\" + String(characters[digits...])
        }
        return text
    }

    private static func firstParagraph(_ html: String) -> String {
        var rest = html[...]
        while let open = rest.range(of: "<p>"), let close = rest[open.upperBound...].range(of: "</p>") {
            let inner = String(rest[open.upperBound..<close.lowerBound])
            if !HTMLText.plainText(inner).allSatisfy(\.isWhitespace) { return inner }
            rest = rest[close.upperBound...]
        }
        return ""
    }
}
