public import Foundation
public import NianbaoModel

/// The outcome of converting one input.
public struct BatchOutcome: Sendable {
    /// The input.
    public var item: InputItem
    /// The report, or why there is none.
    public var result: Result<Report, ConversionError>
    /// `true` when the input was skipped by `--resume` (its output is up to date).
    public var skipped: Bool
}

/// Counts of a bulk run.
public struct BatchSummary: Sendable, Equatable {
    /// Inputs converted.
    public var converted = 0
    /// Inputs that failed.
    public var failed = 0
    /// Inputs skipped because their output was up to date.
    public var skipped = 0
    /// Warnings in the converted reports.
    public var warnings = 0
    /// Errors (rule breaks) in the converted reports.
    public var ruleErrors = 0

    /// Creates an empty summary.
    public init() {}

    /// Inputs accounted for.
    public var total: Int { converted + failed + skipped }
}

/// Converts many inputs across all cores with bounded memory: inputs are processed in windows,
/// each window in parallel, and results are handed on in input order.
public struct BatchConverter: Sendable {
    /// Parallel jobs (default: active processor count).
    public var jobs: Int
    /// Inputs in flight at once.
    public var window: Int
    /// With `resumeExtension`, skip an input whose output exists and is newer.
    public var resumeFolder: URL?
    /// The per-file output extension checked by resume.
    public var resumeExtension: String?

    /// Creates a converter.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 256, resumeFolder: URL? = nil, resumeExtension: String? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(1, window)
        self.resumeFolder = resumeFolder
        self.resumeExtension = resumeExtension
    }

    /// Converts `items`. `work` runs on worker threads for each report (write per-file outputs
    /// there); `ordered` runs on the calling thread for every outcome, in input order.
    public func run(_ items: [InputItem],
                    work: @escaping @Sendable (Report, InputItem) throws -> Void,
                    ordered: (BatchOutcome) -> Void) -> BatchSummary {
        var summary = BatchSummary()
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = jobs
        let resumeFolderPath = resumeFolder?.path
        var start = 0
        while start < items.count {
            let slice = Array(items[start..<min(items.count, start + window)])
            let results = ResultBox(count: slice.count)
            for (index, item) in slice.enumerated() {
                let resumeFolder = resumeFolderPath, resumeExtension = resumeExtension
                queue.addOperation {
                    if let resumeFolder, let resumeExtension, BatchConverter.upToDate(item, folderPath: resumeFolder, extension: resumeExtension) {
                        results.set(index, BatchOutcome(item: item, result: .failure(ConversionError(file: item.path, stage: .read, message: "skipped")), skipped: true))
                        return
                    }
                    let outcome: Result<Report, ConversionError>
                    do {
                        let report = try Pipeline.convert(item: item)
                        do {
                            try work(report, item)
                            outcome = .success(report)
                        } catch {
                            outcome = .failure(ConversionError(file: item.path, stage: .write, message: "output could not be written: \(error.localizedDescription)"))
                        }
                    } catch let error as ConversionError {
                        outcome = .failure(error)
                    } catch {
                        outcome = .failure(ConversionError(file: item.path, stage: .read, message: String(describing: error)))
                    }
                    results.set(index, BatchOutcome(item: item, result: outcome, skipped: false))
                }
            }
            queue.waitUntilAllOperationsAreFinished()
            for outcome in results.all() {
                if outcome.skipped {
                    summary.skipped += 1
                } else {
                    switch outcome.result {
                    case .success(let report):
                        summary.converted += 1
                        summary.warnings += report.diagnostics.count(of: .warning)
                        summary.ruleErrors += report.diagnostics.count(of: .error)
                    case .failure:
                        summary.failed += 1
                    }
                }
                ordered(outcome)
            }
            start += window
        }
        return summary
    }

    private static func upToDate(_ item: InputItem, folderPath: String, extension ext: String) -> Bool {
        let output = item.outputPath(inFolderPath: folderPath, extension: ext)
        let manager = FileManager.default
        guard let outputDate = (try? manager.attributesOfItem(atPath: output))?[.modificationDate] as? Date,
              let inputDate = (try? manager.attributesOfItem(atPath: item.path))?[.modificationDate] as? Date else { return false }
        return outputDate >= inputDate
    }
}

/// Results of one window, filled by worker threads.
private final class ResultBox: @unchecked Sendable {
    // Safety: every access goes through `lock`.
    private let lock = NSLock()
    private var outcomes: [BatchOutcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: BatchOutcome) {
        lock.lock()
        outcomes[index] = outcome
        lock.unlock()
    }

    func all() -> [BatchOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes.compactMap { $0 }
    }
}
