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
            ] + (report.source.convertedBy.map { [("converted_by", .string($0))] } ?? []))),
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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(estimatedSize(report, pretty: pretty))
        append(report, pretty: pretty, to: &bytes)
        return bytes
    }

    /// Appends ``encodeUTF8(_:pretty:)`` to `output` (for a buffer reused across reports, or a
    /// streaming file's buffer).
    ///
    /// The bytes are those of ``value(_:)`` serialised by ``JSONValue/serializedUTF8(pretty:)``
    /// (plus the newline of pretty output), written straight into the buffer without building the
    /// value tree.
    public static func append(_ report: Report, pretty: Bool = true, to output: inout [UInt8]) {
        var emitter = JSONEmitter(pretty: pretty, capacity: 0)
        swap(&emitter.output, &output)
        defer { swap(&emitter.output, &output) }
        writeReport(report, into: &emitter)
        if pretty { emitter.output.append(UInt8(ascii: "\n")) }
    }

    /// Every severity, most severe first.
    private static let severityOrder = Severity.allCases.sorted()

    /// A capacity that holds most reports' JSON without growing: the prose plus room for the tables.
    private static func estimatedSize(_ report: Report, pretty: Bool) -> Int {
        var prose = 0
        for text in report.sections.values { prose += text.utf8.count }
        return prose + (pretty ? 12_288 : 6_144) + 256 * report.diagnostics.count
    }

    private static func writeReport(_ report: Report, into json: inout JSONEmitter) {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        json.open(open)
        json.key(literal: "\"schema\"")
        json.string(Report.schemaIdentifier)
        json.key(literal: "\"source\"")
        json.open(open)
        json.key(literal: "\"file\"")
        json.string(report.source.file)
        json.key(literal: "\"format\"")
        json.string(report.source.format.rawValue)
        json.key(literal: "\"sha256\"")
        json.string(report.source.sha256)
        json.key(literal: "\"encoding\"")
        json.string(report.source.encoding)
        if let convertedBy = report.source.convertedBy {
            json.key(literal: "\"converted_by\"")
            json.string(convertedBy)
        }
        json.close(close)
        json.key(literal: "\"title\"")
        json.string(report.title)
        json.key(literal: "\"agency\"")
        json.string(report.agency)
        json.key(literal: "\"year\"")
        if let year = report.year { json.output.append(contentsOf: JSONValue.format(Decimal(year)).utf8) } else { json.null() }
        json.key(literal: "\"published\"")
        json.string(report.published)
        json.key(literal: "\"template\"")
        json.string(report.template.rawValue)
        json.key(literal: "\"sections\"")
        json.open(open)
        for section in SectionKey.allCases {
            json.key(section.rawValue)
            json.string(report.sections[section])
        }
        json.close(close)
        for table in ReportTable.allCases {
            json.key(table.rawValue)
            json.open(open)
            for row in report[table].rows {
                json.key(row.key)
                json.open(open)
                for cell in row.cells {
                    json.key(cell.column)
                    if let value = cell.value {
                        JSONBytes.appendNumber(value, into: &json.output)
                    } else {
                        json.null()
                    }
                }
                json.close(close)
            }
            json.close(close)
        }
        json.key(literal: "\"diagnostics\"")
        json.open(UInt8(ascii: "["))
        // Most severe first, in their order within a severity (`sortedBySeverity()`).
        for severity in severityOrder {
            for diagnostic in report.diagnostics where diagnostic.severity == severity {
                json.item()
                json.open(open)
                json.key(literal: "\"severity\"")
                json.string(diagnostic.severity.rawValue)
                json.key(literal: "\"code\"")
                json.string(diagnostic.code)
                json.key(literal: "\"path\"")
                json.string(diagnostic.path)
                json.key(literal: "\"message\"")
                json.string(diagnostic.message)
                json.key(literal: "\"source\"")
                if let location = diagnostic.location { JSONBytes.quoteLocation(location, into: &json.output) } else { json.null() }
                json.close(close)
            }
        }
        json.close(UInt8(ascii: "]"))
        json.close(close)
    }

    /// Reads a report back from contract JSON.
    /// - Throws: ``ReportJSONError`` when the text is not JSON or not a `nianbao.report/1` object.
    public static func decode(_ data: Data) throws -> Report {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            // Foundation's reason ("Invalid value around character 1."), not its whole error.
            let reason = (error as NSError).userInfo["NSDebugDescription"] as? String ?? (error as NSError).localizedDescription
            throw ReportJSONError.notJSON(reason)
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
            encoding: sourceObject["encoding"] as? String,
            convertedBy: sourceObject["converted_by"] as? String)
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
            case "page": page = number
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
