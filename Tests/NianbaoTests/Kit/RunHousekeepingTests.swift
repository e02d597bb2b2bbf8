import Foundation
import Testing
@testable import NianbaoKit
import NianbaoModel

/// Issue 13, case 8: stale temporary files, `--resume` on cut-off outputs, a second run's
/// `errors.csv` and reports with no values counted apart.
@Suite("Run housekeeping")
struct RunHousekeepingTests {
    static let uuid = "0F2B8C1E-3D4A-4B5C-8D6E-7F8091A2B3C4"

    @Test func temporaryFilesOfAnInterruptedRunAreRemoved() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let stale = [out.appendingPathComponent(".reports.jsonl.\(Self.uuid).tmp"),
                     out.appendingPathComponent("sub/.r.json.\(Self.uuid)-17.tmp")]
        for url in stale { try Data(repeating: 0x41, count: 1000).write(to: url) }
        let keep = out.appendingPathComponent(".keep")
        try Data().write(to: keep)
        let outcome = try ConvertJob(paths: [TestFiles.samplesDirectory.path], format: .json, folder: out, jobs: 2).run()
        #expect(outcome.staleTemporariesRemoved == 2)
        for url in stale { #expect(!FileManager.default.fileExists(atPath: url.path)) }
        #expect(FileManager.default.fileExists(atPath: keep.path))
        #expect(RunHousekeeping.isTemporaryName(".values.csv.\(Self.uuid).tmp"))
        #expect(!RunHousekeeping.isTemporaryName(".notes.tmp"))
    }

    @Test func resumeConvertsEmptyAndCutOffOutputsAgain() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("out")
        let first = try ConvertJob(paths: [TestFiles.samplesDirectory.path], format: .json, folder: out, jobs: 2).run()
        #expect(first.summary.converted == 5)
        let stems = TestFiles.sampleStems
        let whole = try Data(contentsOf: out.appendingPathComponent(stems[0] + ".json"))
        try Data().write(to: out.appendingPathComponent(stems[0] + ".json"))
        try whole.prefix(whole.count / 2).write(to: out.appendingPathComponent(stems[1] + ".json"))
        let resumed = try ConvertJob(paths: [TestFiles.samplesDirectory.path], format: .json, folder: out, jobs: 2, resume: true).run()
        #expect(resumed.summary.converted == 2)
        #expect(resumed.summary.skipped == 3)
        #expect(try Data(contentsOf: out.appendingPathComponent(stems[0] + ".json")) == whole)
    }

    @Test func aSecondRunKeepsTheFirstRunsErrorList() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in"), out = root.appendingPathComponent("out")
        try OutputSafetyTests.put(OutputSafetyTests.sampleText, at: input.appendingPathComponent("good.txt"))
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        let first = try ConvertJob(paths: [input.path], format: .json, folder: out).run()
        #expect(first.previousFailures == nil)
        let second = try ConvertJob(paths: [input.path], format: .json, folder: out).run()
        #expect(second.previousFailures == 1)
        let previous = try String(contentsOf: out.appendingPathComponent("errors.previous.csv"), encoding: .utf8)
        #expect(previous.contains("empty.txt"))
        let current = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(current.contains("empty.txt"))
        // The first run's list is not an input of a later folder run.
        #expect(InputCollector.gather([out.path], extensions: ["json"]).problems.isEmpty)
    }

    @Test func aReportWithNoValuesIsCountedApart() throws {
        let root = try OutputSafetyTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        // Sample 001 with every digit from part 二 on removed: a report, every value null.
        let text = String(decoding: try TestFiles.sample("001_73cfe548748cf452"), as: UTF8.self)
        let start = try #require(text.range(of: "二、"))
        let blank = String(text[..<start.lowerBound]) + text[start.lowerBound...].filter { !("0"..."9").contains($0) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data(blank.utf8).write(to: input.appendingPathComponent("blank.txt"))
        try OutputSafetyTests.put(OutputSafetyTests.sampleText, at: input.appendingPathComponent("good.txt"))
        let outcome = try ConvertJob(paths: [input.path], format: .json, folder: root.appendingPathComponent("out")).run()
        #expect(outcome.summary.converted == 1)
        #expect(outcome.summary.noValues == 1)
        #expect(outcome.summary.total == 2)
        guard let result = try CommandLineTests.run(["convert", input.path, "--out", root.appendingPathComponent("cli").path]) else { return }
        #expect(result.out.contains("converted 1, no values found 1, failed 0"), "\(result.out)")
    }
}
