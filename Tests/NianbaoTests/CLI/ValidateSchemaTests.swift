import Foundation
import Testing
@testable import NianbaoKit
import NianbaoWriters

/// Issue 13, case 5: `validate` checks JSON against the schema first, lists each null cell,
/// handles huge numbers, and tells unreadable input (exit 3) from rule breaks (exit 1).
@Suite("Validate: schema and missing values")
struct ValidateSchemaTests {
    /// Sample 001 as nianbao JSON, changed by `edit`, written to a temporary file.
    static func editedReport(in folder: URL, name: String, _ edit: (inout [String: Any]) -> Void) throws -> URL {
        let report = try Pipeline.convert(contentsOf: TestFiles.samplesDirectory.appendingPathComponent("001_73cfe548748cf452.txt"))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSON.encode(report).utf8)) as? [String: Any])
        edit(&object)
        let url = folder.appendingPathComponent(name)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return url
    }

    static func setCell(_ object: inout [String: Any], _ value: Any) {
        var requests = object["requests"] as? [String: Any] ?? [:]
        var granted = requests["granted"] as? [String: Any] ?? [:]
        granted["natural_person"] = value
        requests["granted"] = granted
        object["requests"] = requests
    }

    @Test func everyConvertedSampleMatchesTheSchema() throws {
        for stem in TestFiles.sampleStems {
            let report = try Pipeline.convert(contentsOf: TestFiles.samplesDirectory.appendingPathComponent(stem + ".txt"))
            #expect(SchemaCheck.problems(in: Data(ReportJSON.encode(report).utf8)) == [], "\(stem)")
        }
    }

    @Test func schemaBreaksAreNamedAndExitThree() throws {
        let folder = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noRequests = try Self.editedReport(in: folder, name: "no-requests.json") { $0["requests"] = nil }
        let text = try Self.editedReport(in: folder, name: "abc.json") { Self.setCell(&$0, "abc") }
        let unknown = try Self.editedReport(in: folder, name: "unknown.json") { $0["extra"] = 1 }
        for (file, expected) in [(noRequests, "the report: \"requests\" is missing"),
                                 (text, "requests.granted.natural_person: \"abc\" is not"),
                                 (unknown, "unknown key \"extra\"")] {
            guard let result = try CommandLineTests.run(["validate", file.path]) else { return }
            #expect(result.status == 3, "\(result.err)")
            #expect(result.err.contains("does not match the report schema"), "\(result.err)")
            #expect(result.err.contains(expected), "\(result.err)")
            #expect(!result.out.contains("✓ clean"))
        }
    }

    @Test func aHugeNumberIsOutOfRangeNotNaN() throws {
        let folder = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.editedReport(in: folder, name: "huge.json") { Self.setCell(&$0, 1e300) }
        guard let result = try CommandLineTests.run(["validate", file.path]) else { return }
        #expect(result.status == 3)
        #expect(result.err.contains("requests.granted.natural_person: 1e+300 is out of range"), "\(result.err)")
        #expect(!(result.out + result.err).contains("NaN"))
        #expect(!(result.out + result.err).contains("negative"))
    }

    @Test func eachNullCellIsListed() throws {
        let folder = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.editedReport(in: folder, name: "null.json") { Self.setCell(&$0, NSNull()) }
        guard let result = try CommandLineTests.run(["validate", file.path]) else { return }
        #expect(result.out.contains("value not given (null)   [requests.granted.natural_person]"), "\(result.out)")
        #expect(!result.out.contains("✓ clean"))
        guard let json = try CommandLineTests.run(["validate", file.path, "--format", "json"]) else { return }
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let reports = object?["reports"] as? [[String: Any]]
        let diagnostics = reports?.first?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { $0["path"] as? String == "requests.granted.natural_person" && $0["code"] as? String == "value.missing" })
    }

    @Test func unreadableInputExitsThreeAndBreaksExitOne() throws {
        let folder = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Rule breaks only: 1 (as `validateFlagsRuleBreaksWithExitOne` checks); a missing input: 3.
        guard let missing = try CommandLineTests.run(["validate", folder.appendingPathComponent("missing.json").path]) else { return }
        #expect(missing.status == 3)
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        guard let both = try CommandLineTests.run(["validate", empty.path, TestFiles.samplesDirectory.path]) else { return }
        #expect(both.status == 3)
        #expect(both.out.contains("unreadable 1"))
    }
}
