import Foundation
import NianbaoModel

/// Walks `document.xml` with a streaming reader and builds the neutral block stream.
///
/// Every element is either acted on, descended through (the default, which makes `w:sdt`,
/// `w:customXml`, `w:smartTag`, `w:hyperlink`, `w:ins`, `w:dir`, `w:bdo` … transparent at every
/// level), or skipped with its whole subtree (`w:del`, `w:moveFrom`, properties, the `mc:Choice`
/// or `mc:Fallback` branch not taken). Text is taken only from `w:t` inside a run.
///
/// Nested tables are flattened into the text of the cell that holds them (cells joined by a tab,
/// rows by a newline), so the outer table keeps its shape. Text-box paragraphs are emitted right
/// after the paragraph that anchors them.
///
/// A struct, so its state is reached through `inout self` in the hot loop, with no dynamic
/// exclusivity checks on class storage.
struct BodyWalker {
    private enum EndAction {
        case none, paragraph, cell, row, table, textBox, sdt, suppressed, alternateContent
    }

    private struct Frame {
        var name: NodeName
        var action: EndAction
    }

    private enum ContainerKind { case body, cell, textBox }

    private enum VerticalMerge { case none, restart, proceed }

    private struct Container {
        var kind: ContainerKind
        var items: [Block] = []
        /// Text of a paragraph whose mark was deleted, to be merged into the next paragraph.
        var carry: String?
        var gridSpan = 1
        var verticalMerge = VerticalMerge.none
        var horizontalContinue = false
        var deleted = false
    }

    private struct ParagraphState {
        var prefix = ""
        var text = ""
        var styleId: String?
        var numId: Int?
        var ilvl: Int?
        var outlineLevel: Int?
        var markDeleted = false
        var floating: [Block] = []
    }

    private struct RowState {
        var cells: [TableCell] = []
        var gridColumn = 0
        var gridBefore = 0
        var gridAfter = 0
        var gridBeforeApplied = false
        var deleted = false
    }

    private struct TableState {
        var rows: [TableRow] = []
        var openMerges: Set<Int> = []
        var row: RowState?
    }

    private struct FieldState {
        var instruction = ""
        var inResult = false
        var suppressResult = false
    }

    private struct Revisions {
        var insertions = 0
        var deletions = 0
        var moves = 0
        var propertyChanges = 0
        var deletedRows = 0
        var deletedCells = 0
        var total: Int { insertions + deletions + moves + propertyChanges + deletedRows + deletedCells }
    }

    /// What a paragraph style gives through its `w:basedOn` chain, worked out once per style id.
    private struct ResolvedStyle {
        /// The list the style numbers its paragraphs with, if any.
        var numId: Int?
        /// The list level the style gives (its own `w:ilvl`, else the level whose `w:pStyle` is
        /// the style), when `numId` is set.
        var ilvl: Int?
        /// The heading level the style gives.
        var headingLevel: Int?
    }

    private let reader: XMLStreamReader
    private let names: InternedNames
    private let styles: StyleSheet
    private var numbering: NumberingDefinitions

    private var stack: [Frame] = []
    private var containers: [Container] = [Container(kind: .body)]
    private var paragraphs: [ParagraphState] = []
    private var tables: [TableState] = []
    private var contentControls: [Bool] = []
    private var alternateContents: [Bool] = []
    private var fields: [FieldState] = []
    private var suppressDepth = 0
    private var namespacePrefixes: [String: String] = [:]
    private var revisions = Revisions()
    private var formulaFields = 0
    private var skippedAlternateContent = 0
    private(set) var diagnostics: [Diagnostic] = []
    private var resolvedStyles: [String: ResolvedStyle] = [:]
    private var resolvedNoStyle: ResolvedStyle?
    /// The style id resolved last and what it gives: consecutive paragraphs mostly share a style,
    /// and comparing two short strings is cheaper than hashing one.
    private var lastResolved: (styleId: String, style: ResolvedStyle)?

