public import Foundation
import NianbaoModel
public import NianbaoReview
import NianbaoValidator
public import NianbaoWriters

/// `nianbao compare OLD NEW`: two reports of one agency side by side (``Comparison``), written as
/// `comparison.json` and a standalone `comparison.html`.
public enum CompareJob {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// `comparison.json`.
        case json
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

    /// The comparison as a standalone HTML page: findings, then the tables with changed cells
    /// marked, then the prose differences.
    public static func html(_ comparison: Comparison) -> String {
        let old = comparison.old, new = comparison.new
        func name(_ report: Report) -> String { "\(report.agency ?? "") \(report.year.map(String.init) ?? "?")年（\(report.source.file)）" }
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
