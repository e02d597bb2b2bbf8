import NianbaoModel

/// Title, agency, year and publication date of a report.
struct Metadata {
    var title: String?
    var agency: String?
    var year: Int?
    var published: String?
    var publishedBlock: Int?
    /// Trailing blocks (signature and date) that are not prose of the last part.
    var signatureBlocks: Set<Int> = []
    var diagnostics: [Diagnostic] = []
}

enum MetadataFinder {
    private static let agencyEndings: [Character] = ["局", "委", "办", "院", "厅", "府", "部", "会", "处", "所", "队", "站", "馆", "室", "镇", "乡", "区", "县", "市", "心", "道", "司", "署", "行", "团"]

    static func find(blocks: [Block], headings: [SectionHeading], end: Int) -> Metadata {
        var metadata = Metadata()
        let firstHeading = headings.first?.blockIndex ?? min(end, 15)
        var paragraphs: [(index: Int, paragraph: Paragraph)] = []
        for (index, block) in blocks.enumerated().prefix(end) {
            if case .paragraph(let paragraph) = block { paragraphs.append((index, paragraph)) }
        }
        let front = paragraphs.filter { $0.index < firstHeading }.prefix(15)

        // Title: the first short paragraph that names a report, with a lead line when split, and
        // its tail when a line break cut a word (`…年度报` / `告`, as PDF extractors wrap it).
        if let (position, found) = titlePosition(in: front) {
            var title = found
            if position > front.startIndex {
                let previous = LabelText.key(front[position - 1].paragraph.text)
                if isTitleLead(previous, before: title) { title = previous + title }
            }
            metadata.title = title
        } else {
            metadata.diagnostics.append(Diagnostic(.warning, code: "metadata.title", path: "title",
                message: "no title line (…年度报告) found before the first part"))
        }

        // Publication date: a date line after the last part (or a date a site labels there,
        // `发布日期：2026-03-10`), else a labelled date before the first part, else a date line in
        // the front matter.
        let lastHeading = headings.last?.blockIndex ?? 0
        let trailing = paragraphs.filter { $0.index > lastHeading }.suffix(4)
        let closingDate = { (text: String) in dateLine(text) ?? labelledDate(text).map { (prefix: "", iso: $0) } }
        // Each paragraph's date read once (the one found was read again).
        let closing = trailing.reversed().lazy.compactMap { item in closingDate(item.paragraph.text).map { (item, $0.prefix, $0.iso) } }.first
        if let (dated, prefix, iso) = closing {
            metadata.published = iso
            metadata.publishedBlock = dated.index
            metadata.signatureBlocks.insert(dated.index)
            if let signature = trailing.last(where: { $0.index < dated.index }),
               signature.index == dated.index - 1 || blocksBetweenAreEmpty(blocks, signature.index, dated.index),
               isSignature(LabelText.key(signature.paragraph.text)) {
                metadata.signatureBlocks.insert(signature.index)
            }
            // `测试市交通运输局 2021年1月15日`: the name before the date signs the report.
            if metadata.agency == nil, !prefix.isEmpty { metadata.agency = prefix }
        } else if let (index, iso) = front.lazy.compactMap({ item in labelledDate(item.paragraph.text).map { (item.index, $0) } }).first {
            metadata.published = iso
            metadata.publishedBlock = index
        } else if let (dated, iso) = front.lazy.compactMap({ item in
                      dateLine(item.paragraph.text).flatMap { $0.prefix.isEmpty ? (item, $0.iso) : nil } }).first {
            metadata.published = iso
            metadata.publishedBlock = dated.index
        }

        // Agency: the title's lead, else the signature line.
        if let title = metadata.title, let agency = agency(fromTitle: title) {
            metadata.agency = agency
        } else if let signature = metadata.signatureBlocks.sorted().first,
                  case .paragraph(let paragraph) = blocks[signature],
                  dateLine(paragraph.text) == nil {
            metadata.agency = LabelText.key(paragraph.text)
        } else if metadata.agency == nil {
            metadata.diagnostics.append(Diagnostic(.warning, code: "metadata.agency", path: "agency",
                message: "the agency could not be found in the title or a signature line"))
        }

        // An undated signature: the last paragraph is the agency's name on its own.
        if metadata.publishedBlock == nil || metadata.signatureBlocks.isEmpty, let agency = metadata.agency,
           let last = paragraphs.last(where: { $0.index > lastHeading && !LabelText.keyIsEmpty($0.paragraph.text) }),
           LabelText.key(last.paragraph.text) == agency {
            metadata.signatureBlocks.insert(last.index)
        }

        // Year reported on: title, then the statistics period, then the overview, then published − 1.
        if let title = metadata.title, let year = TextScanning.firstYear(in: title) {
            metadata.year = year
        } else if let year = statisticsYear(paragraphs.map(\.paragraph.text)) {
            metadata.year = year
        } else if let overview = headings.first(where: { $0.section == .overview }),
                  let year = paragraphs.lazy.filter({ $0.index > overview.blockIndex })
                    .prefix(3).compactMap({ TextScanning.firstYear(in: LabelText.key($0.paragraph.text)) }).first {
            metadata.year = year
        } else if let published = metadata.published, let year = Int(published.prefix(4)) {
            metadata.year = year - 1
            metadata.diagnostics.append(Diagnostic(.warning, code: "metadata.year", path: "year",
                message: "the year reported on is not stated; taken as the year before publication (\(year - 1))"))
        } else {
            metadata.diagnostics.append(Diagnostic(.warning, code: "metadata.year", path: "year",
                message: "the year reported on could not be found"))
        }
        if metadata.published == nil {
            metadata.diagnostics.append(Diagnostic(.info, code: "metadata.published", path: "published",
                message: "the report has no date line"))
        }
        return metadata
    }

