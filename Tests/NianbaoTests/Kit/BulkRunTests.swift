import Foundation
import Testing
@testable import NianbaoKit

/// The package root (…/Tests/NianbaoTests/Kit/ → three levels up).
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func sampleTexts() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: packageRoot.appendingPathComponent("Samples"), includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
}

private func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bulk-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Reads `errors.csv` (no quoted commas in these file names) into its file column.
private func erroredFiles(_ url: URL) throws -> Set<String> {
    let text = try String(contentsOf: url, encoding: .utf8)
    let rows = text.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    return Set(rows.map { String($0.prefix { $0 != "," }) })
}

@Test func bulkRunLosesNothingAndResumes() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let input = root.appendingPathComponent("in"), output = root.appendingPathComponent("out")
    let samples = try sampleTexts()
    #expect(samples.count == 5)

    // 300 good inputs in two folders with the same names in both.
    for folder in ["a", "b"] {
        let dir = input.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for index in 0..<150 {
            try FileManager.default.copyItem(at: samples[index % samples.count], to: dir.appendingPathComponent("r\(index).txt"))
        }
    }
    // Broken inputs.
    let broken = input.appendingPathComponent("broken")
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    var expectedBroken: Set<String> = []
    func add(_ name: String, _ data: Data) throws {
        let url = broken.appendingPathComponent(name)
        try data.write(to: url)
        expectedBroken.insert(url.path)
    }
    try add("empty.txt", Data())
    try add("blank.txt", Data("   \n\t\n  \n".utf8))
    var random = SystemRandomNumberGenerator()
    try add("binary.txt", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }) + Data([0, 0, 0]))
    try add("not-a-report.txt", Data("新华社北京1月5日电 今天是个好天气，市民纷纷外出游玩。\n记者 张三\n".utf8))
    try add("truncated.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]))
    try add("title-only.txt", Data("某某局2020年政府信息公开工作年度报告\n".utf8))
    let unreadable = broken.appendingPathComponent("unreadable.txt")
    try FileManager.default.copyItem(at: samples[0], to: unreadable)
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: unreadable.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: unreadable.path) }
    let rootCanReadAnything = getuid() == 0
    if !rootCanReadAnything { expectedBroken.insert(unreadable.path) }
    let inputCount = 300 + 7

    let job = ConvertJob(paths: [input.path], format: .json, folder: output, jobs: 2)
    let first = try job.run()
    #expect(first.inputs == inputCount)
    #expect(first.summary.converted + first.summary.failed == inputCount)
    #expect(first.summary.failed == expectedBroken.count)
    #expect(try erroredFiles(output.appendingPathComponent("errors.csv")) == expectedBroken)
    // Same-named inputs in two folders keep their relative paths.
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("a/r7.json").path))
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("b/r7.json").path))

    // A second run with resume converts nothing new; the broken ones are listed again.
    let resumed = ConvertJob(paths: [input.path], format: .json, folder: output, jobs: 2, resume: true)
    let second = try resumed.run()
    #expect(second.summary.converted == 0)
    #expect(second.summary.skipped == first.summary.converted)
    #expect(second.summary.failed == expectedBroken.count)
    #expect(second.summary.total == inputCount)
}

@Test func pathsFromStandardInputAndMissingPathsAreAccountedFor() throws {
    let root = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let samples = try sampleTexts()
    let missing = root.appendingPathComponent("does-not-exist.txt").path
    let job = ConvertJob(paths: ["-"], format: .jsonl, folder: root.appendingPathComponent("out"))
    let outcome = try job.run(standardInput: { samples.map(\.path) + [missing] })
    #expect(outcome.inputs == 6)
    #expect(outcome.summary.converted == 5)
    #expect(outcome.failures.map(\.file) == [missing])
    let lines = try String(contentsOf: root.appendingPathComponent("out/reports.jsonl"), encoding: .utf8)
        .split(separator: "\n")
    #expect(lines.count == 5)
    // Deterministic order: sorted by input path.
    #expect(lines.first?.contains(samples[0].lastPathComponent) == true)
}