    /// Paragraphs (`w:p`, in table cells too) read so far, and the most accepted: the blocks of a
    /// document take memory by paragraph, whatever their bytes.
    private var paragraphCount = 0
    private let maxParagraphs: Int

    init(reader: XMLStreamReader, styles: StyleSheet, numbering: NumberingDefinitions, maxParagraphs: Int = .max) {
        self.reader = reader
        self.names = InternedNames(reader: reader)
        self.styles = styles
        self.numbering = numbering
        self.maxParagraphs = maxParagraphs
    }

    /// Reads the whole part and returns the body's blocks.
    mutating func run() throws -> [Block] {
        var sawRoot = false
        while let kind = try reader.next() {
            switch kind {
            case .element:
                let name = names.classify()
                if !sawRoot {
                    sawRoot = true
                    guard name == .word(.document) else {
                        throw OOXMLError(.notDOCX, file: reader.file, part: reader.part, line: reader.currentLine,
                                         problem: "the main part is not a WordprocessingML document (its root element is <\(reader.localNameString)>)")
                    }
                }
                guard let action = try start(name) else { continue }
                if reader.isEmptyElement {
                    finish(action)
                } else {
                    stack.append(Frame(name: name, action: action))
                }
            case .endElement:
                guard let frame = stack.popLast() else { continue }
                finish(frame.action)
            case .text:
                guard let top = stack.last?.name else { continue }
                if top == .word(.t) {
                    append(reader.value)
                } else if top == .word(.instrText), !fields.isEmpty {
                    fields[fields.count - 1].instruction += reader.value
                }
            case .other:
                continue
            }
        }
        guard sawRoot else {
            throw OOXMLError(.notDOCX, file: reader.file, part: reader.part, problem: "the main part is empty")
        }
        return finishDocument()
    }

    // MARK: - Start of an element

    /// Handles an element start; returns the action for its end, or nil when its subtree was skipped.
    private mutating func start(_ name: NodeName) throws -> EndAction? {
        switch name {
        case .word(let word):
            return try startWord(word)
        case .compatibility(.AlternateContent):
            recordNamespaces()
            alternateContents.append(false)
            return .alternateContent
        case .compatibility(.Choice):
            recordNamespaces()
            guard let taken = alternateContents.last, !taken, choiceIsUnderstood() else {
                try reader.skipSubtree()
                return nil
            }
            alternateContents[alternateContents.count - 1] = true
            return EndAction.none
        case .compatibility(.Fallback):
            if alternateContents.last == true {
                try reader.skipSubtree()
                return nil
            }
            if !alternateContents.isEmpty { alternateContents[alternateContents.count - 1] = true }
            return EndAction.none
        case .relationship, .other:
            return EndAction.none
        }
    }

