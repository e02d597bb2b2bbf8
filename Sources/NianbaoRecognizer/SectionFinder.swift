import NianbaoModel

/// A part heading found in the block stream.
struct SectionHeading {
    let section: SectionKey
    let blockIndex: Int
    /// Prose that followed the heading in the same paragraph (`一、总体情况：2020年，…`).
    let remainder: String?
}

/// Finds the six part headings by their labels, accepting a heading only in template order and
/// only when its number (if it has one) is the part's number: `（四）主动公开政府信息情况` inside
/// the overview is a sub-heading, not part 二.
enum SectionFinder {
    static func headings(in blocks: [Block]) -> (headings: [SectionHeading], repeatStart: Int?) {
        let found = headingsAndOrder(in: blocks)
        return (found.headings, found.repeatStart)
    }

    /// The headings as ``headings(in:)``, and the part headings found out of template order: a
    /// heading numbered as its part (`二、主动公开政府信息情况`, not bracketed) after a later part's,
    /// its part not found before. Such a heading is not taken (its text stays in the part before).
    static func headingsAndOrder(in blocks: [Block]) -> (headings: [SectionHeading], repeatStart: Int?, outOfOrder: [SectionHeading]) {
        var outOfOrder: [SectionHeading] = []
        var headings: [SectionHeading] = []
        var lastNumber = 0
        var partsNumberedPlainly = false
        for (index, block) in blocks.enumerated() {
            guard case .paragraph(let paragraph) = block, let match = match(paragraph.text) else { continue }
            // Once the parts are numbered `一、` / `1、`, a bracketed `（二）主动公开情况` is a
            // sub-heading of the part it sits in, even when its number happens to fit.
            // The paragraph's key, built once for both checks below (each built it, issue 24's
            // profile); its enumerator is split only when a check needs it.
            let key = LabelText.key(paragraph.text)
            let startsWithBracket = key.first.map { "([【".contains($0) } ?? false
            let bracketed = startsWithBracket && LabelText.splitEnumerator(key).ordinal != nil
            if bracketed && partsNumberedPlainly { continue }
            if match.section == .overview, headings.count >= 3 {
                // The report starts over: a second copy in one file, from its title on.
                return (headings, copyStart(blocks, overview: index, after: headings.last?.blockIndex ?? -1), outOfOrder)
            }
            guard match.section.number > lastNumber else {
                if match.section.number < lastNumber, !bracketed, partsNumberedPlainly,
                   HeadingHead(paragraph.text)?.ordinal == match.section.number,
                   !headings.contains(where: { $0.section == match.section }),
                   !outOfOrder.contains(where: { $0.section == match.section }) {
                    outOfOrder.append(SectionHeading(section: match.section, blockIndex: index, remainder: match.remainder))
                }
                continue
            }
            headings.append(SectionHeading(section: match.section, blockIndex: index, remainder: match.remainder))
            lastNumber = match.section.number
            if !startsWithBracket && LabelText.splitEnumerator(key).ordinal != nil { partsNumberedPlainly = true }
        }
        return (headings, nil, outOfOrder)
    }

    /// Where a repeated copy starts: its title line, when one stands shortly before its overview.
    private static func copyStart(_ blocks: [Block], overview: Int, after lastHeading: Int) -> Int {
        let earliest = max(lastHeading + 1, overview - 6)
        guard earliest < overview else { return overview }
        for index in earliest..<overview {
            if case .paragraph(let paragraph) = blocks[index], MetadataFinder.isTitleLine(LabelText.key(paragraph.text)) {
                return index
            }
        }
        return overview
    }

    /// ``LabelVariants/sectionHeadings`` with each variant's length in Characters, counted once.
    private static let headingVariants: [(SectionKey, [(text: String, length: Int)])] =
        LabelVariants.sectionHeadings.map { section, variants in (section, variants.map { ($0, $0.count) }) }

    /// The first scalar of every heading variant.
    private static let headingFirstScalars: Set<UInt32> =
        Set(headingVariants.flatMap { $0.1.compactMap { $0.text.unicodeScalars.first?.value } })

    /// A paragraph with more Characters than this cannot be a heading by containment (see `match`).
    private static let shortHeadingLimit = (headingVariants.flatMap { $0.1.map(\.length) }.max() ?? 0) + 10

    /// `true` when `text` cannot head a part, decided from its first 80 scalars alone, as most
    /// prose paragraphs can be; `false` means only "undecided". Holds when those scalars are each
    /// one Character (trivial, no `\r`) and, in ``LabelText/key(_:)`` form:
    /// - the key has no leading enumerator: it starts neither with a bracket nor with 1–3 digits
    ///   or numerals followed by an enumerator mark (so `match` sees no ordinal);
    /// - its first scalar is not punctuation `match` drops, and no variant starts with it (so no
    ///   prefix match);
    /// - it has more than ``shortHeadingLimit`` Characters (so no match by containment);
    /// or, for a text of at most 80 such scalars, when none is a CJK ideograph, as every variant's
    /// are (a line of values: no variant in it).
    private static func surelyNotHeading(_ text: String) -> Bool {
        var scanned = 0, kept = 0
        var first: Unicode.Scalar?
        var leadingRun = 0        // digits or numerals the key starts with
        var runOpen = true
        var ideograph = false
        for scalar in text.unicodeScalars {
            guard scanned < 80, scalar != "\r", String.isTrivial(scalar) else { return false }
            scanned += 1
            guard let mapped = LabelText.keyScalar(scalar) else { continue }
            kept += 1
            if (0x4E00...0x9FFF).contains(mapped.value) { ideograph = true }
            if first == nil {
                first = mapped
                if "([【、.:：。 ".unicodeScalars.contains(mapped) || headingFirstScalars.contains(mapped.value) { return false }
            }
            if runOpen {
                if ("0"..."9").contains(mapped) || LabelText.isNumeral(mapped) {
                    leadingRun += 1
                } else {
                    runOpen = false
                    // After 1–3 digits or numerals, an enumerator mark may make them an ordinal.
                    if (1...3).contains(leadingRun), "、.,，)".unicodeScalars.contains(mapped) { return false }
                }
            }
            if kept > shortHeadingLimit { return !runOpen || leadingRun > 3 }
        }
        return !ideograph && headingVariantsAreIdeographic
    }

