import LitDiagnostics

/// What `litrun publish` finds wrong with the chapters or the site.
public enum PublishError: ErrorMessage, Equatable {
    case katexMissing(folder: String)
    case duplicatePageName(String, first: String)
    case resourceOutsideChapter(String)
    case resourceMissing(String)
    case remoteResource(String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .katexMissing(let folder):
            "KaTeX is not in \(folder); install Debian's libjs-katex and fonts-katex, "
                + "or set LITRUN_KATEX_DIR to a folder holding katex.min.js, katex.min.css and fonts/"
        case .duplicatePageName(let name, let first):
            "two chapters would both be published as '\(name)'; the other is \(first)"
        case .resourceOutsideChapter(let path):
            "'\(path)' is outside the chapter's folder, so it is not copied into the site"
        case .resourceMissing(let path): "'\(path)' does not exist, so the page shows a broken image"
        case .remoteResource(let url): "the page would load '\(url)' from the network; the site is meant to work offline"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}
