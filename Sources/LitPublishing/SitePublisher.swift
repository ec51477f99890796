import Foundation
import LitDiagnostics
import LitDocument

/// Writes a static site: a page per chapter, an index, the chapters' Markdown and images,
/// and KaTeX, so that the site works offline and from `file://`. It runs no cell.
package struct SitePublisher {
    /// A chapter to publish, with the warnings to show above its outputs by cell number.
    package struct Input: Sendable {
        package var chapter: Chapter
        package var notices: [Int: String]

        package init(chapter: Chapter, notices: [Int: String] = [:]) {
            self.chapter = chapter
            self.notices = notices
        }
    }

    package struct Report: Sendable {
        /// The pages written, index first, relative to the site.
        package var pages: [String] = []
        package var warnings: [Diagnostic] = []
        package var mathSpans = 0
        package var filesCopied = 0
    }

    /// Where Debian's libjs-katex puts KaTeX.
    package static let standardKaTeXFolder = "/usr/share/javascript/katex"
    package static let katexEnvironmentVariable = "LITRUN_KATEX_DIR"

    package var destination: String
    package var title: String?
    package var katexFolder: String

    package init(destination: String, title: String? = nil, katexFolder: String? = nil) {
        self.destination = destination
        self.title = title
        self.katexFolder = katexFolder ?? ProcessInfo.processInfo.environment[Self.katexEnvironmentVariable]
            ?? Self.standardKaTeXFolder
    }

    package func publish(_ inputs: [Input]) throws(Diagnostic) -> Report {
        var report = Report()
        let files = FileManager.default
        let katex = URL(fileURLWithPath: katexFolder)
        guard ["katex.min.js", "katex.min.css", "fonts"].allSatisfy({ files.fileExists(atPath: katex.appendingPathComponent($0).path) })
        else { throw Diagnostic(PublishError.katexMissing(folder: katexFolder), at: nil) }

        var names: [String: String] = [:]
        var pageOfChapter: [String: String] = [:]
        for input in inputs {
            let name = Self.pageName(input.chapter.path)
            if let first = names[name] {
                throw Diagnostic(PublishError.duplicatePageName(name, first: first), at: SourceLocation(file: input.chapter.path, line: 1, column: 1))
            }
            names[name] = input.chapter.path
            pageOfChapter[Self.absolute(input.chapter.path)] = name
        }

        let site = URL(fileURLWithPath: destination)
        var pages: [(file: String, page: ChapterPage, input: Input)] = []
        for input in inputs {
            let folder = Self.folder(of: input.chapter.path)
            let page = ChapterPage(input.chapter, name: Self.stem(input.chapter.path), notices: input.notices) { href in
                Self.chapterLink(href, from: folder, pages: pageOfChapter)
            }
            pages.append((Self.pageName(input.chapter.path), page, input))
            report.mathSpans += page.mathCount
        }

        try write(Array(SiteStyle.css.utf8), to: site.appendingPathComponent("\(SiteStyle.folder)/litrun.css"))
        try write(Array(SiteStyle.script.utf8), to: site.appendingPathComponent("\(SiteStyle.folder)/litrun.js"))
        report.filesCopied += try copyKaTeX(from: katex, to: site.appendingPathComponent("\(SiteStyle.folder)/katex"))

        let siteTitle = title ?? pages.first?.page.language.chapters ?? "Chapters"
        try write(Array(PageTemplate.index(pages.map { ($0.file, $0.page) }, siteTitle: siteTitle,
                                           language: pages.first?.page.language ?? .english).utf8),
                  to: site.appendingPathComponent("index.html"))
        report.pages.append("index.html")
        for (index, entry) in pages.enumerated() {
            let chapter = entry.input.chapter
            let source = Self.stem(chapter.path) + ".md"
            let previous = index > 0 ? PageTemplate.Neighbour(file: pages[index - 1].file, title: pages[index - 1].page.title) : nil
            let next = index + 1 < pages.count ? PageTemplate.Neighbour(file: pages[index + 1].file, title: pages[index + 1].page.title) : nil
            let html = PageTemplate.chapter(entry.page, siteTitle: siteTitle, source: source, previous: previous, next: next)
            try write(Array(html.utf8), to: site.appendingPathComponent(entry.file))
            try write(chapter.bytes, to: site.appendingPathComponent(source))
            report.pages.append(entry.file)
            for url in entry.page.remoteResources {
                report.warnings.append(warning(.remoteResource(url), in: chapter, mentioning: url))
            }
            for resource in Set(entry.page.localResources).sorted() {
                switch copyResource(resource, of: chapter, into: site) {
                case .copied: report.filesCopied += 1
                case .failed(let problem): report.warnings.append(warning(problem, in: chapter, mentioning: resource))
                }
            }
        }
        return report
    }

    private enum CopyResult {
        case copied
        case failed(PublishError)
    }

    /// Copies an image the page loads to the same place relative to the page, refusing
    /// anything that leaves the chapter's folder, links included.
    private func copyResource(_ resource: String, of chapter: Chapter, into site: URL) -> CopyResult {
        let folder = URL(fileURLWithPath: Self.folder(of: chapter.path)).standardizedFileURL.resolvingSymlinksInPath()
        let components = resource.split(separator: "/", omittingEmptySubsequences: true)
        guard !resource.hasPrefix("/"), !components.contains(".."), !components.isEmpty else {
            return .failed(.resourceOutsideChapter(resource))
        }
        let source = folder.appendingPathComponent(resource).standardizedFileURL
        guard FileManager.default.fileExists(atPath: source.path) else { return .failed(.resourceMissing(resource)) }
        let real = source.resolvingSymlinksInPath().path
        guard real.hasPrefix(folder.path + "/") else { return .failed(.resourceOutsideChapter(resource)) }
        guard let data = FileManager.default.contents(atPath: real) else { return .failed(.resourceMissing(resource)) }
        do {
            try write(Array(data), to: site.appendingPathComponent(resource))
        } catch {
            return .failed(.cannotWrite(path: site.appendingPathComponent(resource).path, reason: "\(error.message)"))
        }
        return .copied
    }

    private func copyKaTeX(from katex: URL, to target: URL) throws(Diagnostic) -> Int {
        let fonts = katex.appendingPathComponent("fonts").resolvingSymlinksInPath()
        let fontFiles = (try? FileManager.default.contentsOfDirectory(atPath: fonts.path)) ?? []
        let files = ["katex.min.js", "katex.min.css"].map { (katex.appendingPathComponent($0), $0) }
            + fontFiles.sorted().map { (fonts.appendingPathComponent($0), "fonts/" + $0) }
        for (source, file) in files {
            guard let data = FileManager.default.contents(atPath: source.path) else {
                throw Diagnostic(PublishError.katexMissing(folder: katexFolder), at: nil)
            }
            try write(Array(data), to: target.appendingPathComponent(file))
        }
        return files.count
    }

    private func write(_ bytes: [UInt8], to url: URL) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(PublishError.cannotWrite(path: url.deletingLastPathComponent().path, reason: error.localizedDescription), at: nil)
        }
        try AtomicFile.write(bytes, to: url.path)
    }

    /// A warning at the first chapter line that mentions `text`, else at the top.
    private func warning(_ problem: PublishError, in chapter: Chapter, mentioning text: String) -> Diagnostic {
        let line = (1...max(1, chapter.lines.count)).first { chapter.line($0).contains(text) } ?? 1
        return Diagnostic(problem, at: SourceLocation(file: chapter.path, line: line, column: 1), severity: .warning)
    }

    /// `x.html` for a relative link to a published chapter `x.md`, keeping its fragment.
    private static func chapterLink(_ href: String, from folder: String, pages: [String: String]) -> String? {
        guard !href.hasPrefix("#"), !href.hasPrefix("/"), !HTMLAttribute.hasScheme(href) else { return nil }
        let fragmentStart = href.firstIndex(of: "#") ?? href.endIndex
        let path = HTMLText.percentDecoded(String(href[..<fragmentStart]))
        guard path.hasSuffix(".md"), let page = pages[absolute(folder + "/" + path)] else { return nil }
        return page + href[fragmentStart...]
    }

    static func pageName(_ path: String) -> String { stem(path) + ".html" }

    static func stem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".md") ? String(file.dropLast(3)) : file
    }

    static func folder(of path: String) -> String {
        let url = URL(fileURLWithPath: path).deletingLastPathComponent()
        return url.path
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
