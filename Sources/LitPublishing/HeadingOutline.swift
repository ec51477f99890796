/// Gives the headings of a page's HTML their ids and collects the table of contents.
package struct HeadingOutline: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var level: Int
        package var id: String
        /// The heading's HTML without links, so that the contents can link it.
        package var html: String
        package var text: String
    }

    package private(set) var entries: [Entry] = []
    /// The HTML with `id` attributes on cmark's headings.
    package private(set) var html = ""

    /// Reads the headings cmark wrote (`<h2>...</h2>`, no attributes); headings written in
    /// raw HTML by the author keep their own attributes and are left out.
    package init(_ html: String) {
        var used: Set<String> = []
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<h") {
            result += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let level = after.first?.wholeNumberValue, (1...6).contains(level), after.dropFirst().first == ">",
                  let close = after.range(of: "</h\(level)>") else {
                result += "<h"
                rest = after
                continue
            }
            let inner = String(after[after.index(after.startIndex, offsetBy: 2)..<close.lowerBound])
            let text = HTMLText.plainText(inner)
            var id = Self.slug(text)
            if id.isEmpty { id = "section" }
            if used.contains(id) {
                var suffix = 1
                while used.contains("\(id)-\(suffix)") { suffix += 1 }
                id = "\(id)-\(suffix)"
            }
            used.insert(id)
            entries.append(Entry(level: level, id: id, html: Self.removingLinks(inner), text: text))
            result += "<h\(level) id=\"\(id)\">\(inner)</h\(level)>"
            rest = after[close.upperBound...]
        }
        self.html = result + rest
    }

    /// GitHub's style of heading anchor: lower case, letters and digits of any script,
    /// spaces and hyphens as hyphens, everything else dropped.
    package static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                slug.append(character)
            } else if character == " " || character == "-" {
                slug.append("-")
            }
        }
        return slug
    }

    private static func removingLinks(_ html: String) -> String {
        var result = ""
        var rest = html[...]
        while let open = rest.range(of: "<a ") ?? rest.range(of: "</a>") {
            result += rest[..<open.lowerBound]
            let tail = rest[open.lowerBound...]
            guard let end = tail.firstIndex(of: ">") else { break }
            rest = tail[tail.index(after: end)...]
        }
        return result + rest
    }
}
