public import NianbaoModel

/// Maps a reader's block stream to the canonical report, by labels: part headings, template
/// version, table rows and columns are all found through ``LabelVariants``, never by position
/// alone.
public enum Recognizer {
    /// Diagnostic code of a document that is not an annual report at all.
    public static let unrecognizedCode = "report.unrecognized"

    /// Recognises `document` into a report. Never fails: what cannot be found is `nil` with a
    /// diagnostic. A document with no part headings and no statutory table gets an error
    /// diagnostic coded ``unrecognizedCode``.
    public static func recognize(_ document: SourceDocument) -> Report {
        var diagnostics = document.diagnostics
        var (headings, repeatStart, outOfOrder) = SectionFinder.headingsAndOrder(in: document.blocks)
        let end = repeatStart ?? document.blocks.count
        for heading in outOfOrder where heading.blockIndex < end {
            let after = headings.last { $0.blockIndex < heading.blockIndex }?.section
            diagnostics.append(Diagnostic(.warning, code: "section.order", path: "sections.\(heading.section.rawValue)",
                message: "the heading of part \(heading.section.number)（\(heading.section.officialHeading)）at \(blockLocation(document.blocks[heading.blockIndex])) "
                    + "comes after part \(after?.number ?? 0)（\(after?.officialHeading ?? "")）: out of template order; the part is not taken from there",
                location: location(of: document.blocks[heading.blockIndex])))
        }
        if let repeatStart {
            diagnostics.append(Diagnostic(.warning, code: "report.repeated",
                message: "the report starts over at \(blockLocation(document.blocks[repeatStart])); the repetition is ignored",
                location: location(of: document.blocks[repeatStart])))
        }
        let blocks = Array(document.blocks.prefix(end))
        headings = headings.filter { $0.blockIndex < end }

        let cache = CellFactsCache.current
        let metadata = MetadataFinder.find(blocks: blocks, headings: headings, end: end)
        diagnostics += metadata.diagnostics


        // Each table region as one stream of cells: tables, assigned to a part by their labels
        // (the part they sit in breaks ties), and the lines of text in parts 二 to 四.
        var streams: [ReportTable: CellStream] = [:]
        var hadTable: Set<ReportTable> = []
        // Whether the text sets a row's values one space apart (`pdftotext -raw`), for every region.
        // The text reader makes such a line a table row (not delimited, not spaced apart): its
        // cells joined by single spaces are the line.
        let singleSpacesSeparate = LineCells.rowsOneSpaceApart(blocks.lazy.flatMap { block -> [String] in
            switch block {
            case .paragraph(let paragraph): [paragraph.text]
            case .table(let table):
                table.rows.lazy.filter { !$0.delimited && !$0.spacedApart && !$0.columnsFromLayout && $0.location.table == nil }
                    .map { $0.cells.map(\.text).joined(separator: " ") }
            }
        })
        // The first paragraph with a `|` field of several numbers (a table finder's grid on a PDF):
        // where there is one, no `|` field is a report's cell. And whether the text's `|` tables
        // start at rows of values (``LineCells/tableStartsAtValues(_:)``), asked in the same pass:
        // each paragraph is searched for a `|` once.
        var gridParagraph: Paragraph?
        var tableStartsAtValues = false
        var pipeRows: [String] = []
        for block in blocks {
            guard case .paragraph(let paragraph) = block else { continue }
            guard paragraph.text.utf8.contains(UInt8(ascii: "|")) else {
                // (A line without `|` ends a run of `|` rows.)
                if !tableStartsAtValues, !pipeRows.isEmpty { tableStartsAtValues = LineCells.tableStartsAtValues(pipeRows) }
                pipeRows = []
                continue
            }
            if gridParagraph == nil, LineCells.pipeFieldsHoldSeveralNumbers(CollectionOfOne(paragraph.text)) { gridParagraph = paragraph }
            if !tableStartsAtValues { pipeRows.append(paragraph.text) }
        }
        if !tableStartsAtValues, !pipeRows.isEmpty { tableStartsAtValues = LineCells.tableStartsAtValues(pipeRows) }
        let pipeFieldsUnplaced = gridParagraph != nil
        if let gridParagraph {
            let text = gridParagraph.text.trimmingCharacters(in: .whitespaces)
            let shown = "`" + (text.count > 60 ? text.prefix(60) + "…" : text) + "`"
            diagnostics.append(Diagnostic(.info, code: "table.grid_not_cells",
                message: "a `|` field holds several numbers (\(shown)): the text's `|` grid is a table finder's, not the report's cells, so its fields place no value; the values are read in their order, and a row whose blank cells the order does not show is placed only where the sum rules prove it, else null",
                location: gridParagraph.location))
        }
        func newStream() -> CellStream {
            var stream = CellStream(cache: cache)
            stream.singleSpacesSeparate = singleSpacesSeparate
            stream.pipeFieldsUnplaced = pipeFieldsUnplaced
            return stream
        }
        /// Each paragraph of a part's region, with the stream's cell count after it.
        /// `cells`: the paragraph split into cells (``LineCells/split(_:)``), as the stream found.
        var regionParagraphs: [ReportTable: [(block: Int, cellsEnd: Int, cells: Bool)]] = [:]
        var headingPosition = 0
        let headingBlocks = Set(headings.map(\.blockIndex))
        /// Rows of text tables (`|` or tab rows) outside every part: a web page's text without its
        /// part headings. Read as tables of the parts their own labels name.
        var headless: [Paragraph] = []
        func flushHeadless() {
            for (part, paragraphs) in headlessTables(headless, cache: cache) {
                var stream = newStream()
                for paragraph in paragraphs { stream.append(paragraph: paragraph) }
                stream.finish()
                if streams[part] == nil { streams[part] = stream } else { streams[part]?.append(contentsOf: stream) }
                hadTable.insert(part)
                diagnostics.append(Diagnostic(.info, code: "table.found_by_labels", path: part.rawValue,
                    message: "table of part \(part.section.number)（\(part.section.officialHeading)）found by its own row and column labels, outside any part heading",
                    location: paragraphs.first?.location))
            }
            headless = []
        }
        for (index, block) in blocks.enumerated() {
            while headingPosition < headings.count && headings[headingPosition].blockIndex < index { headingPosition += 1 }
            let containing = headingPosition > 0 ? headings[headingPosition - 1].section : nil
            if case .paragraph(let paragraph) = block, containing == nil, !headingBlocks.contains(index),
               LineCells.split(paragraph.text)?.delimited == true {
                headless.append(paragraph)
                continue
            }
            if !headless.isEmpty { flushHeadless() }
            switch block {
            case .table(let table):
                var stream = newStream()
                for row in table.rows { stream.append(row: row) }
                if let part = TableRecognizer.part(of: stream.cells, fallback: containing) {
                    if streams[part] == nil {
                        streams[part] = stream
                    } else {
                        streams[part]?.append(contentsOf: stream)
                    }
                    hadTable.insert(part)
                }
            case .paragraph(let paragraph):
                if headingBlocks.contains(index), let containing, let line = paragraph.location.line,
                   let part = ReportTable.allCases.first(where: { $0.section == containing }), streams[part]?.endLine == nil {
                    streams[part]?.endLine = line
                }
                guard !headingBlocks.contains(index), let containing,
                      let part = ReportTable.allCases.first(where: { $0.section == containing }) else { continue }
                let split = streams[part, default: newStream()].append(paragraph: paragraph)
                regionParagraphs[part, default: []].append((index, streams[part]?.cells.count ?? 0, split))
            }
        }
        if !headless.isEmpty { flushHeadless() }
        for part in Array(streams.keys) { streams[part]?.finish() }
        // A region of text holds a table when it gives a value or a label of the part's table.
        for (part, stream) in streams where !hadTable.contains(part) {
            let hasTable = stream.cells.contains { cell in
                if cell.isGivenValue { return true }
                guard let facts = cell.facts else { return false }
                switch part {
                case .activeDisclosure: return facts.activeRow != nil
                case .requests: return facts.requestRow != nil
                case .reviewLitigation: return facts.reviewGroup != nil
                }
            }
            if hasTable { hadTable.insert(part) }
        }

        let template = detectTemplate(streams.filter { hadTable.contains($0.key) }.values.flatMap(\.cells), year: metadata.year, diagnostics: &diagnostics)
        var report = Report(source: document.source, template: template)
        report.title = metadata.title
        report.agency = metadata.agency
        report.year = metadata.year
        report.published = metadata.published
        // Lines of text read as table cells are not the part's prose.
        var skip = metadata.signatureBlocks.union(metadata.publishedBlock.map { [$0] } ?? [])
        for (part, paragraphs) in regionParagraphs where hadTable.contains(part) {
            skip.formUnion(tableParagraphs(paragraphs, cells: streams[part]?.cells ?? [], part: part))
        }
        report.sections = sections(blocks: blocks, headings: headings, skip: skip)
        for section in SectionKey.allCases where report.sections[section] == nil {
            diagnostics.append(Diagnostic(.warning, code: "section.missing", path: "sections.\(section.rawValue)",
                message: "part \(section.number)（\(section.officialHeading)）not found"))
        }

        var recognizer = TableRecognizer(template: template, report: report, cache: cache)
        if template != .unknown {
            recognizer.labelsApart = TableRecognizer.labelsApartFromValues([
                (streams[.activeDisclosure]?.cells ?? [], { $0.activeRow != nil }), (streams[.requests]?.cells ?? [], { $0.requestRow != nil }),
            ])
            recognizer.documentPitch = TableRecognizer.blankLinePitch([
                (streams[.activeDisclosure]?.cells ?? [], 3), (streams[.requests]?.cells ?? [], TemplateCatalog.applicantColumns.count),
            ], labelsApart: recognizer.labelsApart)
            recognizer.emptyLinesPartCells = recognizer.documentPitch == nil
                && TableRecognizer.emptyLinesBetween(ReportTable.allCases.map { streams[$0]?.cells ?? [] }) >= 8
            recognizer.tableFinderGrids = tableStartsAtValues
            var found: [ReportTable: Set<String>] = [:]
            found[.activeDisclosure] = recognizer.recognizeActiveDisclosure(streams[.activeDisclosure]?.cells ?? [], endLine: streams[.activeDisclosure]?.endLine)
            found[.requests] = recognizer.recognizeRequests(streams[.requests]?.cells ?? [], endLine: streams[.requests]?.endLine)
            found[.reviewLitigation] = recognizer.recognizeReviewLitigation(streams[.reviewLitigation]?.cells ?? [], valueRows: streams[.reviewLitigation]?.valueRows ?? [],
                                                                                 endLine: streams[.reviewLitigation]?.endLine)
            report = recognizer.report
            diagnostics += recognizer.diagnostics
            for table in ReportTable.allCases {
                diagnostics += missingRows(table, template: template, found: found[table] ?? [], hadTable: hadTable.contains(table))
            }
        } else {
            for table in ReportTable.allCases where !hadTable.contains(table) {
                diagnostics += missingRows(table, template: template, found: [], hadTable: false)
            }
        }

        if headings.isEmpty && hadTable.isEmpty {
            diagnostics.insert(Diagnostic(.error, code: unrecognizedCode,
                message: "not a government information disclosure annual report: no part headings (一、总体情况 …) and no statutory tables found"), at: 0)
        }
        report.diagnostics = diagnostics
        return report
    }

