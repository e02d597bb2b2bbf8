import Foundation
import Testing
import NianbaoModel
import NianbaoOOXML
import NianbaoWriters
import NianbaoKit

/// DOCX renderings of the five samples (LibreOffice and pandoc, made by
/// `Scripts/make-docx-fixtures.sh`), any DOCX placed under `../shared/samples/docx/`, and the
/// round trips text → model → DOCX → model and model → JSON → model.
@Suite("DOCX samples and round trips")
struct DOCXSampleTests {
    static let producers = ["lo", "pandoc"]

    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "docx", subdirectory: "Fixtures/docx") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/docx/\(name).docx"])
        }
        return try Data(contentsOf: url)
    }

    static func mismatches(_ report: Report, stem: String) throws -> [String] {
        let comparison = try ExpectedComparison(actualJSON: Data(ReportJSON.encode(report).utf8), expectedJSON: try TestFiles.expected(stem))
        #expect(comparison.checks.count > 100)
        return comparison.mismatches.map(\.description)
    }

    @Test("each producer's DOCX of each sample scores every field", arguments: TestFiles.sampleStems, producers)
    func fixtureScores(stem: String, producer: String) throws {
        let data = try Self.fixture("\(stem).\(producer)")
        let report = try Pipeline.convert(data: data, fileName: "\(stem).docx", format: .docx)
        #expect(report.source.format == .docx)
        #expect(report.source.sha256.count == 64)
        let wrong = try Self.mismatches(report, stem: stem)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test("DOCX files placed under ../shared/samples/docx score the same")
    func sharedDOCXScore() throws {
        let folder = TestFiles.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/samples/docx")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        let docx = files.filter { $0.pathExtension == "docx" }
        if docx.isEmpty { print("no DOCX under \(folder.path) yet: nothing to score"); return }
        for file in docx {
            let stem = String(file.lastPathComponent.prefix { $0 != "." })
            guard TestFiles.sampleStems.contains(stem) else { continue }
            let report = try Pipeline.convert(contentsOf: file)
            let wrong = try Self.mismatches(report, stem: stem)
            #expect(wrong.isEmpty, "\(file.lastPathComponent): \(wrong.joined(separator: "\n"))")
        }
    }

    @Test("text → model → DOCX → model keeps values, metadata and prose", arguments: TestFiles.sampleStems)
    func docxRoundTrip(stem: String) throws {
        let original = try Pipeline.convert(data: try TestFiles.sample(stem), fileName: stem + ".txt", format: .text)
        let docx = try DOCXWriter.data(for: original)
        let again = try Pipeline.convert(data: docx, fileName: stem + ".docx", format: .docx)
        #expect(again.title == original.title)
        #expect(again.agency == original.agency)
        #expect(again.year == original.year)
        #expect(again.published == original.published)
        #expect(again.template == original.template)
        for section in SectionKey.allCases {
            #expect(again.sections[section] == original.sections[section], "section \(section.rawValue)")
        }
        for table in ReportTable.allCases {
            #expect(again[table] == original[table], "table \(table.rawValue)")
        }
        // The values also still score against the expected file.
        let wrong = try Self.mismatches(again, stem: stem)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test("every JSON output validates against `nianbao schema` (Python jsonschema)")
    func outputsValidateAgainstSchema() throws {
        let python = "/usr/bin/env"
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["python3", "-c", "import jsonschema"]
        probe.standardError = FileHandle.nullDevice
        do { try probe.run(); probe.waitUntilExit() } catch { print("python3 not found: schema check skipped"); return }
        guard probe.terminationStatus == 0 else { print("python3 jsonschema not installed: schema check skipped"); return }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("schema.json")
        try Data(ReportSchema.json.utf8).write(to: schema)
        for stem in TestFiles.sampleStems {
            let report = try Pipeline.convert(data: try TestFiles.sample(stem), fileName: stem + ".txt", format: .text)
            try Data(ReportJSON.encode(report).utf8).write(to: folder.appendingPathComponent("\(stem).json"))
            let docx = try Pipeline.convert(data: try Self.fixture("\(stem).lo"), fileName: stem + ".docx", format: .docx)
            try Data(ReportJSON.encode(docx).utf8).write(to: folder.appendingPathComponent("\(stem).docx.json"))
        }
        var unknown = Report(source: SourceInfo(file: "x.txt", format: .text, sha256: String(repeating: "0", count: 64)))
        unknown.diagnostics = [Diagnostic(.error, code: "template.unknown", message: "m")]
        try Data(ReportJSON.encode(unknown).utf8).write(to: folder.appendingPathComponent("unknown.json"))
        // A report read through LibreOffice: a legacy format and `source.converted_by`.
        var legacy = try Pipeline.convert(data: try TestFiles.sample(TestFiles.sampleStems[0]), fileName: "r.doc", format: .text)
        legacy.source.format = .doc
        legacy.source.convertedBy = "LibreOffice 7.4.7.2"
        try Data(ReportJSON.encode(legacy).utf8).write(to: folder.appendingPathComponent("legacy.json"))

        let run = Process()
        run.executableURL = URL(fileURLWithPath: python)
        run.arguments = ["python3", TestFiles.packageRoot.appendingPathComponent("Scripts/validate-json.py").path, schema.path, folder.path]
        let output = Pipe()
        run.standardOutput = output
        run.standardError = output
        try run.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0, "\(text)")
        #expect(text.contains("12 valid"), "\(text)")
    }
}
