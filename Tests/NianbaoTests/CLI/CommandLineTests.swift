import Foundation
import Testing
import NianbaoOOXML

/// End-to-end runs of the built `nianbao` executable (it sits beside the test bundle).
@Suite("Command line")
struct CommandLineTests {
    static var executable: URL? {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [folder, folder.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("nianbao")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    static func run(_ arguments: [String], executable other: URL? = nil, standardInput: String? = nil) throws -> (status: Int32, out: String, err: String)? {
        guard let executable = other ?? executable else { print("nianbao executable not built beside the tests: skipped"); return nil }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if standardInput != nil { process.standardInput = input }
        try process.run()
        if let standardInput {
            input.fileHandleForWriting.write(Data(standardInput.utf8))
            try input.fileHandleForWriting.close()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func convertSamplesToJSONAndCSV() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        guard let json = try Self.run(["convert", TestFiles.samplesDirectory.path, "--to", "json", "--out", out.path]) else { return }
        #expect(json.status == 0, "\(json.err)")
        #expect(json.out.contains("converted 5, failed 0"))
        for stem in TestFiles.sampleStems {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(stem).json").path))
        }
        guard let csv = try Self.run(["convert", TestFiles.samplesDirectory.path, "--to", "csv", "--out", out.path, "--bom"]) else { return }
        #expect(csv.status == 0, "\(csv.err)")
        let reports = try Data(contentsOf: out.appendingPathComponent("reports.csv"))
        #expect(reports.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: reports, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.count == 6)
    }

    @Test func undecodableDOCXGivesOneLineAndNothingFromLibxml2() throws {
        // Declared Shift_JIS, written UTF-8: libxml2 raises the conversion error outside any
        // parser context, which would print "encoding error : ..." lines of its own to stderr.
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("shift-jis.docx")
        let document = DOCX.documentXML("<w:p><w:r><w:t>正文尧</w:t></w:r></w:p>")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"Shift_JIS\"")
        var builder = ZipArchiveBuilder()
        builder.addEntry("_rels/.rels", text: DOCX.packageRels())
        builder.addEntry("word/document.xml", text: document)
        try builder.build().write(to: file)
        guard let result = try Self.run(["convert", file.path]) else { return }
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "\(result.err)")
        #expect(result.err.hasPrefix("nianbao: \(file.path): shift-jis.docx: word/document.xml: malformed XML: input conversion failed"),
                "\(result.err)")
    }

    @Test func unreadableSingleInputFailsWithItsName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        guard let result = try Self.run(["convert", empty.path]) else { return }
        #expect(result.status == 1)
        #expect(result.err.contains("empty.txt"))
        #expect(result.err.contains("empty"))
    }

    @Test func validateFlagsRuleBreaksWithExitOne() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Sample 001 with the 一、本年新收 total changed from 1 to 3: rules 1 and 2 break.
        var text = String(decoding: try TestFiles.sample("001_73cfe548748cf452"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\t1\u{00A0}\n\n\t二、上年结转", with: "\t3\u{00A0}\n\n\t二、上年结转")
        #expect(text.contains("\t3\u{00A0}\n\n\t二、上年结转"))
        let broken = folder.appendingPathComponent("broken.txt")
        try Data(text.utf8).write(to: broken)
        guard let clean = try Self.run(["validate", TestFiles.samplesDirectory.appendingPathComponent("001_73cfe548748cf452.txt").path]) else { return }
        #expect(clean.status == 0)
        #expect(clean.out.contains("clean 1, with breaks 0"))
        guard let result = try Self.run(["validate", broken.path]) else { return }
        #expect(result.status == 1)
        #expect(result.out.contains("requests.balance"))
        #expect(result.out.contains("requests.row_total"))
        #expect(result.out.contains("一+二 (3) ≠ 三(七) + 四 (1)"))
        guard let json = try Self.run(["validate", broken.path, "--format", "json"]) else { return }
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Any]
        #expect((summary?["with_breaks"] as? Int) == 1)
    }

    @Test func schemaCommandPrintsJSONSchema() throws {
        guard let result = try Self.run(["schema"]) else { return }
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any]
        #expect((object?["$schema"] as? String)?.contains("2020-12") == true)
    }
}