    private static func blocksBetweenAreEmpty(_ blocks: [Block], _ from: Int, _ to: Int) -> Bool {
        guard from + 1 < to else { return true }
        return blocks[(from + 1)..<to].allSatisfy {
            if case .paragraph(let p) = $0 { return LabelText.keyIsEmpty(p.text) }
            return false
        }
    }

    static func isTitleLine(_ key: String) -> Bool {
        // A sentence (`根据《…条例》…编制本报告。`) is not a title.
        guard key.has("报告"), key.hasAtMost(80), !key.has("。") else { return false }
        return key.has("年度报告") || key.has("信息公开") || key.has("政务公开")
    }

    /// The first front paragraph that is a title line, or that becomes one with the short next
    /// paragraph ending `报告` (a title wrapped inside a word); with the title's text.
    private static func titlePosition(in front: ArraySlice<(index: Int, paragraph: Paragraph)>) -> (Int, String)? {
        for position in front.indices {
            let key = LabelText.key(front[position].paragraph.text)
            if isTitleLine(key) { return (position, key) }
            let next = position + 1
            guard next < front.endIndex, !key.isEmpty, key.hasAtMost(80) else { continue }
            let tail = LabelText.key(front[next].paragraph.text)
            let joined = key + tail
            if !tail.isEmpty, tail.hasAtMost(4), joined.hasSuffix("报告"), isTitleLine(joined) { return (position, joined) }
        }
        return nil
    }

    /// A short line that starts a title split over two lines (`盐池县交通运输局` / `2020年…报告`).
    private static func isTitleLead(_ previous: String, before title: String) -> Bool {
        guard !previous.isEmpty, previous.hasAtMost(30), dateLine(previous) == nil else { return false }
        if previous.contains(where: { "：:。，,;；".contains($0) }) { return false }
        let titleLacksAgency = agency(fromTitle: title) == nil
        let endsLikeAgency = previous.last.map { agencyEndings.contains($0) } ?? false
        return titleLacksAgency || (endsLikeAgency && !title.hasPrefix(previous))
    }

    private static func isSignature(_ key: String) -> Bool {
        !key.isEmpty && key.hasAtMost(30) && !key.contains(where: { "：:。，,;；".contains($0) })
    }

    /// The agency named before the year or before `政府信息公开` in a title.
    static func agency(fromTitle title: String) -> String? {
        var head: Substring
        if let year = TextScanning.years(in: title, firstOnly: true).first {
            head = title[..<year.start]
            if head.isEmpty {
                let after = title[year.end...].drop { $0 == "度" }
                head = after.prefix(upTo: firstMarker(in: after) ?? after.endIndex)
            }
        } else {
            head = title.prefix(upTo: firstMarker(in: Substring(title)) ?? title.endIndex)
        }
        for suffix in ["关于", "的", "(", "（"] where head.hasSuffix(suffix) { head = head.dropLast(suffix.count) }
        return head.count >= 2 ? String(head) : nil
    }

    private static let titleMarkers = ["政府信息公开", "信息公开", "政务公开", "工作年度报告", "年度报告"]