    /// A run of text-table rows outside every part, cut where a row's own labels name another
    /// part's table than the rows before (the three tables of a page often follow one another
    /// without a line between), each piece with the part its labels name; rows naming no part go
    /// with the piece they are in, a piece naming none is dropped.
    static func headlessTables(_ paragraphs: [Paragraph], cache: CellFactsCache) -> [(ReportTable, [Paragraph])] {
        var pieces: [(part: ReportTable?, rows: [Paragraph])] = []
        for paragraph in paragraphs {
            var stream = CellStream(cache: cache)
            stream.append(paragraph: paragraph)
            stream.finish()
            let named = TableRecognizer.part(of: stream.cells, fallback: nil)
            if let last = pieces.last, named == nil || last.part == nil || named == last.part {
                pieces[pieces.count - 1].rows.append(paragraph)
                if pieces[pieces.count - 1].part == nil { pieces[pieces.count - 1].part = named }
            } else {
                pieces.append((named, [paragraph]))
            }
        }
        return pieces.compactMap { piece in piece.part.map { ($0, piece.rows) } }
    }

    private static func location(of block: Block) -> SourceLocation {
        switch block {
        case .paragraph(let paragraph): paragraph.location
        case .table(let table): table.location
        }
    }

    private static func blockLocation(_ block: Block) -> String { location(of: block).description }

