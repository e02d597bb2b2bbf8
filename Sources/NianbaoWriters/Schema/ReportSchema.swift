import NianbaoModel

/// The JSON Schema (draft 2020-12) of the report contract (`nianbao.report/1`), generated from
/// ``TemplateCatalog`` so that it cannot drift from the model.
///
/// What it pins down:
/// - every top-level key is required and no other key is allowed;
/// - `schema` is the constant `nianbao.report/1`; `template` is `2019`, `2021` or `unknown`;
/// - `sections` has exactly the six part keys, each a string or `null`;
/// - keyed on `template`, each statutory table has exactly that template's rows and each row
///   exactly its columns (`additionalProperties: false`); an `unknown` report has empty tables;
/// - values are numbers or `null`, non-negative except `active_disclosure.*.change`;
/// - `diagnostics` entries are `{severity, code, path, message, source}`.
public enum ReportSchema {
    /// The schema's `$id`.
    public static let identifier = "https://nianbao.invalid/schema/report-1.json"

    /// The dialect the schema is written in.
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// The schema as pretty-printed JSON text (UTF-8, two-space indent, trailing newline).
    public static var json: String { rendered }

    private static let rendered = root.rendered() + "\n"

    // MARK: - Building

    private static var root: SchemaNode {
        let topKeys = [
            "schema", "source", "title", "agency", "year", "published", "template", "sections",
            "active_disclosure", "requests", "review_litigation", "diagnostics",
        ]
        return .object([
            ("$schema", .string(dialect)),
            ("$id", .string(identifier)),
            ("title", "nianbao report"),
            ("description", .string("One government information-disclosure annual report (政府信息公开工作年度报告) in the nianbao contract, version 1. Generated from TemplateCatalog.")),
            ("type", "object"),
            ("required", .array(topKeys.map { .string($0) })),
            ("additionalProperties", .bool(false)),
            ("properties", .object([
                ("schema", .object([("const", .string(Report.schemaIdentifier))])),
                ("source", source),
                ("title", nullable("string", description: "The report's title, whitespace removed.")),
                ("agency", nullable("string", description: "The reporting agency.")),
                ("year", nullable("integer", description: "The year reported on, not the year published.")),
                ("published", .object([
                    ("description", "ISO date (yyyy-MM-dd) of the report's own date line."),
                    ("type", .array(["string", "null"])),
                    ("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                ])),
                ("template", .object([
                    ("description", "2019: 国办公开办函〔2019〕60号; 2021: 国办公开办函〔2021〕30号."),
                    ("enum", .array(TemplateVersion.allCases.map { .string($0.rawValue) })),
                ])),
                ("sections", sections),
                ("active_disclosure", tableStub(.activeDisclosure)),
                ("requests", tableStub(.requests)),
                ("review_litigation", tableStub(.reviewLitigation)),
                ("diagnostics", diagnostics),
            ])),
            ("allOf", .array(TemplateVersion.allCases.map(templateRule))),
            ("$defs", defs),
        ])
    }

    private static func nullable(_ type: String, description: String) -> SchemaNode {
        .object([("description", .string(description)), ("type", .array([.string(type), "null"]))])
    }

    private static var source: SchemaNode {
        .object([
            ("description", "About the input file."),
            ("type", "object"),
            ("required", .array(["file", "format", "sha256", "encoding"])),
            ("additionalProperties", .bool(false)),
            ("properties", .object([
                ("file", .object([("description", "The input's file name."), ("type", "string")])),
                ("format", .object([("enum", .array(SourceFormat.allCases.map { .string($0.rawValue) }))])),
                ("sha256", .object([
                    ("description", "Hex SHA-256 of the input bytes."),
                    ("type", "string"),
                    ("pattern", "^[0-9a-fA-F]{64}$"),
                ])),
                ("encoding", nullable("string", description: "The detected text encoding; null for formats that carry their own.")),
                ("converted_by", .object([
                    ("description", "The program that converted the input to DOCX before nianbao read it (\"LibreOffice 7.4.7.2\"); present only for inputs read through a conversion (.doc, .wps, .rtf, .odt)."),
                    ("type", "string"),
                ])),
            ])),
        ])
    }

    private static var sections: SchemaNode {
        let keys = SectionKey.allCases
        return .object([
            ("description", "Prose of each part, paragraphs joined by \"\\n\"; null when the part was not found."),
            ("type", "object"),
            ("required", .array(keys.map { .string($0.rawValue) })),
            ("additionalProperties", .bool(false)),
            ("properties", .object(keys.map { key in
                (key.rawValue, nullable("string", description: "\(chineseNumeral(key.number))、\(key.officialHeading)"))
            })),
        ])
    }

    private static func tableStub(_ table: ReportTable) -> SchemaNode {
        .object([
            ("description", .string("\(chineseNumeral(table.section.number))、\(table.section.officialHeading); rows and columns depend on template (see allOf).")),
            ("type", "object"),
        ])
    }

    private static var diagnostics: SchemaNode {
        .object([
            ("description", "Everything noticed while reading, recognising and validating; most severe first."),
            ("type", "array"),
            ("items", .object([
                ("type", "object"),
                ("required", .array(["severity", "code", "path", "message", "source"])),
                ("additionalProperties", .bool(false)),
                ("properties", .object([
                    ("severity", .object([("enum", .array(Severity.allCases.map { .string($0.rawValue) }))])),
                    ("code", .object([("type", "string")])),
                    ("path", nullable("string", description: "JSON path of the value concerned, dots between keys.")),
                    ("message", .object([("type", "string")])),
                    ("source", nullable("string", description: "Where in the input: \"line N\" or \"table T, row R, cell C\", after \"page P, \" in a PDF.")),
                ])),
            ])),
        ])
    }

    /// `if template == X then tables follow X's definitions`.
    private static func templateRule(_ template: TemplateVersion) -> SchemaNode {
        .object([
            ("if", .object([
                ("properties", .object([("template", .object([("const", .string(template.rawValue))]))])),
                ("required", .array(["template"])),
            ])),
            ("then", .object([
                ("properties", .object(ReportTable.allCases.map { table in
                    (table.rawValue, .object([("$ref", .string("#/$defs/\(defName(table, template))"))]))
                })),
            ])),
        ])
    }

    private static var defs: SchemaNode {
        var members: [(String, SchemaNode)] = [
            ("count", .object([
                ("description", "A whole non-negative number, or null where the source does not give it."),
                ("type", .array(["number", "null"])),
                ("minimum", .integer(0)),
            ])),
            ("signed", .object([
                ("description", "A signed number (本年增/减), or null."),
                ("type", .array(["number", "null"])),
            ])),
            ("money", .object([
                ("description", "An amount in 元 (yuan), or null."),
                ("type", .array(["number", "null"])),
                ("minimum", .integer(0)),
            ])),
        ]
        for template in TemplateVersion.allCases {
            for table in ReportTable.allCases {
                members.append((defName(table, template), tableDef(table, template)))
            }
        }
        return .object(members)
    }

    private static func defName(_ table: ReportTable, _ template: TemplateVersion) -> String {
        "\(table.rawValue)_\(template.rawValue)"
    }

    private static func tableDef(_ table: ReportTable, _ template: TemplateVersion) -> SchemaNode {
        let rows = TemplateCatalog.rows(table, template)
        guard !rows.isEmpty else {
            return .object([
                ("description", "A report of unknown template has no table values."),
                ("type", "object"),
                ("maxProperties", .integer(0)),
            ])
        }
        return .object([
            ("description", .string("\(chineseNumeral(table.section.number))、\(table.section.officialHeading) (template \(template.rawValue))")),
            ("type", "object"),
            ("required", .array(rows.map { .string($0.key) })),
            ("additionalProperties", .bool(false)),
            ("properties", .object(rows.map { row in (row.key, rowDef(row)) })),
        ])
    }

    private static func rowDef(_ row: RowSpec) -> SchemaNode {
        let label = [row.group, row.label].compactMap(\.self).joined(separator: " ")
        return .object([
            ("description", .string(label)),
            ("type", "object"),
            ("required", .array(row.columns.map { .string($0.key) })),
            ("additionalProperties", .bool(false)),
            ("properties", .object(row.columns.map { column in
                let kind = column.isSigned ? "signed" : column.isMoney ? "money" : "count"
                return (column.key, .object([
                    ("description", .string(column.label)),
                    ("$ref", .string("#/$defs/\(kind)")),
                ]))
            })),
        ])
    }

    private static func chineseNumeral(_ number: Int) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六"]
        return numerals.indices.contains(number - 1) ? numerals[number - 1] : String(number)
    }
}
