import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoReview

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two reports of one agency: every table cell with its change, each part's prose diffed sentence by sentence, 文字重复率 per part and overall, 表格重复率, and the across-years findings.",
        discussion: "Writes DIR/comparison.json, DIR/comparison.docx (a comparison report for Word/LibreOffice) and/or DIR/comparison.html. Exit status: 0 written, 1 some error-level finding, 2 usage or output problem, 3 an input could not be read.")

    @Argument(help: "The older report (any input format, or nianbao JSON).")
    var old: String

    @Argument(help: "The newer report.")
    var new: String

    @Option(name: .long, help: "Output folder (default: compare).")
    var out: String = "compare"

    @Option(name: .long, help: "Comma-separated formats: json, docx, html (default: json,html).")
    var to: String = "json,html"

    func run() throws {
        var formats: [CompareJob.Format] = []
        for name in to.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let format = CompareJob.Format(rawValue: name) else {
                Terminal.error("nianbao: --to \(name) is not one of json, docx, html")
                throw ExitCode(2)
            }
            formats.append(format)
        }
        let comparison: Comparison
        do {
            comparison = try CompareJob.compare(old: URL(fileURLWithPath: old), new: URL(fileURLWithPath: new))
        } catch let error as ConversionError {
            Terminal.error("nianbao: \(error.file): \(error.message)")
            throw ExitCode(3)
        }
        do {
            let written = try CompareJob.write(comparison, formats: formats, to: URL(fileURLWithPath: out))
            print("wrote " + written.map(\.path).joined(separator: ", "))
        } catch {
            Terminal.error("nianbao: \(error)")
            throw ExitCode(2)
        }
        if comparison.findings.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
