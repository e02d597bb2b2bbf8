import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoModel
import NianbaoWriters

/// Output formats of `convert`.
/// `--to` values: the job's formats, parsed by ArgumentParser.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl, csv, docx, sqlite

    var jobFormat: ConvertJob.Format {
        switch self {
        case .json: .json
        case .jsonl: .jsonl
        case .csv: .csv
        case .docx: .docx
        case .sqlite: .sqlite
        }
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert reports (.txt, .md, .docx, .html, .pdf; .doc, .wps, .rtf, .odt through LibreOffice; folders searched recursively; '-' reads a list of paths from standard input).")

    @Argument(help: "Files, folders, or '-' for a list of paths on standard input.")
    var paths: [String]

    @Option(name: .long, help: "Output format: json (one file per report), jsonl, csv (reports.csv + values.csv), docx, sqlite (--out names the database file, created or extended).")
    var to: OutputFormat = .json

    @Option(name: .long, help: "Output folder. Without it, a single input's JSON goes to standard output.")
    var out: String?

    @Option(name: .long, help: "Parallel jobs (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Skip inputs whose output exists and is newer than the input (json, docx).")
    var resume = false

    @Flag(name: .long, help: "Start CSV files with a UTF-8 byte-order mark, so Excel opens Chinese text correctly.")
    var bom = false

    @Flag(name: .long, help: "Search hidden files and folders (names starting with '.') too; they are skipped by default.")
    var includeHidden = false

    @Flag(name: .long, help: "Do not print the summary line.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        let listed = paths.contains("-") ? InputCollector.readLines() : []
        let collection = InputCollector.gather(paths, includeHidden: includeHidden, excludedFolders: out.map { [$0] } ?? [],
                                               standardInput: { listed })
        let items = collection.items, problems = collection.problems
        if collection.hiddenSkipped > 0 {
            Terminal.error("nianbao: skipped \(collection.hiddenSkipped) hidden file(s) or folder(s) (names starting with '.'); --include-hidden converts them")
        }
        if items.isEmpty && problems.isEmpty {
            let supported = InputCollector.folderExtensions.sorted().map { "." + $0 }.joined(separator: " or ")
            Terminal.error("nianbao: no \(supported) inputs found in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        guard let out else {
            for problem in problems { Terminal.error("nianbao: \(problem.path): \(problem.message)") }
            try convertToStandardOutput(items, problems: problems)
            return
        }
        // The paths listed on standard input stand in for `-`, so that the output folder is checked against them too.
        let given = paths.flatMap { $0 == "-" ? listed.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } : [$0] }
        let job = ConvertJob(paths: given, format: to.jobFormat, folder: URL(fileURLWithPath: out), jobs: jobs, resume: resume,
                             byteOrderMark: bom, includeHidden: includeHidden)
        var bar = Terminal.Progress(total: items.count)
        let outcome: ConvertJob.Outcome
        do {
            outcome = try job.run(items: items, problems: problems, progress: { done, _, failed in bar.update(done: done, failed: failed) },
                                  failed: { Terminal.error("nianbao: \($0.file): \($0.message)") })
        } catch {
            Terminal.error("nianbao: \(error)")
            throw ExitCode(2)
        }
        if outcome.staleTemporariesRemoved > 0 {
            Terminal.error("nianbao: removed \(outcome.staleTemporariesRemoved) temporary file(s) an interrupted run left in \(out)")
        }
        if to == .sqlite, !outcome.failures.isEmpty {
            Terminal.error("nianbao: the inputs that did not convert are listed in \(DatasetConversion.errorListURL(for: URL(fileURLWithPath: out)).path)")
        }
        if let previous = outcome.previousFailures {
            Terminal.error("nianbao: \(out)/errors.csv lists this run's failures; the earlier run's (\(previous)) are in errors.previous.csv")
        }
        if !quiet {
            let summary = outcome.summary
            let skipped = summary.skipped > 0 ? ", skipped \(summary.skipped) (up to date)" : ""
            let empty = summary.noValues > 0 ? ", no values found \(summary.noValues)" : ""
            print("converted \(summary.converted)\(empty), failed \(summary.failed), warnings \(summary.warnings)\(skipped)")
        }
        if !outcome.failures.isEmpty { throw ExitCode(1) }
    }

    private func convertToStandardOutput(_ items: [InputItem], problems: [InputCollector.Problem]) throws {
        if items.isEmpty && !problems.isEmpty {
            // The problems are already named: nothing to convert.
            throw ExitCode(1)
        }
        guard items.count == 1, problems.isEmpty, let item = items.first else {
            Terminal.error("nianbao: several inputs need --out DIR")
            throw ExitCode(2)
        }
        do {
            let report = try Pipeline.convert(contentsOf: item.url)
            let output: ReportOutput.Format
            switch to {
            case .json: output = .json
            case .jsonl: output = .jsonl
            case .csv: output = .csv
            case .sqlite:
                Terminal.error("nianbao: --to sqlite needs --out FILE.sqlite")
                throw ExitCode(2)
            case .docx:
                Terminal.error("nianbao: --to docx needs --out DIR")
                throw ExitCode(2)
            }
            FileHandle.standardOutput.write(try ReportOutput.data(for: report, format: output))
        } catch let error as ConversionError {
            Terminal.error("nianbao: \(error.file): \(error.message)")
            throw ExitCode(1)
        }
    }
}

