import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoModel
import NianbaoWriters

/// Output formats of `convert`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl
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
        let (items, problems) = InputCollector.collect(paths)
        for problem in problems { Terminal.error("nianbao: \(problem.path): \(problem.message)") }
        if items.isEmpty && problems.isEmpty {
            Terminal.error("nianbao: no .txt or .docx inputs found in \(paths.joined(separator: " "))")
            throw ExitCode(2)
        }
        guard let out else {
            try convertToStandardOutput(items, problems: problems)
            return
        }
        let folder = URL(fileURLWithPath: out)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            Terminal.error("nianbao: cannot create output folder \(out): \(error.localizedDescription)")
            throw ExitCode(2)
        }

        let format = to
        let converter = BatchConverter(jobs: jobs, resumeFolder: resume && format == .json ? folder : nil,
                                       resumeExtension: format == .json ? "json" : nil)
        var failures: [ConversionError] = problems.map { ConversionError(file: $0.path, stage: .read, message: $0.message) }
        var lines: [String] = []
        var progress = Terminal.Progress(total: items.count)
        var done = 0
        let summary = converter.run(items, work: { report, item in
            if format == .json {
                try AtomicFile.write(ReportJSON.encode(report), to: item.output(in: folder, extension: "json"))
            }
        }, ordered: { outcome in
            done += 1
            switch outcome.result {
            case .success(let report):
                if format == .jsonl { lines.append(ReportJSON.encode(report, pretty: false)) }
            case .failure(let error):
                if !outcome.skipped {
                    failures.append(error)
                    Terminal.error("nianbao: \(error.file): \(error.message)")
                }
            }
            progress.update(done: done, failed: failures.count)
        })

        do {
            if format == .jsonl {
                try AtomicFile.write(lines.map { $0 + "\n" }.joined(), to: folder.appendingPathComponent("reports.jsonl"))
            }
            try ErrorList.write(failures, to: folder.appendingPathComponent("errors.csv"))
        } catch {
            Terminal.error("nianbao: cannot write to \(out): \(error.localizedDescription)")
            throw ExitCode(2)
        }
        if !quiet {
            let skipped = summary.skipped > 0 ? ", skipped \(summary.skipped) (up to date)" : ""
            print("converted \(summary.converted), failed \(failures.count), warnings \(summary.warnings)\(skipped)")
        }
        if !failures.isEmpty { throw ExitCode(1) }
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

/// `errors.csv`: every input that did not convert, with the stage and reason.
enum ErrorList {
    static func write(_ failures: [ConversionError], to url: URL) throws {
        var text = "file,stage,message\r\n"
        for failure in failures {
            text += [failure.file, failure.stage.rawValue, failure.message].map(csvField).joined(separator: ",") + "\r\n"
        }
        try AtomicFile.write(text, to: url)
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
