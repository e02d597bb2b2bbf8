import Foundation
import NianbaoModel

/// The legacy inputs of one bulk run, converted by LibreOffice in batches as the workers reach
/// them: the worker that takes an unconverted legacy input converts it together with the next
/// ones (up to ``LegacyOptions/filesPerProcess``, and no more than an even share per job) in one
/// LibreOffice process; a worker whose input is in a batch still converting starts the next
/// batch meanwhile, so every job keeps a LibreOffice busy. Conversions are kept in memory until
/// their worker reads them; LibreOffice's files are removed with each batch.
final class LegacyBatches: @unchecked Sendable {
    // Safety: `states`, `nextPending` are only touched with `condition` locked.
    private enum State {
        case pending
        case running
        case done(Result<Converted, ConversionError>?)
    }

    private let condition = NSCondition()
    private let items: [InputItem]
    /// Item index → position in `candidates`.
    private let positions: [Int: Int]
    private let candidates: [Int]
    private var states: [State]
    private var nextPending = 0
    private let batchSize: Int
    private let run: LegacyRun

    /// Batches for the items at `indices` (legacy by extension); `nil` when there are none.
    init?(items: [InputItem], indices: [Int], jobs: Int, options: LegacyOptions) {
        guard !indices.isEmpty else { return nil }
        self.items = items
        candidates = indices
        positions = Dictionary(uniqueKeysWithValues: indices.enumerated().map { ($1, $0) })
        states = Array(repeating: .pending, count: indices.count)
        let share = (indices.count + max(1, jobs) - 1) / max(1, jobs)
        batchSize = max(1, min(options.filesPerProcess, share))
        run = LegacyRun(options: options)
    }

    /// `true` when `item` is read through LibreOffice in bulk runs (by its extension).
    static func isCandidate(_ item: InputItem) -> Bool {
        guard let name = PathText.lastComponent(of: item.path), let ext = PathText.plainExtension(of: name) else {
            return LegacyConversion.convertedExtensions.contains(item.url.pathExtension.lowercased())
        }
        return LegacyConversion.convertedExtensions.contains(ext)
    }

    /// The report of the item at `index` when it was converted here, `nil` when it is not a
    /// legacy input (the caller reads it the usual way).
    /// - Throws: ``ConversionError`` naming the file and the problem.
    func report(forItemAt index: Int) throws -> Report? {
        guard let position = positions[index] else { return nil }
        condition.lock()
        while true {
            switch states[position] {
            case .done(let result):
                states[position] = .done(nil)
                condition.unlock()
                guard let result else { return nil }
                return try LegacyConversion.report(from: result)
            case .pending:
                convertBatch(from: position)
            case .running:
                if let other = firstPending() {
                    convertBatch(from: other)
                } else {
                    condition.wait()
                }
            }
        }
    }

    /// Removes the run's temporary folder.
    func finish() {
        run.finish()
    }

    /// The first candidate not yet claimed.
    private func firstPending() -> Int? {
        while nextPending < states.count {
            if case .pending = states[nextPending] { return nextPending }
            nextPending += 1
        }
        return nil
    }

    /// Claims the batch starting at `position` and converts it with the lock released.
    private func convertBatch(from position: Int) {
        var claimed: [Int] = []
        var cursor = position
        while cursor < states.count, claimed.count < batchSize {
            if case .pending = states[cursor] {
                states[cursor] = .running
                claimed.append(cursor)
            }
            cursor += 1
        }
        condition.unlock()
        var files: [LegacyFile] = []
        var results: [Int: Result<Converted, ConversionError>?] = [:]
        for candidate in claimed {
            let item = items[candidates[candidate]]
            do {
                let data = try Pipeline.readData(item)
                files.append(LegacyFile(id: candidate, shown: item.path, fileName: item.sourceName ?? item.url.lastPathComponent, data: data))
            } catch let error as ConversionError {
                results[candidate] = .failure(error)
            } catch {
                results[candidate] = .failure(ConversionError(file: item.path, stage: .read, message: String(describing: error)))
            }
        }
        for (file, result) in zip(files, run.convert(files)) {
            results[file.id] = result
        }
        condition.lock()
        for candidate in claimed {
            states[candidate] = .done(results[candidate] ?? nil)
        }
        condition.broadcast()
    }
}