    /// Template by labels; by the year reported on when the labels say nothing.
    private static func detectTemplate(_ cells: [StreamCell], year: Int?, diagnostics: inout [Diagnostic]) -> TemplateVersion {
        var signals2019 = 0, signals2021 = 0
        for cell in cells {
            guard let facts = cell.facts else { continue }
            if facts.signals2021 { signals2021 += 1 }
            if facts.signals2019 { signals2019 += 1 }
        }
        let rows = cells
        let byYear = year.map(TemplateVersion.expected(forYear:)) ?? .unknown
        let byLabels: TemplateVersion = signals2021 > signals2019 ? .v2021 : signals2019 > signals2021 ? .v2019 : .unknown
        if byLabels != .unknown {
            if byYear != .unknown, byYear != byLabels, let year {
                diagnostics.append(Diagnostic(.warning, code: "template.year_mismatch", path: "template",
                    message: "the tables follow the \(byLabels.rawValue) template, but a report on \(year) should use the \(byYear.rawValue) template"))
            }
            return byLabels
        }
        if byYear != .unknown, !rows.isEmpty {
            diagnostics.append(Diagnostic(.info, code: "template.by_year", path: "template",
                message: "the table labels do not tell the template apart; \(byYear.rawValue) chosen by the year reported on"))
            return byYear
        }
        // No table at all: the year alone says which template the report follows.
        if byYear != .unknown, let year {
            diagnostics.append(Diagnostic(.info, code: "template.by_year", path: "template",
                message: "no statutory table found; \(byYear.rawValue) is the template of a report on \(year)"))
            return byYear
        }
        if !rows.isEmpty || year != nil {
            diagnostics.append(Diagnostic(.error, code: "template.unknown", path: "template",
                message: "the template (2019 or 2021) could not be recognised; no table values were read"))
        }
        return .unknown
    }

