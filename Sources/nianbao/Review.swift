import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoReview

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review many reports as the collecting office does: each agency's years in order (上年结转 against last year's 结转下年度, table 二 carried on), gaps and duplicate years, prose counts against the tables, missing parts, blank cells, template and publication deadline.",
        discussion: "Writes findings.csv, findings.json (one row per finding: rule, severity, the cells with their values and source locations, a message in Chinese) and panel.csv (one row per agency-year). Findings never change a value. Exit status: 0 no error-level finding, 1 some error-level finding, 2 usage problem, 3 some input could not be read.")

    enum Target: String, ExpressibleByArgument { case sqlite }

    @Argument(help: "Report files, nianbao JSON, folders (searched recursively) or nianbao .sqlite datasets, in any mix.")
    var paths: [String]

    @Option(name: .long, help: "Output folder (default: review).")
    var out: String = "review"

    @Option(name: .long, help: "CSV of name,id lines mapping renamed or differently written agencies to one id.")
    var agencies: String?

    @Option(name: .long, help: "sqlite: also write the findings into the database (the one .sqlite input, else OUT/reports.sqlite).")
    var to: Target?

    @Option(name: .long, help: "Parallel jobs (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
    }

    func run() throws {
        var directory = AgencyDirectory()
        if let agencies {
            do {
                directory = try AgencyDirectory(csv: String(contentsOfFile: agencies, encoding: .utf8), file: agencies)
            } catch let error as AgencyDirectory.DirectoryError {
                Terminal.error("nianbao: \(error)")
                throw ExitCode(2)
            } catch {
                Terminal.error("nianbao: \(agencies): cannot read as UTF-8 text: \(error.localizedDescription)")
                throw ExitCode(2)
            }
        }
        let job = ReviewJob(paths: paths, folder: URL(fileURLWithPath: out), agencies: directory, toDatabase: to == .sqlite, jobs: jobs)
        let outcome: ReviewJob.Outcome
        do {
            outcome = try job.run(failed: { Terminal.error("nianbao: \($0.file): \($0.message)") })
        } catch {
            Terminal.error("nianbao: \(error)")
            throw ExitCode(2)
        }
        let errors = outcome.findings.filter { $0.severity == .error }.count
        let warnings = outcome.findings.filter { $0.severity == .warning }.count
        print("reviewed \(outcome.reports) report(s) of \(outcome.agencies) agency(ies): \(outcome.findings.count) finding(s), \(errors) error(s), \(warnings) warning(s); see \(out)/findings.csv"
              + (outcome.database.map { "; findings also in \($0)" } ?? ""))
        if !outcome.failures.isEmpty { throw ExitCode(3) }
        if errors > 0 { throw ExitCode(1) }
    }
}
