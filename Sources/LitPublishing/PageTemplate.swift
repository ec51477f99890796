/// The HTML around a chapter's article, and the index page.
package enum PageTemplate {
    /// A neighbouring page in reading order.
    package struct Neighbour: Sendable {
        package var file: String
        package var title: String
    }

    package static func chapter(
        _ page: ChapterPage, siteTitle: String, source: String, previous: Neighbour?, next: Neighbour?
    ) -> String {
        let language = page.language
        var contents = ""
        let entries = page.outline.filter { $0.level == 2 || $0.level == 3 }
        if !entries.isEmpty {
            contents = "<nav class=\"toc\" aria-label=\"\(language.contents)\"><h2>\(language.contents)</h2><ul>\n"
            for entry in entries {
                contents += "<li class=\"level-\(entry.level)\"><a href=\"#\(entry.id)\">\(entry.html)</a></li>\n"
            }
            contents += "</ul></nav>\n"
        }
        return head(title: "\(page.title) · \(siteTitle)", language: language)
            + "<header class=\"site\"><a href=\"index.html\">\(HTMLText.escape(siteTitle))</a>"
            + pager(previous: previous, next: next, language: language) + "</header>\n"
            + "<div class=\"layout\">\n<main>\n<article>\n\(afterTitle(contents, in: page.body))</article>\n"
            + "<footer>\(pager(previous: previous, next: next, language: language))"
            + "<p class=\"source\"><a href=\"\(HTMLText.escape(source))\">\(language.source)</a></p></footer>\n"
            + "</main>\n</div>\n</body>\n</html>\n"
    }

    /// The contents go just below the title, where a phone reader meets them; wide
    /// screens pin them beside the article.
    private static func afterTitle(_ contents: String, in body: String) -> String {
        guard let title = body.range(of: "</h1>\n") else { return contents + body }
        return String(body[..<title.upperBound]) + contents + String(body[title.upperBound...])
    }

    package static func index(_ pages: [(file: String, page: ChapterPage)], siteTitle: String, language: PageLanguage) -> String {
        var list = "<ol class=\"chapters\">\n"
        for (file, page) in pages {
            list += "<li><a href=\"\(HTMLText.escape(file))\">\(HTMLText.escape(page.title))</a>"
            if !page.summary.isEmpty { list += "<p>\(page.summary)</p>" }
            list += "</li>\n"
        }
        list += "</ol>\n"
        return head(title: siteTitle, language: language)
            + "<div class=\"layout index\">\n<main>\n<h1>\(HTMLText.escape(siteTitle))</h1>\n\(list)</main>\n</div>\n</body>\n</html>\n"
    }

    private static func head(title: String, language: PageLanguage) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <link rel="stylesheet" href="\(SiteStyle.folder)/katex/katex.min.css">
        <link rel="stylesheet" href="\(SiteStyle.folder)/litrun.css">
        <script defer src="\(SiteStyle.folder)/katex/katex.min.js"></script>
        <script defer src="\(SiteStyle.folder)/litrun.js"></script>
        </head>
        <body>

        """
    }

    private static func pager(previous: Neighbour?, next: Neighbour?, language: PageLanguage) -> String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\">"
        if let previous {
            html += "<a rel=\"prev\" href=\"\(HTMLText.escape(previous.file))\">← \(language.previous): \(HTMLText.escape(previous.title))</a>"
        }
        if let next {
            html += "<a rel=\"next\" href=\"\(HTMLText.escape(next.file))\">\(language.next): \(HTMLText.escape(next.title)) →</a>"
        }
        return html + "</nav>"
    }
}
