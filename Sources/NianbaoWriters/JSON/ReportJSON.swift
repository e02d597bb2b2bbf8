public import Foundation
public import NianbaoModel

/// The JSON contract (`nianbao.report/1`): a report to JSON and back.
public enum ReportJSON {
    /// The report as the contract's JSON value, keys in contract order.
    public static func value(_ report: Report) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("schema", .string(Report.schemaIdentifier)),
            ("source", .object([
                ("file", .string(report.source.file)),
                ("format", .string(report.source.format.rawValue)),
                ("sha256", .string(report.source.sha256)),
                ("encoding", .optional(report.source.encoding)),
            ])),
            ("title", .optional(report.title)),
            ("agency", .optional(report.agency)),
            ("year", .optional(report.year)),
            ("published", .optional(report.published)),
            ("template", .string(report.template.rawValue)),
            ("sections", .object(SectionKey.allCases.map { ($0.rawValue, .optional(report.sections[$0])) })),
        ]
        for table in ReportTable.allCases {
            members.append((table.rawValue, .object(report[table].rows.map { row in
                (row.key, .object(row.cells.map { ($0.column, .optional($0.value)) }))
            })))
        }
        members.append(("diagnostics", .array(report.diagnostics.sortedBySeverity().map { diagnostic in
            .object([
                ("severity", .string(diagnostic.severity.rawValue)),
                ("code", .string(diagnostic.code)),
                ("path", .optional(diagnostic.path)),
                ("message", .string(diagnostic.message)),
                ("source", .optional(diagnostic.location?.description)),
            ])
        })))
        return .object(members)
    }

    /// Pretty-printed JSON text with a trailing newline.
    public static func encode(_ report: Report, pretty: Bool = true) -> String {
        String(decoding: encodeUTF8(report, pretty: pretty), as: UTF8.self)
    }

    /// ``encode(_:pretty:)`` as UTF-8 bytes, for writing to a file without a `String` in between.
    public static func encodeUTF8(_ report: Report, pretty: Bool = true) -> [UInt8] {
        var bytes = value(report).serializedUTF8(pretty: pretty)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    /// Reads a report back from contract JSON.
    /// - Throws: ``ReportJSONError`` when the text is not JSON or not a `nianbao.report/1` object.
    public static func decode(_ data: Data) throws -> Report {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw ReportJSONError.notJSON(String(describing: error))
        }
        guard let root = object as? [String: Any] else { throw ReportJSONError.notAReport("the top level is not an object") }
        guard root["schema"] as? String == Report.schemaIdentifier else {
            throw ReportJSONError.notAReport("\"schema\" is not \"\(Report.schemaIdentifier)\"")
        }
        let sourceObject = root["source"] as? [String: Any] ?? [:]
        let source = SourceInfo(
            file: sourceObject["file"] as? String ?? "",
            format: (sourceObject["format"] as? String).flatMap(SourceFormat.init(rawValue:)) ?? .json,
            sha256: sourceObject["sha256"] as? String ?? "",
            encoding: sourceObject["encoding"] as? String)
        let template = (root["template"] as? String).flatMap(TemplateVersion.init(rawValue:)) ?? .unknown
        var report = Report(source: source, template: template)
        report.title = root["title"] as? String
        report.agency = root["agency"] as? String
        report.year = (root["year"] as? NSNumber)?.intValue
        report.published = root["published"] as? String
        if let sections = root["sections"] as? [String: Any] {
            for key in SectionKey.allCases {
                if let text = sections[key.rawValue] as? String { report.sections[key] = text }
            }
        }
        for table in ReportTable.allCases {
            let rows = root[table.rawValue] as? [String: Any] ?? [:]
            var values = report[table]
            for (row, column, _) in values.allCells {
                let cell = (rows[row] as? [String: Any])?[column]
                values[row, column] = (cell as? NSNumber).map(exactDecimal)
            }
            report[table] = values
        }
        for item in root["diagnostics"] as? [[String: Any]] ?? [] {
            guard let severity = (item["severity"] as? String).flatMap(Severity.init(rawValue:)),
                  let code = item["code"] as? String, let message = item["message"] as? String else { continue }
            report.diagnostics.append(Diagnostic(severity, code: code, path: item["path"] as? String, message: message,
                                                 location: (item["source"] as? String).flatMap(SourceLocation.init(parsing:))))
        }
        return report
    }
}

extension ReportJSON {
    /// The number as written: `JSONSerialization` holds fractions as `Double`, whose
    /// `decimalValue` shows binary rounding (`123456789012.35` → `123456789012.34999296`); the
    /// shortest decimal that reads back as the same `Double` is the one that was written.
    fileprivate static func exactDecimal(_ number: NSNumber) -> Decimal {
        let double = number.doubleValue
        if double.rounded() == double, abs(double) < 9e15 { return Decimal(number.int64Value) }
        return Decimal(string: "\(double)", locale: Locale(identifier: "en_US_POSIX")) ?? number.decimalValue
    }
}

/// Why JSON could not be read back as a report.
public enum ReportJSONError: Error, Sendable, CustomStringConvertible {
    /// The bytes are not JSON.
    case notJSON(String)
    /// The JSON is not a nianbao report.
    case notAReport(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .notJSON(let detail): "not valid JSON: \(detail)"
        case .notAReport(let detail): "not a nianbao report: \(detail)"
        }
    }
}

extension SourceLocation {
    /// Parses `"line 12"` or `"table 3, row 5, cell 2"` back into a location.
    public init?(parsing text: String) {
        self.init()
        var any = false
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ")
            guard words.count == 2, let number = Int(words[1]) else { continue }
            switch words[0] {
            case "line": line = number
            case "table": table = number
            case "row": row = number
            case "cell": cell = number
            default: continue
            }
            any = true
        }
        if !any { return nil }
    }
}
