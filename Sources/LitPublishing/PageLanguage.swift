/// The language of a page's own words (contents, previous, next), taken from its prose.
package enum PageLanguage: String, Sendable {
    case english = "en"
    case chinese = "zh-CN"

    /// Chinese when the text holds CJK ideographs, else English.
    package init(of text: String) {
        let cjk = text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
        self = cjk ? .chinese : .english
    }

    package var contents: String { self == .chinese ? "目录" : "Contents" }
    package var previous: String { self == .chinese ? "上一章" : "Previous" }
    package var next: String { self == .chinese ? "下一章" : "Next" }
    package var source: String { self == .chinese ? "Markdown 源文件" : "Markdown source" }
    package var chapters: String { self == .chinese ? "章节" : "Chapters" }
    package var cell: String { self == .chinese ? "单元" : "cell" }
    package var output: String { self == .chinese ? "输出" : "output" }

    package func budgetBanner(_ budget: String) -> String {
        self == .chinese
            ? "预算运行（\(budget)）：只用了部分数据和较少的轮次，这不是完整运行的结果。"
            : "Budget run (\(budget)): a sample of the data and fewer epochs, not the full run's results."
    }

    package func statusBanner(_ status: String) -> String? {
        switch status {
        case "error": self == .chinese ? "这个单元在上次运行中出错。" : "This cell failed in the last run."
        case "not-run": self == .chinese ? "这个单元在上次运行中没有运行；下面是更早的输出。" : "This cell did not run in the last run; the output below is older."
        case "interrupted": self == .chinese ? "这个单元在上次运行中被中断。" : "This cell was interrupted in the last run."
        default: nil
        }
    }

    package func staleBanner(_ reason: String) -> String {
        self == .chinese ? "输出已过期：\(reason)" : "Stale output: \(reason)"
    }
}