    private mutating func startWord(_ word: WordName) throws -> EndAction? {
        let parent = stack.last?.name
        switch word {
        case .document:
            recordNamespaces()
        case .p:
            paragraphCount += 1
            if paragraphCount > maxParagraphs {
                throw OOXMLError(.overLimit, file: reader.file, part: reader.part, line: reader.currentLine,
                                 problem: "more than \(maxParagraphs) paragraphs: more than one report holds; split the document")
            }
            var paragraph = ParagraphState()
            let top = containers.count - 1
            if let carry = containers[top].carry {
                paragraph.prefix = carry
                containers[top].carry = nil
            }
            paragraphs.append(paragraph)
            return .paragraph
        case .pStyle where parent == .word(.pPr):
            let styleId = names.attribute(.val)
            updateParagraph { $0.styleId = styleId }
        case .numId where parent == .word(.numPr):
            let numId = names.intValue()
            updateParagraph { $0.numId = numId }
        case .ilvl where parent == .word(.numPr):
            let ilvl = names.intValue()
            updateParagraph { $0.ilvl = ilvl }
        case .outlineLvl where parent == .word(.pPr):
            let outlineLevel = names.intValue()
            updateParagraph { $0.outlineLevel = outlineLevel }
        case .rPr:
            if parent == .word(.pPr) { return EndAction.none }
            try reader.skipSubtree()
            return nil
        case .t, .instrText:
            guard runParent() else { try reader.skipSubtree(); return nil }
        case .tab, .ptab:
            if runParent() { append("\t") }
        case .br, .cr:
            if runParent() { append("\n") }
        case .noBreakHyphen:
            if runParent() { append("-") }
        case .sym:
            if runParent() { append(SymbolFonts.character(font: names.attribute(.font), hex: names.attribute(.char))) }
        case .fldChar:
            field(names.attribute(.fldCharType))
        case .fldSimple:
            let instruction = names.attribute(.instr) ?? ""
            noteFormula(instruction)
            if BodyWalker.suppressesResult(instruction) {
                suppressDepth += 1
                return .suppressed
            }
        case .del:
            if parent == .word(.trPr) {
                updateRow { $0.deleted = true }
                revisions.deletedRows += 1
            } else if parent == .word(.rPr) {
                updateParagraph { $0.markDeleted = true }
                revisions.deletions += 1
            } else {
                revisions.deletions += 1
                try reader.skipSubtree()
                return nil
            }
        case .moveFrom:
            revisions.moves += 1
            try reader.skipSubtree()
            return nil
        case .ins:
            revisions.insertions += 1
        case .moveTo:
            revisions.moves += 1
        case .cellDel:
            if parent == .word(.tcPr), let top = containers.indices.last, containers[top].kind == .cell {
                containers[top].deleted = true
            }
            revisions.deletedCells += 1
        case .cellIns, .cellMerge:
            revisions.insertions += 1
        case .rPrChange, .pPrChange, .tblPrChange, .trPrChange, .tcPrChange, .sectPrChange, .tblGridChange, .numberingChange:
            revisions.propertyChanges += 1
            try reader.skipSubtree()
            return nil
        case .delText, .sectPr, .tabs, .tblPr, .tblGrid, .tblPrEx, .sdtEndPr, .rt, .rubyPr:
            try reader.skipSubtree()
            return nil
        case .tbl:
            tables.append(TableState())
            return .table
        case .tr:
            if !tables.isEmpty {
                tables[tables.count - 1].row = RowState()
            }
            return .row
        case .gridBefore where parent == .word(.trPr):
            let count = max(0, min(names.intValue() ?? 0, 1000))
            updateRow { $0.gridBefore = count }
        case .gridAfter where parent == .word(.trPr):
            let count = max(0, min(names.intValue() ?? 0, 1000))
            updateRow { $0.gridAfter = count }
        case .tc:
            applyGridBefore()
            containers.append(Container(kind: .cell))
            return .cell
        case .gridSpan where parent == .word(.tcPr):
            let span = max(1, min(names.intValue() ?? 1, 1000))
            updateCell { $0.gridSpan = span }
        case .vMerge where parent == .word(.tcPr):
            let merge: VerticalMerge = names.attribute(.val) == "restart" ? .restart : .proceed
            updateCell { $0.verticalMerge = merge }
        case .hMerge where parent == .word(.tcPr):
            let proceed = names.attribute(.val) != "restart"
            updateCell { $0.horizontalContinue = proceed }
        case .sdt:
            contentControls.append(false)
            return .sdt
        case .showingPlcHdr where parent == .word(.sdtPr):
            if names.isOn(), !contentControls.isEmpty {
                contentControls[contentControls.count - 1] = true
            }
        case .sdtContent:
            if contentControls.last == true {
                suppressDepth += 1
                return .suppressed
            }
        case .txbxContent:
            containers.append(Container(kind: .textBox))
            return .textBox
        default:
            break
        }
        return EndAction.none
    }

    /// Whether the current element sits in a run (markup-compatibility wrappers are looked through).
    private func runParent() -> Bool {
        for frame in stack.reversed() {
            if case .compatibility = frame.name { continue }
            return frame.name == .word(.r)
        }
        return false
    }