    private static func firstMarker(in text: Substring) -> String.Index? {
        // Trivial scalars (each a Character, equal only to itself): the first occurrence is the
        // first byte match. `range(of:)` went through Foundation's `CFStringFind` (issue 24's profile).
        guard text.unicodeScalars.allSatisfy(String.isTrivial) else {
            return titleMarkers.compactMap { text.range(of: $0)?.lowerBound }.min()
        }
        let bytes = Array(text.utf8)
        var first: Int?
        for marker in titleMarkers {
            let needle = Array(marker.utf8)
            guard needle.count <= bytes.count, let lead = needle.first else { continue }
            for start in 0...(bytes.count - needle.count) where bytes[start] == lead && bytes[start..<(start + needle.count)].elementsEqual(needle) {
                if start < first ?? Int.max { first = start }
                break
            }
        }
        return first.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// A paragraph that is a date, or a short name followed by a date.
    static func dateLine(_ text: String) -> (prefix: String, iso: String)? {
        if LabelText.keyIsSurelyLonger(text, than: 45) { return nil }
        let key = LabelText.key(text)
        guard key.hasAtMost(45), let (prefix, iso) = TextScanning.trailingDate(key) else { return nil }
        if prefix.contains(where: { "：:。，,;；".contains($0) }) { return nil }
        return (prefix, iso)
    }

    /// Words a site writes before `时间` or `日期` to label the publication date (`发布时间：`,
    /// `本站发布时间：`, `成文日期：`); the bare label (`时间：`, `日期：`) counts too. Other words
    /// (`统计时间`, `更新时间`) do not label it.
    private static let dateLabelLeads = ["发布", "发文", "成文", "印发", "公开", "发稿", "公布"]

    /// A publication date as sites label it, anywhere in a line: `发布时间：2026-03-10`,
    /// `发布日期: 2026/3/10 10:23`, `来源：本局 时间：2026.03.10`, `发布时间：2026年3月10日`.
    /// The line is short (at most 240 UTF-8 bytes: a page's header or footer, not prose), the
    /// label starts it or follows white space or a separator, and the date is not the start of a
    /// period (`时间：2020年1月1日至…`).
    static func labelledDate(_ text: String) -> String? {
        guard text.hasAtMost(240), text.has("时间") || text.has("日期") else { return nil }
        let line = Array(LabelText.halfWidth(text))
        var position = 0
        while position + 2 < line.count {
            defer { position += 1 }
            // Compared Character by Character: making a `String` of each pair was most of this
            // function's time (issue 24's profile). Two Characters read `时间` only as `时` and `间`.
            let (one, two) = (line[position], line[position + 1])
            guard one == "时" && two == "间" || one == "日" && two == "期" else { continue }
            // The label: `时间` or `日期` then a colon, white space allowed around it.
            var after = position + 2
            while after < line.count, line[after].isWhitespace { after += 1 }
            guard after < line.count, line[after] == ":" else { continue }
            after += 1
            var leadStart = position
            while leadStart > 0, !isLabelBoundary(line[leadStart - 1]), position - leadStart < 4 { leadStart -= 1 }
            let lead = String(line[leadStart..<position])
            guard leadStart == 0 || isLabelBoundary(line[leadStart - 1]),
                  lead.isEmpty || dateLabelLeads.contains(where: lead.hasSuffix) else { continue }
            while after < line.count, line[after].isWhitespace { after += 1 }
            if let iso = leadingDate(line[after...]) { return iso }
        }
        return nil
    }

    private static func isLabelBoundary(_ character: Character) -> Bool {
        character.isWhitespace || "|丨【】[]()（）:：;；,，".contains(character)
    }

    /// The date that starts `text` (`2026-03-10`, `2026/3/10`, `2026.03.10`, `2026年3月10日`,
    /// spaces allowed in the last), when what follows it does not make it the start of a period.
    private static func leadingDate(_ text: ArraySlice<Character>) -> String? {
        guard let first = text.first, first.isASCII, first.isNumber else { return nil }
        var end = text.startIndex
        var iso: String?
        var separated = text.prefix { $0.isASCII && ($0.isNumber || "-./".contains($0)) }
        while let last = separated.last, !last.isNumber { separated = separated.dropLast() }
        if let date = TextScanning.isoDate(String(separated)) {
            iso = date
            end = separated.endIndex
        } else if let day = text.prefix(24).firstIndex(of: "日") {
            iso = TextScanning.isoDate(String(text[...day].filter { !$0.isWhitespace }))
            end = day + 1
        }
        guard let iso else { return nil }
        let rest = text[end...].drop { $0.isWhitespace }
        if let next = rest.first, "至到起止-~—－～".contains(next) { return nil }
        return iso
    }

    /// `统计时间自2020年1月1日起至2020年12月31日` and similar statements of the period.
    private static func statisticsYear(_ texts: [String]) -> Int? {
        for text in texts.prefix(60) {
            // `月` and `日` pass into the key unchanged: a text without both has no `12月31日`,
            // and its key is not built (a copy of each long paragraph, issue 24's profile).
            guard text.has("月"), text.has("日") else { continue }
            let key = LabelText.key(text)
            guard key.has("12月31日") else { continue }
            let years = TextScanning.years(in: key)
            for (position, found) in years.enumerated() {
                let after = key[found.end...]
                if after.hasPrefix("1月1日"), position + 1 < years.count, years[position + 1].year == found.year {
                    return found.year
                }
            }
        }
        return nil
    }
}
