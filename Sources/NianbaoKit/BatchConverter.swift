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
    /// Inputs converted with at least one value.
    public var converted = 0
    /// Inputs converted in which no value at all was found (every table cell `null`): their
    /// outputs are written, but they are counted apart so that a bulk run shows them.
    public var noValues = 0
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
    public var total: Int { converted + noValues + failed + skipped }
}

/// Converts many inputs across all cores with bounded memory: at most ``window`` inputs are in
/// flight (converting or waiting to be handed on) at once, and results are handed on in input order.
public struct BatchConverter: Sendable {
    /// Parallel jobs (default: active processor count).
    public var jobs: Int
    /// Inputs in flight at once.
    public var window: Int
    /// With `resumeExtension`, skip an input whose output exists and is newer.
    public var resumeFolder: URL?
    /// The per-file output extension checked by resume.
    public var resumeExtension: String?
    /// How `.doc`, `.wps`, `.rtf` and `.odt` inputs are converted by LibreOffice.
    public var legacy = LegacyOptions()
    /// How PDF inputs' `pdftotext` is run.
    public var pdf = PDFTool()

    /// Creates a converter.
    public init(jobs: Int = ProcessInfo.processInfo.activeProcessorCount, window: Int = 256, resumeFolder: URL? = nil, resumeExtension: String? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(1, window)
        self.resumeFolder = resumeFolder
        self.resumeExtension = resumeExtension
    }

    /// Converts `items`. `work` runs on worker threads for each report (write per-file outputs
    /// there); `ordered` runs on the calling thread for every outcome, in input order.
    ///
    /// The window slides: `jobs` workers take inputs in order while the calling thread hands on
    /// finished outcomes, and no input starts more than ``window`` places ahead of the first one
    /// not yet handed on. Workers never wait for a whole window to drain, and `ordered` runs while
    /// they work.
    public func run(_ items: [InputItem],
                    work: @escaping @Sendable (Report, InputItem) throws -> Void,
                    ordered: (BatchOutcome) -> Void) -> BatchSummary {
        var summary = BatchSummary()
        guard !items.isEmpty else { return summary }
        let schedule = Schedule(count: items.count, window: window)
        let resumeFolderPath = resumeFolder?.path, resumeExtension = resumeExtension
        let workers = min(jobs, items.count)
        // Legacy inputs (by extension) are converted by LibreOffice in batches; not those `--resume` skips.
        let legacyIndices = items.indices.filter { index in
            LegacyBatches.isCandidate(items[index]) && !(resumeFolderPath.flatMap { folder in
                resumeExtension.map { Self.upToDate(items[index], folderPath: folder, extension: $0) } } ?? false)
        }
        let legacyBatches = LegacyBatches(items: items, indices: legacyIndices, jobs: workers, options: legacy)
        defer { legacyBatches?.finish() }
        let pdf = self.pdf
        for _ in 0..<workers {
            DispatchQueue.global().async {
                while let index = schedule.take() {
                    schedule.put(index, BatchConverter.process(items[index], index: index, legacy: legacyBatches, pdf: pdf,
                                                                resumeFolder: resumeFolderPath, resumeExtension: resumeExtension, work: work))
                }
                schedule.workerDone()
            }
        }
        for index in items.indices {
            let outcome = schedule.waitFor(index)
            if outcome.skipped {
                summary.skipped += 1
            } else {
                switch outcome.result {
                case .success(let report):
                    if RunHousekeeping.hasNoValues(report) { summary.noValues += 1 } else { summary.converted += 1 }
                    summary.warnings += report.diagnostics.count(of: .warning)
                    summary.ruleErrors += report.diagnostics.count(of: .error)
                case .failure:
                    summary.failed += 1
                }
            }
            ordered(outcome)
        }
        schedule.waitForWorkers(workers)
        return summary
    }

