public import Foundation
public import NianbaoModel

/// Writes a ``Report`` as a clean DOCX in the official layout of its template.
///
/// The document has the title (centred, bold), the six parts with headings `一、总体情况` …
/// `六、其他需要报告的事项` (style `Heading1`, outline level 0; the numeral is text, not
/// numbering), each part's prose (one paragraph per line of the section text), the statutory
/// tables of parts 二, 三 and 四 with the official merged header cells, and at the end the agency
/// name and the date line (`2021年1月15日`), right-aligned. Missing values are empty cells. Money is
/// written in the unit of the official column: 元, or 万元 for the 2021 fee column.
///
/// The package is minimal: `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
/// `word/styles.xml`, `word/_rels/document.xml.rels` and `docProps/core.xml`. Every entry is
/// deflated and stamped with the same time (``archiveTimestamp(environment:)``), so the same
/// report gives the same bytes.
public enum DOCXWriter {
    /// The entries of the package, in the order written.
    public static let partNames = [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "word/_rels/document.xml.rels",
        "word/document.xml",
        "word/styles.xml",
    ]

    /// The time (seconds since 1970, UTC) stamped on every entry when `SOURCE_DATE_EPOCH` is not
    /// set: 1980-01-01T00:00:00Z, the earliest ZIP time.
    public static let defaultTimestamp: Int64 = 315_532_800

    /// The entry time: `SOURCE_DATE_EPOCH` from `environment` when it is a valid integer, else
    /// ``defaultTimestamp``. Times outside ZIP's range (1980–2107) are clamped.
    public static func archiveTimestamp(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int64 {
        if let text = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces),
           let seconds = Int64(text) {
            return seconds
        }
        return defaultTimestamp
    }

    /// The DOCX bytes of `report`.
    public static func data(for report: Report) throws -> Data {
        try data(for: report, timestamp: archiveTimestamp())
    }

    /// The DOCX bytes of `report`, every entry stamped with `timestamp` (seconds since 1970, UTC).
    public static func data(for report: Report, timestamp: Int64) throws -> Data {
        let parts = try DOCXWriterParts(report: report)
        let archive = try ZipArchiveWriter(timestamp: .init(secondsSince1970: timestamp))
        for (name, bytes) in try parts.all() {
            try archive.add(name, data: bytes)
        }
        return try archive.finish()
    }

    /// Writes the DOCX of `report` to `url` atomically (temporary file, then rename).
    public static func write(_ report: Report, to url: URL) throws {
        let bytes = try data(for: report)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw DOCXWriteError.io(path: url.path, reason: "\(error)")
        }
    }
}