    /// The paragraphs of a part's region that its table spans (from the first line giving a value or
    /// a label of the table to the last), but the prose among them.
    private static func tableParagraphs(_ paragraphs: [(block: Int, cellsEnd: Int, cells: Bool)], cells: [StreamCell],
                                        part: ReportTable) -> Set<Int> {
        func isTableCell(_ cell: StreamCell) -> Bool {
            if cell.isGivenValue { return true }
            guard let facts = cell.facts else { return false }
            switch part {
            case .activeDisclosure: return facts.activeRow != nil || facts.activeColumn != nil || facts.activeVotes > 0
            case .requests: return facts.requestRow != nil || facts.requestColumn != nil || facts.requestVotes > 0
            case .reviewLitigation: return facts.reviewGroup != nil || facts.reviewColumn != nil || facts.reviewVotes > 0
            }
        }
        var first: Int?, last: Int?
        var start = 0
        for (position, paragraph) in paragraphs.enumerated() {
            let end = min(paragraph.cellsEnd, cells.count)
            if start < end, cells[start..<end].contains(where: isTableCell) {
                if first == nil { first = position }
                last = position
            }
            start = max(start, end)
        }
        guard let first, let last else { return [] }
        var skip: Set<Int> = []
        for paragraph in paragraphs[first...last] where paragraph.cells { skip.insert(paragraph.block) }
        return skip
    }

    /// Prose of each part: its paragraphs (not tables), joined by `"\n"`.
    private static func sections(blocks: [Block], headings: [SectionHeading], skip: Set<Int>) -> [SectionKey: String] {
        var result: [SectionKey: String] = [:]
        for (position, heading) in headings.enumerated() {
            let stop = position + 1 < headings.count ? headings[position + 1].blockIndex : blocks.count
            var paragraphs: [String] = heading.remainder.map { [$0] } ?? []
            for index in (heading.blockIndex + 1)..<max(heading.blockIndex + 1, stop) where !skip.contains(index) {
                if case .paragraph(let paragraph) = blocks[index], !paragraph.text.isEmpty {
                    paragraphs.append(paragraph.text)
                }
            }
            result[heading.section] = paragraphs.joined(separator: "\n")
        }
        return result
    }

    private static func missingRows(_ table: ReportTable, template: TemplateVersion, found: Set<String>, hadTable: Bool) -> [Diagnostic] {
        let specs = TemplateCatalog.rows(table, template)
        guard hadTable else {
            return [Diagnostic(.warning, code: "table.missing", path: table.rawValue,
                message: "table of part \(table.section.number)（\(table.section.officialHeading)）not found: all its values are null")]
        }
        if found.isEmpty {
            return [Diagnostic(.warning, code: "table.no_values", path: table.rawValue,
                message: "table of part \(table.section.number)（\(table.section.officialHeading)）has no values: all its values are null")]
        }
        return specs.filter { !found.contains($0.key) }.map { spec in
            Diagnostic(.warning, code: "table.row_missing", path: "\(table.rawValue).\(spec.key)",
                message: "row “\(spec.label)” not found: its values are null")
        }
    }
}
