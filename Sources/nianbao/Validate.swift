import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoModel
import NianbaoWriters

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports against the 勾稽关系 and list missing values; exit 1 when any rule breaks, 3 when an input cannot be checked.",
        discussion: "JSON inputs are first checked against the schema `nianbao schema` prints. Exit status: 0 all clean, 1 some report breaks a rule, 2 usage problem, 3 some input could not be read or is not a valid report (takes precedence over 1).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Reports: .txt (.md), .docx (.docm, .dotx), .html, .pdf, .doc, .wps, .rtf, .odt (through LibreOffice) or nianbao .json files; folders are searched recursively; '-' reads paths from standard input.")
    var paths: [String]

    @Option(name: .long, help: "Output: text (for people) or json (for machines).")
    var format: Format = .text

    @Option(name: .long, help: "Parallel jobs (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    /// Diagnostic codes that are rule breaks (the 勾稽关系 and value rules).
    static var ruleCodes: Set<String> { ReportCheck.ruleCodes }

    @Flag(name: .long, help: "Search hidden files and folders (names starting with '.') too; they are skipped by default.")
    var includeHidden = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        let collection = InputCollector.gather(paths, extensions: InputCollector.folderExtensions.union(["json"]), includeHidden: includeHidden)
        let items = collection.items, problems = collection.problems
        if collection.hiddenSkipped > 0 {
            Terminal.error("nianbao: skipped \(collection.hiddenSkipped) hidden file(s) or folder(s) (names starting with '.'); --include-hidden checks them")
        }
        for problem in problems { Terminal.error("nianbao: \(problem.path): \(problem.message)") }
        guard !items.isEmpty else {
            if problems.isEmpty {
                Terminal.error("nianbao: no reports found in \(paths.joined(separator: " "))")
                throw ExitCode(2)
            }
            throw ExitCode(Self.unreadableExitStatus)
        }
        var checked = 0, clean = 0, withBreaks = 0, failed = problems.count
        var byRule: [String: Int] = [:]
        var jsonReports: [JSONValue] = []
        _ = BatchConverter(jobs: jobs).run(items, work: { _, _ in }, ordered: { outcome in
            switch outcome.result {
            case .failure(let error):
                failed += 1
                Terminal.error("nianbao: \(error.file): \(error.message)")
                if format == .json {
                    jsonReports.append(ReportCheck.failureEntry(file: error.file, message: error.message))
                }
            case .success(var report):
                report.diagnostics += Self.unlistedNullCells(report)
                checked += 1
                let breaks = report.diagnostics.filter { Self.ruleCodes.contains($0.code) }
                let missing = report.diagnostics.filter { $0.severity != .info && !Self.ruleCodes.contains($0.code) }
                for diagnostic in breaks { byRule[diagnostic.code, default: 0] += 1 }
                if breaks.isEmpty { clean += 1 } else { withBreaks += 1 }
                switch format {
                case .text: printReport(report, file: outcome.item.url.path, breaks: breaks, other: missing)
                case .json:
                    jsonReports.append(ReportCheck.entry(report, file: outcome.item.url.path))
                }
            }
        })
        switch format {
        case .json:
            let summary = ReportCheck.summary(checked: checked, clean: clean, withBreaks: withBreaks, failed: failed, byRule: byRule)
            print(JSONValue.object([("reports", .array(jsonReports)), ("summary", summary)]).serialized())
        case .text:
            print("")
            print("reports checked \(checked), clean \(clean), with breaks \(withBreaks)" + (failed > 0 ? ", unreadable \(failed)" : ""))
            for (code, count) in byRule.sorted(by: { $0.key < $1.key }) {
                print("  \(code.padding(toLength: 26, withPad: " ", startingAt: 0)) \(count)  \(Self.ruleTitle[code] ?? "")")
            }
        }
        if failed > 0 { throw ExitCode(Self.unreadableExitStatus) }
        if withBreaks > 0 { throw ExitCode(1) }
    }

    /// The exit status when some input could not be checked (missing, unreadable, not a report,
    /// JSON that does not match the schema); rule breaks alone exit 1.
    static let unreadableExitStatus: Int32 = 3

    /// A `value.missing` warning for each `null` cell that no diagnostic names yet.
    static func unlistedNullCells(_ report: Report) -> [Diagnostic] { ReportCheck.unlistedNullCells(report) }

    static let ruleTitle: [String: String] = [
        "requests.balance": "一+二 = 三(七)+四 (per column)",
        "requests.row_total": "总计 = 自然人 + 法人或其他组织 (per row)",
        "requests.results_total": "三(七)总计 = sum of the result rows (per column)",
        "review_litigation.total": "总计 = 维持+纠正+其他+尚未审结 (per group)",
        "value.invalid": "whole, non-negative values",
    ]

    private static let partNames: [String: String] = [
        "requests": "三、申请情况", "review_litigation": "四、复议诉讼", "active_disclosure": "二、主动公开",
        "sections": "正文", "title": "标题", "agency": "机关", "year": "年度", "published": "日期", "template": "模板",
    ]

    private func printReport(_ report: Report, file: String, breaks: [Diagnostic], other: [Diagnostic]) {
        let who = [report.agency, report.year.map { "\($0)年" }].compactMap { $0 }.joined(separator: " ")
        print("\(file)  \(who)  (template \(report.template.rawValue))")
        if breaks.isEmpty && other.isEmpty { print("  ✓ clean") }
        for diagnostic in breaks + other {
            let mark = diagnostic.severity == .error ? "✗" : "!"
            let part = diagnostic.path.flatMap { Self.partNames[String($0.split(separator: ".").first ?? "")] } ?? ""
            var line = "  \(mark) \(part.isEmpty ? "" : part + " ")\(diagnostic.message)"
            let whereAbouts = [diagnostic.path, diagnostic.location?.description].compactMap { $0 }.joined(separator: ", ")
            if !whereAbouts.isEmpty { line += "   [\(whereAbouts)]" }
            print(line)
        }
    }
}
