import Foundation
import LitDiagnostics
import LitDocument
import LitPublishing
import LitTestSupport
import Testing

/// Publishing into a folder: pages, links, copied images and KaTeX, and the refusals.
@Suite struct SitePublisherTests {
    static let svg = #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#

    struct Scratch {
        let directory: URL
        var site: URL { directory.appendingPathComponent("site") }

        init() throws { directory = try TestPaths.temporaryDirectory() }

        func write(_ text: String, to name: String) throws {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func chapter(_ name: String) throws -> Chapter { try Chapter.read(path: directory.appendingPathComponent(name).path) }
        func site(_ name: String) -> String? { try? String(contentsOf: site.appendingPathComponent(name), encoding: .utf8) }
        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    static let first = """
        # First chapter

        It links to [the second](second.md#part-two) and [elsewhere](https://example.org/x.md).

        ![a figure](first.assets/figure.svg)
        ![outside](../outside.svg)
        ![missing](first.assets/missing.svg)
        ![remote](https://example.org/remote.png)
        ![linked](first.assets/link.svg)

        """
    static let second = "# Second chapter\n\nThe $x^2$ second.\n\n## Part two\n"

    @Test func writesPagesIndexSourcesImagesAndKaTeX() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // The chapters live in book/; outside.svg sits beside that folder.
        try scratch.write(Self.first, to: "book/first.md")
        try scratch.write(Self.second, to: "book/second.md")
        try scratch.write(Self.svg, to: "book/first.assets/figure.svg")
        try scratch.write(Self.svg, to: "outside.svg")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.directory.appendingPathComponent("book/first.assets/link.svg").path,
            withDestinationPath: scratch.directory.appendingPathComponent("outside.svg").path)

        let report = try SitePublisher(destination: scratch.site.path)
            .publish([.init(chapter: try scratch.chapter("book/first.md")), .init(chapter: try scratch.chapter("book/second.md"))])

        #expect(report.pages == ["index.html", "first.html", "second.html"])
        #expect(report.mathSpans == 1)
        let first = try #require(scratch.site("first.html"))
        #expect(first.contains(#"<a href="second.html#part-two">the second</a>"#))
        #expect(first.contains(#"<a href="https://example.org/x.md">"#))
        #expect(first.contains(#"<a rel="next" href="second.html">Next: Second chapter →</a>"#))
        #expect(first.contains(#"<a href="first.md">Markdown source</a>"#))
        #expect(scratch.site("second.html")?.contains(#"<a rel="prev" href="first.html">← Previous: First chapter</a>"#) == true)
        #expect(scratch.site("first.md") == Self.first)
        #expect(scratch.site("first.assets/figure.svg") == Self.svg)
        #expect(scratch.site("first.assets/link.svg") == nil)
        #expect(scratch.site("outside.svg") == nil)
        #expect(scratch.site("_static/katex/katex.min.js") != nil)
        #expect(scratch.site("_static/litrun.css") != nil)
        let fonts = try FileManager.default.contentsOfDirectory(atPath: scratch.site.appendingPathComponent("_static/katex/fonts").path)
        #expect(fonts.contains("KaTeX_Main-Regular.woff2"))
        let index = try #require(scratch.site("index.html"))
        #expect(index.contains(#"<li><a href="first.html">First chapter</a>"#))
        #expect(index.contains(#"<p>The <span class="math inline">x^2</span> second.</p>"#))

        let path = scratch.directory.appendingPathComponent("book/first.md").path
        let warnings = report.warnings.map { DiagnosticPrinter.render($0, showSource: false) }
        #expect(warnings == [
            "\(path):8:1: warning: the page would load 'https://example.org/remote.png' from the network; the site is meant to work offline",
            "\(path):6:1: warning: '../outside.svg' is outside the chapter's folder, so it is not copied into the site",
            "\(path):9:1: warning: 'first.assets/link.svg' is outside the chapter's folder, so it is not copied into the site",
            "\(path):7:1: warning: 'first.assets/missing.svg' does not exist, so the page shows a broken image",
        ])
    }

    @Test func twoChaptersWithOneNameAreRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(Self.second, to: "a/notes.md")
        try scratch.write(Self.second, to: "b/notes.md")
        #expect(throws: Diagnostic.self) {
            try SitePublisher(destination: scratch.site.path)
                .publish([.init(chapter: try scratch.chapter("a/notes.md")), .init(chapter: try scratch.chapter("b/notes.md"))])
        }
        #expect(scratch.site("notes.html") == nil)
    }

    @Test func aMissingKaTeXIsAClearError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(Self.second, to: "second.md")
        let publisher = SitePublisher(destination: scratch.site.path, katexFolder: scratch.directory.appendingPathComponent("none").path)
        do {
            _ = try publisher.publish([.init(chapter: try scratch.chapter("second.md"))])
            Issue.record("publishing without KaTeX succeeded")
        } catch let error as Diagnostic {
            #expect(error.message.description.hasPrefix("KaTeX is not in \(scratch.directory.path)/none; install Debian's libjs-katex"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
