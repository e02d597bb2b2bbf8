import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoModel
import NianbaoWriters

/// Output formats of `convert`.
/// `--to` values: the job's formats, parsed by ArgumentParser.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, csv, docx

    var jobFormat: ConvertJob.Format {
        switch self {
        case .json: .json
        case .jsonl: .jsonl
        case .csv: .csv
        case .docx: .docx
        }
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert reports (.txt, .docx, .html; folders searched recursively; '-' reads a list of paths from standard input).")

    @Argument(help: "Files, folders, or '-' for a list of paths on standard input.")
    var paths: [String]

    @Option(name: .long, help: "Output format: json (one file per report), jsonl, csv (reports.csv + values.csv), docx.")
    var to: OutputFormat = .json

    @Option(name: .long, help: "Output folder. Without it, a single input's JSON goes to standard output.")
    var out: String?

    @Option(name: .long, help: "Parallel jobs (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Skip inputs whose output exists and is newer than the input (json, docx).")
    var resume = false

    @Flag(name: .long, help: "Start CSV files with a UTF-8 byte-order mark, so Excel opens Chinese text correctly.")
    var bom = false

    @Flag(name: .long, help: "Do not print the summary line.")
    var quiet = false

    func run() throws {
        let listed = paths.contains("-") ? InputCollector.readLines() : []
        let (items, problems) = InputCollector.collect(paths, standardInput: { listed })
        if items.isEmpty && problems.isEmpty {
            Terminal.error("nianbao: no .txt, .docx or .html inputs found in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        guard let out else {
            for problem in problems { Terminal.error("nianbao: \(problem.path): \(problem.message)") }
            try convertToStandardOutput(items, problems: problems)
            return
        }
        let job = ConvertJob(paths: paths, format: to.jobFormat, folder: URL(fileURLWithPath: out), jobs: jobs, resume: resume, byteOrderMark: bom)
        var bar = Terminal.Progress(total: items.count)
        let outcome: ConvertJob.Outcome
        do {
            outcome = try job.run(items: items, problems: problems, progress: { done, _, failed in bar.update(done: done, failed: failed) },
                                  failed: { Terminal.error("nianbao: \($0.file): \($0.message)") })
        } catch {
            Terminal.error("nianbao: \(error)")
            throw ExitCode(2)
        }
        if !quiet {
            let summary = outcome.summary
            let skipped = summary.skipped > 0 ? ", skipped \(summary.skipped) (up to date)" : ""
            print("converted \(summary.converted), failed \(summary.failed), warnings \(summary.warnings)\(skipped)")
        }
        if !outcome.failures.isEmpty { throw ExitCode(1) }
    }

    private func convertToStandardOutput(_ items: [InputItem], problems: [InputCollector.Problem]) throws {
        guard items.count == 1, problems.isEmpty, let item = items.first else {
            Terminal.error("nianbao: several inputs need --out DIR")
            throw ExitCode(2)
        }
        do {
            let report = try Pipeline.convert(contentsOf: item.url)
            switch to {
            case .json: print(ReportJSON.encode(report), terminator: "")
            case .jsonl: print(ReportJSON.encode(report, pretty: false))
            case .csv: print(CSVWriter.encode(rows: [CSVWriter.wideHeader(), CSVWriter.wideRow(report)]), terminator: "")
            case .docx:
                Terminal.error("nianbao: --to docx needs --out DIR")
                throw ExitCode(2)
            }
        } catch let error as ConversionError {
            Terminal.error("nianbao: \(error.file): \(error.message)")
            throw ExitCode(1)
        }
    }
}

