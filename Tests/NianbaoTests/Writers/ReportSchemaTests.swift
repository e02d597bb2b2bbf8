import Foundation
import Testing
import NianbaoModel
import NianbaoWriters

@Suite("JSON Schema")
struct ReportSchemaTests {
    private func schemaObject() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(ReportSchema.json.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func schemaIsJSONAndCoversTheCatalog() throws {
        let schema = try schemaObject()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let required = try #require(schema["required"] as? [String])
        #expect(required == [
            "schema", "source", "title", "agency", "year", "published", "template", "sections",
            "active_disclosure", "requests", "review_litigation", "diagnostics",
        ])
        let defs = try #require(schema["$defs"] as? [String: Any])
        for template in [TemplateVersion.v2019, .v2021] {
            for table in ReportTable.allCases {
                let def = try #require(defs["\(table.rawValue)_\(template.rawValue)"] as? [String: Any])
                let rows = try #require(def["required"] as? [String])
                #expect(rows == TemplateCatalog.rows(table, template).map(\.key))
            }
        }
        #expect(ReportSchema.json.contains("本年收费金额（单位：万元）"), "labels kept as UTF-8")
        #expect(ReportSchema.json == ReportSchema.json, "deterministic")
        if let keep = ProcessInfo.processInfo.environment["NIANBAO_WRITERS_ARTIFACTS"] {
            try Data(ReportSchema.json.utf8).write(to: URL(fileURLWithPath: keep).appendingPathComponent("report.schema.json"))
        }
    }

    @Test(.enabled(if: WriterTools.python(with: ["jsonschema"]) != nil, "python3 with jsonschema not found"))
    func pythonValidatesReports() throws {
        let python = try #require(WriterTools.python(with: ["jsonschema"]))
        let script = WriterTools.packageRoot.appendingPathComponent("Scripts/validate-json.py").path
        let directory = try WriterTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schemaURL = directory.appendingPathComponent("schema.json")
        try Data(ReportSchema.json.utf8).write(to: schemaURL)

        // Valid: both templates, an unknown-template report, diagnostics with and without a path.
        let valid = directory.appendingPathComponent("valid")
        try FileManager.default.createDirectory(at: valid, withIntermediateDirectories: true)
        var report2019 = try WriterFixtures.report(WriterFixtures.stem2019)
        report2019.sections[.other] = nil
        report2019.diagnostics = [
            Diagnostic(.error, code: "requests.balance", path: "requests.carried_forward.total", message: "一+二 ≠ 三+四",
                       location: .line(214)),
            Diagnostic(.info, code: "value.derived", message: "derived"),
        ]
        let report2021 = try WriterFixtures.report(WriterFixtures.stem2021)
        var unknown = Report(source: SourceInfo(file: "x.docx", format: .docx, sha256: String(repeating: "a", count: 64)))
        unknown.title = nil
        for (name, report) in [("a", report2019), ("b", report2021), ("c", unknown)] {
            try WriterFixtures.contractJSON(report).write(to: valid.appendingPathComponent("\(name).json"))
        }
        let ok = try WriterTools.run(python, [script, schemaURL.path, valid.path])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.contains("3 valid"))

        // Invalid, one problem each.
        let invalid = directory.appendingPathComponent("invalid")
        try FileManager.default.createDirectory(at: invalid, withIntermediateDirectories: true)
        func mutate(_ name: String, _ report: Report, _ change: (inout [String: Any]) -> Void) throws {
            var object = try #require(try JSONSerialization.jsonObject(with: WriterFixtures.contractJSON(report)) as? [String: Any])
            change(&object)
            try JSONSerialization.data(withJSONObject: object).write(to: invalid.appendingPathComponent("\(name).json"))
        }
        try mutate("2021-key-in-2019", report2019) { object in
            var table = object["active_disclosure"] as? [String: Any] ?? [:]
            var row = table["regulations"] as? [String: Any] ?? [:]
            row["issued"] = 1
            table["regulations"] = row
            object["active_disclosure"] = table
        }
        try mutate("missing-row", report2021) { object in
            var table = object["requests"] as? [String: Any] ?? [:]
            table["other_misc"] = nil
            object["requests"] = table
        }
        try mutate("negative", report2019) { object in
            var table = object["review_litigation"] as? [String: Any] ?? [:]
            table["review"] = ["upheld": -1, "corrected": 0, "other": 0, "pending": 0, "total": 0]
            object["review_litigation"] = table
        }
        try mutate("bad-template", report2019) { $0["template"] = "2020" }
        try mutate("extra-key", report2021) { $0["extra"] = true }
        let bad = try WriterTools.run(python, [script, schemaURL.path, invalid.path])
        #expect(bad.status == 1, "\(bad.stdout)\(bad.stderr)")
        #expect(bad.stdout.contains("0 valid, 5 invalid"), "\(bad.stdout)")

        // change may be negative.
        #expect(report2019.activeDisclosure["punishment", "change"] == -16)
    }
}