    private var textSuppressed: Bool {
        suppressDepth > 0 || fields.contains { !$0.inResult || $0.suppressResult }
    }

    private mutating func append(_ text: String) {
        guard !paragraphs.isEmpty, !textSuppressed else { return }
        paragraphs[paragraphs.count - 1].text += text
    }

    private mutating func updateParagraph(_ change: (inout ParagraphState) -> Void) {
        guard !paragraphs.isEmpty else { return }
        change(&paragraphs[paragraphs.count - 1])
    }

    private mutating func updateRow(_ change: (inout RowState) -> Void) {
        guard !tables.isEmpty, var row = tables[tables.count - 1].row else { return }
        change(&row)
        tables[tables.count - 1].row = row
    }

    private mutating func updateCell(_ change: (inout Container) -> Void) {
        guard let top = containers.indices.last, containers[top].kind == .cell else { return }
        change(&containers[top])
    }

    // MARK: - Fields

    private mutating func field(_ type: String?) {
        switch type {
        case "begin":
            fields.append(FieldState())
        case "separate":
            guard !fields.isEmpty else { return }
            let index = fields.count - 1
            fields[index].inResult = true
            noteFormula(fields[index].instruction)
            fields[index].suppressResult = BodyWalker.suppressesResult(fields[index].instruction)
        case "end":
            _ = fields.popLast()
        default:
            break
        }
    }

