#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the recognizer asks of one table cell's text, worked out once per distinct text.
///
/// Reports follow one of two templates, so the same label texts (`（一）本年新收政府信息公开申请数量`,
/// `自然人`, `总计` …) come back in nearly every report of a batch. Matching a label against the
/// variant tables is the costliest step of recognising a row, so its result is kept per thread in
/// ``CellFactsCache`` and looked up by the cell's exact bytes.
final class CellFacts: Sendable {
    /// The cell read as a value.
    let value: CellValue
    /// What the cell says as a label; `nil` unless ``value`` is `.text`.
    let label: LabelFacts?

    init(raw: String) {
        let (value, key) = CellValue.parseKeyed(raw)
        self.value = value
        if case .text = value {
            label = LabelFacts(key: key ?? LabelText.key(raw))
        } else {
            label = nil
        }
    }
}

/// A label's matches against the ``LabelVariants`` tables, each made once per distinct label.
final class LabelFacts: Sendable {
    /// Key-normalised text (``LabelText/key(_:)``).
    let key: String
    /// ``key`` without a leading enumerator.
    let stripped: String
    /// The label starts with an enumerator (`（六）其他`, `1.属于…`): ``stripped`` is shorter than ``key``.
    let hasEnumerator: Bool
    /// The part 二 row rule the label matches.
    let activeRow: String?
    /// The part 三 row rule the label matches.
    let requestRow: String?
    /// The part 二 column the label names, and the money unit it mentions.
    let activeColumn: String?
    let moneyUnit: MoneyUnit?
    /// The part 三 applicant column the label names.
    let requestColumn: String?
    /// The part 四 outcome column and row group the label names.
    let reviewColumn: String?
    let reviewGroup: String?
    /// Votes the label gives when a table is assigned to a part (see `TableRecognizer.part(of:fallback:)`).
    let activeVotes: Int
    let requestVotes: Int
    let reviewVotes: Int
    /// `true` when the label is a 2021-only (or 2019-only) template signal.
    let signals2021: Bool
    let signals2019: Bool

    init(key: String) {
        self.key = key
        let enumerated = LabelText.splitEnumerator(key)
        stripped = enumerated.rest
        hasEnumerator = stripped.utf8.count != key.utf8.count
        activeRow = LabelVariants.firstMatch(LabelVariants.activeRows, stripped)
        let requestMatch = LabelVariants.firstMatch(LabelVariants.requestRows, stripped)
        // `（六）其他`, its `处理` wrapped onto the next line: the cell of （六）其他处理 (the 2019
        // template's row, the 2021 template's group), not 2021's row `3.其他`.
        if requestMatch == "other_misc", key.hasPrefix("("), enumerated.ordinal == 6 {
            requestRow = "other_handling"
        } else {
            requestRow = requestMatch
        }
        activeColumn = LabelVariants.firstMatch(LabelVariants.activeColumns, stripped)
        moneyUnit = MoneyUnit.mentioned(in: key)
        requestColumn = LabelVariants.firstMatch(LabelVariants.requestColumns, stripped)
        reviewColumn = LabelVariants.firstMatch(LabelVariants.reviewColumns, stripped)
        reviewGroup = LabelVariants.firstMatch(LabelVariants.reviewGroups, stripped)

        activeVotes = activeRow != nil || LabelVariants.activeHeaderWords.contains(where: key.has) ? 1 : 0
        var requests = 0
        if let requestRow, requestRow != "results_total", requestRow != "other_misc" { requests += 1 }
        if LabelVariants.requestPartWords.contains(where: key.has) { requests += 1 }
        requestVotes = requests
        reviewVotes = LabelVariants.reviewPartWords.contains(where: key.has) ? 1 : 0

        // Signals count only for labels of at least 2 Characters.
        let longEnough = !key.dropFirst().isEmpty
        signals2021 = longEnough && LabelVariants.template2021Signals.contains(where: key.has)
        signals2019 = longEnough && LabelVariants.template2019Signals.contains(where: key.has)
    }
}

/// The per-thread memo of ``CellFacts``, keyed by a cell's exact UTF-8 bytes.
///
/// One cache per thread, so lookups take no lock; bounded to ``capacity`` entries (it is emptied
/// when full) of at most ``longestText`` bytes each (labels are short; a long cell is read each
/// time), so a batch of reports with ever-new cell texts cannot grow it beyond a few megabytes.
final class CellFactsCache {
    /// The most entries a thread keeps.
    static let capacity = 4096
    /// The longest cell text kept, in UTF-8 bytes.
    static let longestText = 256

    private var entries: [CellText: CellFacts] = [:]

    /// How many texts are kept.
    var count: Int { entries.count }

    /// The facts of `raw`, from the cache or worked out now.
    func facts(_ raw: String) -> CellFacts {
        guard raw.utf8.count <= Self.longestText else { return CellFacts(raw: raw) }
        let text = CellText(raw)
        if let known = entries[text] { return known }
        let facts = CellFacts(raw: raw)
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        entries[text] = facts
        return facts
    }

    /// The calling thread's cache.
    static var current: CellFactsCache {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<CellFactsCache>.fromOpaque(pointer).takeUnretainedValue()
        }
        let cache = CellFactsCache()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }
}

/// The thread-specific slot of ``CellFactsCache/current``; a thread's cache is released when the thread ends.
private let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { pointer in
        guard let pointer else { return }
        Unmanaged<CellFactsCache>.fromOpaque(pointer).release()
    }
    return key
}()

/// A cell's text compared and hashed by its exact UTF-8 bytes: no Unicode normalisation, which
/// `String`'s own hashing performs on every non-ASCII key.
private struct CellText: Hashable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    func hash(into hasher: inout Hasher) {
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        for byte in text.utf8 { hasher.combine(byte) }
    }

    static func == (left: CellText, right: CellText) -> Bool {
        guard left.text.utf8.count == right.text.utf8.count else { return false }
        let same: Bool?? = left.text.utf8.withContiguousStorageIfAvailable { l in
            right.text.utf8.withContiguousStorageIfAvailable { r in
                guard let a = l.baseAddress, let b = r.baseAddress else { return l.count == r.count }
                return memcmp(a, b, l.count) == 0
            }
        }
        if let same, let same { return same }
        return left.text.utf8.elementsEqual(right.text.utf8)
    }
}