    /// One input: skipped when up to date, else read, converted and handed to `work`.
    private static func process(_ item: InputItem, index: Int, legacy: LegacyBatches?, pdf: PDFTool, resumeFolder: String?, resumeExtension: String?,
                                work: @Sendable (Report, InputItem) throws -> Void) -> BatchOutcome {
        if let resumeFolder, let resumeExtension, upToDate(item, folderPath: resumeFolder, extension: resumeExtension) {
            return BatchOutcome(item: item, result: .failure(ConversionError(file: item.path, stage: .read, message: "skipped")), skipped: true)
        }
        let outcome: Result<Report, ConversionError>
        do {
            let report = try legacy?.report(forItemAt: index) ?? Pipeline.convert(item: item, pdf: pdf)
            do {
                try work(report, item)
                outcome = .success(report)
            } catch {
                outcome = .failure(ConversionError(file: item.path, stage: .write, message: "output could not be written: \(ErrorText.describe(error))"))
            }
        } catch let error as ConversionError {
            outcome = .failure(error)
        } catch {
            outcome = .failure(ConversionError(file: item.path, stage: .read, message: String(describing: error)))
        }
        return BatchOutcome(item: item, result: outcome, skipped: false)
    }

    private static func upToDate(_ item: InputItem, folderPath: String, extension ext: String) -> Bool {
        let output = item.outputPath(inFolderPath: folderPath, extension: ext)
        let manager = FileManager.default
        guard let outputDate = (try? manager.attributesOfItem(atPath: output))?[.modificationDate] as? Date,
              let inputDate = (try? manager.attributesOfItem(atPath: item.path))?[.modificationDate] as? Date else { return false }
        // Newer is not enough: an empty or cut-off output is converted again.
        return outputDate >= inputDate && RunHousekeeping.outputIsComplete(output, extension: ext)
    }
}

/// The sliding window shared by the workers and the calling thread of one run.
private final class Schedule: @unchecked Sendable {
    // Safety: every stored property is only touched with `condition` locked.
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    /// Outcomes not yet handed on, at `index % window`.
    private var slots: [BatchOutcome?]
    /// The next input to hand to a worker.
    private var next = 0
    /// The next outcome the calling thread hands on (everything before it is done).
    private var consumed = 0
    private var waitingWorkers = 0
    /// The calling thread waits in ``waitFor(_:)`` for an outcome.
    private var consumerWaiting = false
    private var finishedWorkers = 0

    init(count: Int, window: Int) {
        self.count = count
        self.window = min(window, count)
        slots = Array(repeating: nil, count: min(window, count))
    }

    /// The next input for a worker, once it is within the window; `nil` when all are taken.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while next < count && next >= consumed + window {
            waitingWorkers += 1
            // The calling thread may be holding back for a batch (see `put`): it must hand on now.
            if consumerWaiting { condition.broadcast() }
            condition.wait()
            waitingWorkers -= 1
        }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores the outcome of input `index`. The calling thread is woken only when it can hand on
    /// a run of ``wakeBatch`` outcomes or the last ones (and it looks itself after ``wakeDelay``):
    /// waking it for every outcome cost a futex wake and a context switch per file (issue 24's
    /// profile: `pthread_cond_broadcast` and the kernel's wake-up and scheduling, 7.6 % of a
    /// one-job text run). A worker about to wait for the window, or out of inputs, wakes it too
    /// (``take()``, ``workerDone()``).
    func put(_ index: Int, _ outcome: BatchOutcome) {
        condition.lock()
        slots[index % window] = outcome
        if consumerWaiting {
            var ready = consumed
            while ready < count && ready - consumed < Self.wakeBatch && slots[ready % window] != nil { ready += 1 }
            if ready - consumed >= Self.wakeBatch || ready == count || next >= count { condition.broadcast() }
        }
        condition.unlock()
    }

    /// Outcomes ready in order before the calling thread is woken to hand them on.
    private static let wakeBatch = 16
    /// The longest the calling thread sleeps before it looks for a ready outcome itself: slow
    /// inputs (LibreOffice batches, long PDFs) are handed on, and their progress shown, within it.
    private static let wakeDelay: TimeInterval = 0.1

    /// Waits for the outcome of input `index` (the inputs are waited for in order) and frees its place.
    func waitFor(_ index: Int) -> BatchOutcome {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let outcome = slots[index % window] {
                slots[index % window] = nil
                consumed = index + 1
                if waitingWorkers > 0 { condition.broadcast() }
                return outcome
            }
            consumerWaiting = true
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.wakeDelay))
            consumerWaiting = false
        }
    }

    /// A worker found no more inputs.
    func workerDone() {
        condition.lock()
        finishedWorkers += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `workers` workers have finished.
    func waitForWorkers(_ workers: Int) {
        condition.lock()
        while finishedWorkers < workers { condition.wait() }
        condition.unlock()
    }
}
