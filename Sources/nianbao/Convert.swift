import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoModel
import NianbaoWriters

/// Output formats of `convert`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl

    var jobFormat: ConvertJob.Format {
        switch self {
        case .json: .json
        case .jsonl: .jsonl
        }
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert reports (.txt, .docx; folders searched recursively; '-' reads a list of paths from standard input).")

    @Argument(help: "Files, folders, or '-' for a list of paths on standard input.")
    var paths: [String]

    @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: OutputFormat = .json

    @Option(name: .long, help: "Output folder. Without it, a single input's JSON goes to standard output.")
    var out: String?

    @Option(name: .long, help: "Parallel jobs (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Skip inputs whose output exists and is newer than the input.")
    var resume = false

    @Flag(name: .long, help: "Do not print the summary line.")
    var quiet = false

    func run() throws {
        let listed = paths.contains("-") ? InputCollector.readLines() : []
        let (items, problems) = InputCollector.collect(paths, standardInput: { listed })
        if items.isEmpty && problems.isEmpty {
            Terminal.error("nianbao: no .txt or .docx inputs found in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        guard let out else {
            for problem in problems { Terminal.error("nianbao: \(problem.path): \(problem.message)") }
            try convertToStandardOutput(items, problems: problems)
            return
        }
        let job = ConvertJob(paths: paths, format: to.jobFormat, folder: URL(fileURLWithPath: out), jobs: jobs, resume: resume)
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
            print(ReportJSON.encode(report, pretty: to == .json), terminator: to == .json ? "" : "\n")
        } catch let error as ConversionError {
            Terminal.error("nianbao: \(error.file): \(error.message)")
            throw ExitCode(1)
        }
    }
}

