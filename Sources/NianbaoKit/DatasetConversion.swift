public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoDataset
import NianbaoModel

/// `convert --to sqlite`: the reports go into one database (``ConvertJob/folder`` names the
/// database file), one transaction per batch of ``DatasetConversion/batchSize`` reports, each
/// report replacing the rows of an earlier conversion of the same input. The inputs that did not
/// convert are listed in `<database>.errors.csv` next to it.
public enum DatasetConversion {
    /// Reports written per transaction.
    public static let batchSize = 200

    /// The error list written next to `database`.
    public static func errorListURL(for database: URL) -> URL {
        database.deletingLastPathComponent().appendingPathComponent(database.lastPathComponent + ".errors.csv")
    }
}

extension ConvertJob {
    func runIntoDataset(items: [InputItem], problems: [InputCollector.Problem],
                        progress: (Int, Int, Int) -> Void, failed: (ConversionError) -> Void) throws -> Outcome {
        let database = folder
        var status = stat()
        if stat(database.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError(description: "--out \(database.path) is a folder; with --to sqlite, --out names the database file")
        }
        if let databaseID = InputCollector.FileID(path: database.path, following: true),
           let input = items.first(where: { InputCollector.FileID(path: $0.path, following: true) == databaseID }) {
            throw OutputError(description: "refusing to write \(database.path): it is the input \(input.path); choose another --out")
        }
        do {
            try FileManager.default.createDirectory(at: database.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw OutputError(description: "cannot create the folder of \(database.path): \(ErrorText.describe(error))")
        }
        let dataset: Dataset
        do {
            dataset = try Dataset(path: database.path)
        } catch {
            throw OutputError(description: String(describing: error))
        }
        var failures = problems.map { ConversionError(file: $0.path, stage: .read, message: $0.message) }
        failures.forEach(failed)
        var converter = BatchConverter(jobs: jobs)
        converter.legacy = legacy
        // The rows are built on the worker threads; the calling thread only writes them.
        let prepared = PreparedRows()
        var pending: [PreparedReport] = []
        var pendingItems: [InputItem] = []
        var done = 0, notWritten = 0
        // A batch that cannot be written fails its inputs (they are listed) and the run goes on.
        func flush() {
            guard !pending.isEmpty else { return }
            do {
                try dataset.write(prepared: pending)
            } catch {
                notWritten += pending.count
                for item in pendingItems {
                    let failure = ConversionError(file: item.path, stage: .write, message: "not written to the database: \(error)")
                    failures.append(failure)
                    failed(failure)
                }
            }
            pending.removeAll(keepingCapacity: true)
            pendingItems.removeAll(keepingCapacity: true)
        }
        var summary = converter.run(items, work: { report, item in prepared.put(PreparedReport(report), for: item.path) },
                                    ordered: { outcome in
            done += 1
            switch outcome.result {
            case .success(let report):
                pending.append(prepared.take(outcome.item.path) ?? PreparedReport(report))
                pendingItems.append(outcome.item)
                if pending.count >= DatasetConversion.batchSize { flush() }
            case .failure(let error):
                if !outcome.skipped {
                    failures.append(error)
                    failed(error)
                }
            }
            progress(done, items.count, failures.count)
        })
        flush()
        summary.failed += problems.count + notWritten
        summary.converted -= min(summary.converted, notWritten)
        do {
            try ErrorList.write(failures, to: DatasetConversion.errorListURL(for: database))
        } catch {
            throw OutputError(description: "cannot write \(DatasetConversion.errorListURL(for: database).path): \(ErrorText.describe(error))")
        }
        return Outcome(summary: summary, failures: failures, inputs: items.count + problems.count)
    }
}

/// Rows built by the workers, waiting for the writing thread, by input path.
private final class PreparedRows: @unchecked Sendable {
    // Safety: `rows` is only touched with `lock` held.
    private let lock = NSLock()
    private var rows: [String: PreparedReport] = [:]

    func put(_ report: PreparedReport, for path: String) {
        lock.lock()
        rows[path] = report
        lock.unlock()
    }

    func take(_ path: String) -> PreparedReport? {
        lock.lock()
        defer { lock.unlock() }
        return rows.removeValue(forKey: path)
    }
}