    /// Every heading variant holds a CJK ideograph (see ``surelyNotHeading(_:)``).
    private static let headingVariantsAreIdeographic = headingVariants.allSatisfy { _, variants in
        variants.allSatisfy { $0.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
    }

    /// The part a paragraph heads, if it is a part heading.
    static func match(_ text: String) -> (section: SectionKey, remainder: String?)? {
        if surelyNotHeading(text) { return nil }
        guard let head = HeadingHead(text) else { return nil }
        let (ordinal, trimmed, complete, length) = (head.ordinal, head.trimmed, head.complete, head.length)
        let sentencePunctuation = trimmed.has("。") || trimmed.has("，")
        // Text of scalars that never combine has one Character per scalar, so a Character prefix
        // is a byte prefix: test that directly instead of comparing Characters 31 times.
        let comparesByBytes = head.isTriviallyNormalized
        for (section, variants) in headingVariants {
            if let ordinal, ordinal != section.number { continue }
            for (variant, variantLength) in variants {
                if comparesByBytes ? trimmed.utf8.starts(with: variant.utf8) : trimmed.hasPrefix(variant) {
                    let after = trimmed.dropFirst(variantLength)
                    let tail = after.drop { "。.:：;；".contains($0) }
                    if tail.isEmpty && complete { return (section, nil) }
                    // Heading and prose in one paragraph: only after explicit punctuation and a number.
                    guard ordinal != nil, after.first.map({ "。.:：".contains($0) }) == true else { continue }
                    return (section, proseAfterHeading(text, variant: variant))
                }
                if !sentencePunctuation, length <= variantLength + 10, trimmed.has(variant) {
                    return (section, nil)
                }
            }
        }
        return nil
    }

    /// The original text after the heading's closing punctuation.
    private static func proseAfterHeading(_ text: String, variant: String) -> String? {
        guard let last = variant.last, let labelEnd = text.lastIndex(of: last) else { return nil }
        let after = text[text.index(after: labelEnd)...].drop { "。.:：;； \u{3000}".contains($0) }
        return after.isEmpty ? nil : String(after)
    }
}

/// What `SectionFinder.match` compares with the heading variants: the paragraph's first 80
/// Characters in key form (``LabelText/key(_:)``), without a leading enumerator and punctuation.
struct HeadingHead {
    /// The enumerator's number (`三` in `三、…`), if the head starts with one.
    let ordinal: Int?
    /// The head after the enumerator and leading punctuation.
    let trimmed: String
    /// `true` when the paragraph has no more than 80 Characters.
    let complete: Bool
    /// `trimmed`'s length in Characters, counted up to 64; `Int.max` when not `complete`.
    let length: Int
    /// `trimmed.isTriviallyNormalized`.
    let isTriviallyNormalized: Bool

    /// The head of `text`; `nil` when its key is empty. Worked out on scalars when the first 81
    /// are trivial (each one Character, and so is every scalar of the key), else by Characters.
    init?(_ text: String, byScalars: Bool = true) {
        if byScalars, let (key, complete) = Self.leadingTrivialKey(text) {
            guard !key.isEmpty else { return nil }
            let (ordinal, restStart) = LabelText.splitEnumerator(scalars: key)
            var start = restStart
            while start < key.count, "、.:：。 ".unicodeScalars.contains(key[start]) { start += 1 }
            self.ordinal = ordinal
            trimmed = LabelText.string(key[start...])
            self.complete = complete
            length = complete ? min(key.count - start, 64) : Int.max
            isTriviallyNormalized = true
            return
        }
        // A heading is short; only its first characters matter (prose may follow in one paragraph).
        let head = text.characterPrefix(80)
        complete = head.endIndex == text.endIndex
        let key = LabelText.key(String(head))
        guard !key.isEmpty else { return nil }
        let (ordinal, rest) = LabelText.splitEnumerator(key)
        self.ordinal = ordinal
        trimmed = String(rest.drop { "、.:：。 ".contains($0) })
        // Only compared with a variant's length + 10, so counting stops at 64 Characters.
        length = complete ? trimmed.characterCount(upTo: 64) : Int.max
        isTriviallyNormalized = trimmed.isTriviallyNormalized
    }

    /// When the first 81 scalars of `text` (all of them when fewer) are trivial and not `\r`: the
    /// scalars ``LabelText/key(_:)`` keeps of the first 80, and whether the text has no more than
    /// 80; `nil` otherwise. One pass and one array (the scalars were gathered first, then the key:
    /// two arrays for every paragraph, `HeadingHead.init` 2 % of a text run, issue 24's profile).
    private static func leadingTrivialKey(_ text: String) -> (key: [Unicode.Scalar], complete: Bool)? {
        var key: [Unicode.Scalar] = []
        key.reserveCapacity(80)
        var count = 0
        for scalar in text.unicodeScalars {
            guard scalar != "\r", String.isTrivial(scalar) else { return nil }
            count += 1
            if count == 81 { break }
            if let kept = LabelText.keyScalar(scalar) { key.append(kept) }
        }
        return (key, count <= 80)
    }
}
