public import Foundation
import NianbaoModel
import NianbaoOOXML
public import NianbaoReview
import NianbaoValidator
public import NianbaoWriters

/// `nianbao compare OLD NEW`: two reports of one agency side by side (``Comparison``), written as
/// `comparison.json`, a DOCX comparison report `comparison.docx` and a standalone `comparison.html`.
public enum CompareJob {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// `comparison.json`.
        case json
        /// `comparison.docx`: findings, then the tables with changed cells marked, then the prose differences.
        case docx
        /// `comparison.html`, a standalone page.
        case html
    }

    /// Converts both inputs and compares them.
    /// - Throws: ``ConversionError`` naming an input that cannot be read.
    public static func compare(old: URL, new: URL) throws -> Comparison {
        let before = try Pipeline.convert(contentsOf: old), after = try Pipeline.convert(contentsOf: new)
        return Comparison(old: before, new: after, perReport: Validator.check)
    }

    /// Writes `comparison` in `formats` into `folder`; returns the files written.
    /// - Throws: ``ConvertJob/OutputError`` when the folder cannot be written.
    public static func write(_ comparison: Comparison, formats: [Format], to folder: URL) throws -> [URL] {
        var written: [URL] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for format in formats {
                let url = folder.appendingPathComponent("comparison.\(format.rawValue)")
                switch format {
                case .json: try AtomicFile.write(Data(json(comparison).serializedUTF8(pretty: true)), to: url)
                case .docx: try AtomicFile.write(docx(comparison), to: url)
                case .html: try AtomicFile.write(Data(html(comparison).utf8), to: url)
                }
                written.append(url)
            }
        } catch {
            throw ConvertJob.OutputError(description: "cannot write to \(folder.path): \(ErrorText.describe(error))")
        }
        return written
    }

    private static func share(_ value: Double?) -> JSONValue {
        value.map { .number(Decimal(string: String(format: "%.4f", $0)) ?? 0) } ?? .null
    }

    /// The comparison as JSON.
    public static func json(_ comparison: Comparison) -> JSONValue {
        func side(_ report: Report) -> JSONValue {
            .object([("file", .string(report.source.file)), ("sha256", .string(report.source.sha256)), ("agency", .optional(report.agency)),
                     ("year", .optional(report.year)), ("template", .string(report.template.rawValue))])
        }
        return .object([
            ("old", side(comparison.old)), ("new", side(comparison.new)),
            ("text_repeated_share", share(comparison.textRepeatedShare)),
            ("table_repeated_share", share(comparison.tableRepeatedShare)),
            ("findings", FindingsOutput.json(comparison.findings)),
            ("cells", .array(comparison.cells.map { cell in
                .object([("path", .string(cell.path)), ("old", .optional(cell.old)), ("new", .optional(cell.new)),
                         ("change", .optional(cell.change))])
            })),
            ("parts", .array(comparison.parts.map { part in
                .object([("part", .string(part.part.rawValue)), ("repeated_share", share(part.repeatedShare)),
                         ("sentences", .array(part.sentences.map { .object([("kind", .string($0.kind.rawValue)), ("text", .string($0.text))]) }))])
            })),
        ])
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
    }

    private static func name(_ report: Report) -> String {
        "\(report.agency ?? "") \(report.year.map(String.init) ?? "?")年（\(report.source.file)）"
    }

    /// The comparison as a DOCX comparison report (opens in Word and LibreOffice): the two
    /// reports and the repeated shares, the findings (each with its cells), the table cells with
    /// the changed ones shaded, then each part's prose with added sentences highlighted and
    /// removed ones struck through.
    /// - Throws: when the package cannot be built.
    public static func docx(_ comparison: Comparison) throws -> Data {
        let old = comparison.old, new = comparison.new
        typealias Run = DOCXDocument.Run
        var blocks: [DOCXDocument.Block] = [
            .paragraph([Run("旧：", bold: true), Run(name(old))]),
            .paragraph([Run("新：", bold: true), Run(name(new))]),
            .paragraph([Run("文字重复率：\(percent(comparison.textRepeatedShare))；表格重复率：\(percent(comparison.tableRepeatedShare))")]),
            .heading("一、审查发现（\(comparison.findings.count)）"),
        ]
        if comparison.findings.isEmpty { blocks.append(.paragraph([Run("无。")])) }
        for finding in comparison.findings {
            let mark: DOCXDocument.Mark? = switch finding.severity {
            case .error: .error
            case .warning: .warning
            case .info: nil
            }
            let cells = finding.cells.map { "\($0.path)=\(CSVWriter.format($0.value))" + ($0.source.map { " @\($0)" } ?? "") }
                .joined(separator: "；")
            blocks.append(.paragraph([Run("[\(finding.rule)] ", mark: mark, bold: true), Run(finding.message, mark: mark)]))
            // The cells in a paragraph of their own: a line break inside a justified paragraph stretches the line.
            if !cells.isEmpty { blocks.append(.paragraph([Run(cells)])) }
        }
        let changed = comparison.cells.filter { !$0.same }.count
        blocks.append(.heading("二、表格（\(comparison.cells.count)个单元格，\(changed)个有变化）"))
        let rows = comparison.cells.map { cell -> [DOCXDocument.Cell] in
            let mark: DOCXDocument.Mark? = cell.same ? nil : .changed
            return [DOCXDocument.Cell(cell.path, mark: mark), DOCXDocument.Cell(CSVWriter.format(cell.old), mark: mark),
                    DOCXDocument.Cell(CSVWriter.format(cell.new), mark: mark), DOCXDocument.Cell(CSVWriter.format(cell.change), mark: mark)]
        }
        blocks.append(.table(header: ["单元格", "旧", "新", "变化"], rows: rows, widths: [4470, 1500, 1500, 1600]))
        blocks.append(.heading("三、正文差异"))
        for part in comparison.parts {
            blocks.append(.paragraph([Run("\(part.part.number). \(part.part.officialHeading)（文字重复率 \(percent(part.repeatedShare))）", bold: true)]))
            var runs: [Run] = []
            for sentence in part.sentences {
                switch sentence.kind {
                case .same: runs.append(Run(sentence.text))
                case .added: runs.append(Run(sentence.text, mark: .added))
                case .removed: runs.append(Run(sentence.text, mark: .removed))
                }
            }
            blocks.append(.paragraph(runs.isEmpty ? [Run("（两年均无正文）")] : runs))
        }
        let title = "\(new.agency ?? old.agency ?? "")年报比对：\(old.year.map(String.init) ?? "?")年与\(new.year.map(String.init) ?? "?")年"
        return try DOCXDocumentWriter.data(for: DOCXDocument(title: title, creator: "nianbao", blocks: blocks))
    }

    /// The comparison as a standalone HTML page: findings, then the tables with changed cells
    /// marked, then the prose differences.
    public static func html(_ comparison: Comparison) -> String {
        let old = comparison.old, new = comparison.new
        var page = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>年报比对</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}
            .changed{background:#fde68a}.added{background:#bbf7d0}.removed{background:#fecaca;text-decoration:line-through}
            .error{color:#b91c1c}.warning{color:#a16207}</style></head><body>
            <h1>年报比对</h1>
            <p>旧：\(escape(name(old)))<br>新：\(escape(name(new)))</p>
            <p>文字重复率：\(percent(comparison.textRepeatedShare))；表格重复率：\(percent(comparison.tableRepeatedShare))</p>
            <h2>审查发现（\(comparison.findings.count)）</h2><ul>

            """
        for finding in comparison.findings {
            let cells = finding.cells.map { "\($0.path)=\(CSVWriter.format($0.value))" + ($0.source.map { " @\($0)" } ?? "") }.joined(separator: "；")
            page += "<li class=\"\(finding.severity.rawValue)\">[\(escape(finding.rule))] \(escape(finding.message))<br><small>\(escape(cells))</small></li>\n"
        }
        page += "</ul>\n<h2>表格</h2>\n<table><tr><th>单元格</th><th>旧</th><th>新</th><th>变化</th></tr>\n"
        for cell in comparison.cells {
            let mark = cell.same ? "" : " class=\"changed\""
            page += "<tr\(mark)><td>\(cell.path)</td><td>\(CSVWriter.format(cell.old))</td><td>\(CSVWriter.format(cell.new))</td><td>\(CSVWriter.format(cell.change))</td></tr>\n"
        }
        page += "</table>\n<h2>正文</h2>\n"
        for part in comparison.parts {
            page += "<h3>\(part.part.number). \(escape(part.part.officialHeading))（文字重复率 \(percent(part.repeatedShare))）</h3>\n<p>"
            for sentence in part.sentences {
                switch sentence.kind {
                case .same: page += escape(sentence.text)
                case .added: page += "<span class=\"added\">\(escape(sentence.text))</span>"
                case .removed: page += "<span class=\"removed\">\(escape(sentence.text))</span>"
                }
            }
            page += "</p>\n"
        }
        return page + "</body></html>\n"
    }
}