    /// TOC and page references are navigation, not content: their results are dropped.
    static func suppressesResult(_ instruction: String) -> Bool {
        let keyword = instruction.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.uppercased() } ?? ""
        return ["TOC", "PAGEREF", "XE", "TC", "INDEX", "TOA"].contains(keyword)
    }

    private mutating func noteFormula(_ instruction: String) {
        if instruction.trimmingCharacters(in: .whitespaces).hasPrefix("=") { formulaFields += 1 }
    }

    // MARK: - Markup compatibility

    private mutating func recordNamespaces() {
        for (prefix, uri) in reader.namespaceDeclarations() where !prefix.isEmpty {
            namespacePrefixes[prefix] = uri
        }
    }

    private func choiceIsUnderstood() -> Bool {
        guard let requires = names.plainAttribute(names.plainRequires) else { return false }
        let prefixes = requires.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard !prefixes.isEmpty else { return false }
        return prefixes.allSatisfy { prefix in
            namespacePrefixes[String(prefix)].map { XMLNamespaces.understoodChoices.contains($0) } ?? false
        }
    }

    // MARK: - End of an element

    private mutating func finish(_ action: EndAction) {
        switch action {
        case .none:
            break
        case .paragraph:
            finishParagraph()
        case .cell:
            finishCell()
        case .row:
            finishRow()
        case .table:
            finishTable()
        case .textBox:
            finishTextBox()
        case .sdt:
            _ = contentControls.popLast()
        case .suppressed:
            suppressDepth = max(0, suppressDepth - 1)
        case .alternateContent:
            if alternateContents.popLast() == false { skippedAlternateContent += 1 }
        }
    }

    private mutating func finishParagraph() {
        guard let paragraph = paragraphs.popLast() else { return }
        let style = resolvedStyle(paragraph.styleId ?? styles.defaultParagraphStyle)
        var numId = paragraph.numId
        var ilvl = paragraph.ilvl
        if numId == nil, let styleNumId = style.numId {
            numId = styleNumId
            ilvl = paragraph.ilvl ?? style.ilvl
        }
        var marker = ""
        if let numId, let rendered = numbering.nextMarker(numId: numId, ilvl: max(0, min(ilvl ?? 0, 8))) {
            marker = rendered
        }
        let text = marker + paragraph.prefix + paragraph.text
        let top = containers.count - 1
        if paragraph.markDeleted {
            containers[top].carry = (containers[top].carry ?? "") + text
            containers[top].items.append(contentsOf: paragraph.floating)
            return
        }
        let level: Int?
        if let outline = paragraph.outlineLevel {
            level = outline >= 0 && outline < 9 ? outline + 1 : nil
        } else {
            level = style.headingLevel
        }
        if !Whitespace.isBlank(text) {
            containers[top].items.append(.paragraph(Paragraph(text: text, location: SourceLocation(), headingLevel: level)))
        }
        containers[top].items.append(contentsOf: paragraph.floating)
    }

    /// What `styleId` gives through its chain, resolved on first use and then read from a cache.
    private mutating func resolvedStyle(_ styleId: String?) -> ResolvedStyle {
        guard let styleId else {
            if let resolved = resolvedNoStyle { return resolved }
            let resolved = resolveStyle(nil)
            resolvedNoStyle = resolved
            return resolved
        }
        if let last = lastResolved, last.styleId == styleId { return last.style }
        let resolved: ResolvedStyle
        if let cached = resolvedStyles[styleId] {
            resolved = cached
        } else {
            resolved = resolveStyle(styleId)
            resolvedStyles[styleId] = resolved
        }
        lastResolved = (styleId, resolved)
        return resolved
    }

    private func resolveStyle(_ styleId: String?) -> ResolvedStyle {
        var resolved = ResolvedStyle(headingLevel: styles.headingLevel(styleId))
        if let fromStyle = styles.numbering(styleId) {
            resolved.numId = fromStyle.numId
            resolved.ilvl = fromStyle.ilvl ?? styleId.flatMap { numbering.level(numId: fromStyle.numId, styleId: $0) }
        }
        return resolved
    }

    private func flushCarry(_ container: inout Container) {
        if let carry = container.carry, !Whitespace.isBlank(carry) {
            container.items.append(.paragraph(Paragraph(text: carry, location: SourceLocation())))
        }
        container.carry = nil
    }

    private mutating func finishTextBox() {
        guard containers.count > 1, containers[containers.count - 1].kind == .textBox, var box = containers.popLast() else { return }
        flushCarry(&box)
        if !paragraphs.isEmpty {
            paragraphs[paragraphs.count - 1].floating.append(contentsOf: box.items)
        } else {
            containers[containers.count - 1].items.append(contentsOf: box.items)
        }
    }

    static func flatten(_ items: [Block]) -> String {
        // The usual cell: one paragraph or none.
        if items.isEmpty { return "" }
        if items.count == 1, case .paragraph(let paragraph) = items[0] { return paragraph.text }
        return items.map { block -> String in
            switch block {
            case .paragraph(let paragraph):
                return paragraph.text
            case .table(let table):
                return table.rows.map { row in row.cells.map(\.text).joined(separator: "\t") }.joined(separator: "\n")
            }
        }
        .joined(separator: "\n")
    }

    private mutating func applyGridBefore() {
        guard !tables.isEmpty, var row = tables[tables.count - 1].row, !row.gridBeforeApplied else { return }
        row.gridBeforeApplied = true
        let rowNumber = tables[tables.count - 1].rows.count + 1
        for _ in 0..<row.gridBefore {
            row.cells.append(TableCell(text: "", location: SourceLocation(row: rowNumber, cell: row.cells.count + 1)))
            tables[tables.count - 1].openMerges.remove(row.gridColumn)
            row.gridColumn += 1
        }
        tables[tables.count - 1].row = row
    }

    private mutating func finishCell() {
        guard containers.count > 1, containers[containers.count - 1].kind == .cell, var cell = containers.popLast() else { return }
        flushCarry(&cell)
        let text = BodyWalker.flatten(cell.items)
        guard !tables.isEmpty, var row = tables[tables.count - 1].row else {
            // A cell outside any row: keep its content as running text.
            containers[containers.count - 1].items.append(contentsOf: cell.items)
            return
        }
        if cell.deleted { return }
        let tableIndex = tables.count - 1
        // Taken out while it grows so its cell array is uniquely referenced (no copy per append);
        // the `defer` below puts it back.
        tables[tableIndex].row = nil
        let span = cell.gridSpan
        let column = row.gridColumn
        defer {
            row.gridColumn += span
            tables[tableIndex].row = row
        }
        if cell.horizontalContinue, !row.cells.isEmpty {
            row.cells[row.cells.count - 1].columnSpan += span
            return
        }
        let location = SourceLocation(row: tables[tableIndex].rows.count + 1, cell: row.cells.count + 1)
        for covered in column..<(column + span) where covered != column {
            tables[tableIndex].openMerges.remove(covered)
        }
        switch cell.verticalMerge {
        case .restart:
            tables[tableIndex].openMerges.insert(column)
        case .proceed:
            if tables[tableIndex].openMerges.contains(column) {
                row.cells.append(TableCell(text: "", location: location, columnSpan: span, continuesVerticalMerge: true))
                return
            }
            diagnostics.append(Diagnostic(.warning, code: "docx.table.vmerge_without_start",
                                          message: "a cell continues a vertical merge that no cell above starts; read as a plain cell",
                                          location: location))
        case .none:
            tables[tableIndex].openMerges.remove(column)
        }
        row.cells.append(TableCell(text: text, location: location, columnSpan: span))
    }

    private mutating func finishRow() {
        guard !tables.isEmpty else { return }
        applyGridBefore()
        let tableIndex = tables.count - 1
        guard var row = tables[tableIndex].row else { return }
        tables[tableIndex].row = nil
        if row.deleted { return }
        let rowNumber = tables[tableIndex].rows.count + 1
        for _ in 0..<row.gridAfter {
            row.cells.append(TableCell(text: "", location: SourceLocation(row: rowNumber, cell: row.cells.count + 1)))
        }
        tables[tableIndex].rows.append(TableRow(cells: row.cells, location: SourceLocation(row: rowNumber)))
    }

    private mutating func finishTable() {
        guard let table = tables.popLast() else { return }
        containers[containers.count - 1].items.append(.table(Table(rows: table.rows, location: SourceLocation())))
    }

    private mutating func finishDocument() -> [Block] {
        // Close anything a malformed-but-well-formed document left open.
        while containers.count > 1, let container = containers.popLast() {
            containers[containers.count - 1].items.append(contentsOf: container.items)
        }
        var body = containers[0]
        flushCarry(&body)
        var tableNumber = 0
        let blocks = body.items.map { block -> Block in
            guard case .table(var table) = block else { return block }
            tableNumber += 1
            table.location.table = tableNumber
            for rowIndex in table.rows.indices {
                table.rows[rowIndex].location.table = tableNumber
                for cellIndex in table.rows[rowIndex].cells.indices {
                    table.rows[rowIndex].cells[cellIndex].location.table = tableNumber
                }
            }
            return .table(table)
        }
        if revisions.total > 0 {
            diagnostics.append(Diagnostic(
                .warning, code: "docx.tracked_changes",
                message: "the document has unaccepted tracked changes (\(revisions.insertions) insertions, \(revisions.deletions) deletions, "
                    + "\(revisions.moves) moves, \(revisions.deletedRows) deleted rows, \(revisions.deletedCells) deleted cells, "
                    + "\(revisions.propertyChanges) property changes); read as if all were accepted, so numbers may be in flux"))
        }
        if formulaFields > 0 {
            diagnostics.append(Diagnostic(
                .info, code: "docx.formula_field",
                message: "\(formulaFields) formula field(s) (=…): their cached results were read and may be stale"))
        }
        if skippedAlternateContent > 0 {
            diagnostics.append(Diagnostic(
                .warning, code: "docx.alternate_content_skipped",
                message: "\(skippedAlternateContent) mc:AlternateContent block(s) had no branch the reader understands and were skipped"))
        }
        return blocks
    }
}
