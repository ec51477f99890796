import Foundation
import LitDiagnostics
import LitDocument
import LitPublishing

/// `litrun publish`: the chapters as a static site, from the outputs they hold. It runs no
/// cell, and warns about outputs that a run would change or that come from a budget run.
public enum PublishJob {
    public static func publish(
        _ paths: [String], to destination: String, title: String? = nil, strict: Bool = false,
        console: ChapterJob.Console = .standard
    ) -> ChapterJob.ExitStatus {
        let started = Date()
        var inputs: [SitePublisher.Input] = []
        var findings: [Diagnostic] = []
        for path in paths {
            switch ChapterJob.read(path, console: console) {
            case .success(let chapter):
                let stale = StalenessCheck.staleCells(in: chapter)
                findings += stale
                inputs.append(SitePublisher.Input(chapter: chapter, notices: notices(stale)))
            case .failure(let status):
                return status == .cellFailed ? .badInput : status
            }
        }
        let report: SitePublisher.Report
        do {
            report = try SitePublisher(destination: destination, title: title).publish(inputs)
        } catch {
            console.error(DiagnosticPrinter.render(error, showSource: false))
            return .badInput
        }
        findings += report.warnings
        for var finding in findings {
            finding.severity = strict ? .error : .warning
            console.error(DiagnosticPrinter.render(finding, showSource: false))
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        let warnings = findings.isEmpty ? "" : "; \(findings.count) \(strict ? "error" : "warning")\(findings.count == 1 ? "" : "s")"
        console.error("published \(inputs.count) chapter\(inputs.count == 1 ? "" : "s") to \(destination) in \(seconds) s: "
                      + "\(report.pages.count) pages, \(report.mathSpans) math spans, \(report.filesCopied) files copied\(warnings)")
        return strict && !findings.isEmpty ? .cellFailed : .success
    }

    /// The banner text above each stale output. Failed, not-run, interrupted and budget
    /// outputs carry banners of their own, from their markers.
    private static func notices(_ findings: [Diagnostic]) -> [Int: String] {
        var notices: [Int: String] = [:]
        for finding in findings {
            guard case .staleCell(let cell, let reason)? = finding.message as? RunnerError else { continue }
            switch reason {
            case .failed, .notRun, .interrupted, .budgetRun: continue
            case .changed, .earlierCellChanged, .parametrizedRun, .noRecordedRun, .new: notices[cell] = reason.description
            }
        }
        return notices
    }
}
