import Foundation
import Testing
import NianbaoModel
import NianbaoWriters
@testable import NianbaoKit

/// Legacy inputs: the samples saved by LibreOffice as `.doc`, `.rtf`, `.odt`, `.docm` and `.dotx`
/// (`Scripts/make-legacy-fixtures.sh`), converted back by LibreOffice in bulk and scored; the
/// format checks, password-protected files, a missing LibreOffice, hangs and crashes (a fake
/// `soffice`), and a 50-file bulk run with broken files.
enum LegacyFixtures {
    /// `soffice` or `libreoffice` on `PATH` (or `NIANBAO_SOFFICE`).
    static let libreOffice: String? = {
        if case .success(let path) = LibreOffice.locate(in: ProcessInfo.processInfo.environment) { return path }
        print("LibreOffice (soffice) is not installed: the legacy .doc/.rtf/.odt conversion tests are skipped (apt-get install --no-install-recommends libreoffice-writer)")
        return nil
    }()
    static var hasLibreOffice: Bool { libreOffice != nil }

    static func url(_ stem: String, _ ext: String, lo: Bool = true) throws -> URL {
        guard let url = Bundle.module.url(forResource: lo ? "\(stem).lo" : stem, withExtension: ext, subdirectory: "Fixtures/legacy") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/legacy/\(stem).lo.\(ext)"])
        }
        return url
    }

    static func folder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-legacy-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The 15 `.doc`/`.rtf`/`.odt` fixtures converted in one bulk run (one LibreOffice process per
    /// job), keyed by file name.
    static let converted: [String: Result<Report, ConversionError>] = {
        guard hasLibreOffice else { return [:] }
        var items: [InputItem] = []
        for stem in TestFiles.sampleStems {
            for ext in ["doc", "rtf", "odt"] {
                if let url = try? url(stem, ext) { items.append(InputItem(url: url, outputStem: "\(stem).\(ext)")) }
            }
        }
        var results: [String: Result<Report, ConversionError>] = [:]
        _ = BatchConverter(jobs: 2).run(items, work: { _, _ in }, ordered: { results[$0.item.url.lastPathComponent] = $0.result })
        return results
    }()

    /// `data` with its `WordDocument` directory entry renamed `EncryptionInfo`: the directory of
    /// an encrypted OOXML file (`Fixtures/legacy/encrypted.docx` is a real one, by msoffcrypto-tool).
    static func withEncryptionInfo(_ data: Data) -> Data {
        var bytes = [UInt8](data)
        let name: [UInt8] = Array("WordDocument".utf16).flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        guard let start = (0...(bytes.count - name.count)).first(where: { bytes[$0..<($0 + name.count)].elementsEqual(name) }) else { return data }
        let replacement: [UInt8] = Array("EncryptionInfo".utf16).flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] } + [0, 0]
        bytes.replaceSubrange(start..<(start + replacement.count), with: replacement)
        bytes[start + 64] = UInt8(replacement.count)
        return Data(bytes)
    }

    /// `data` with the FIB's `fEncrypted` flag set (a password-protected Word 97–2003 file).
    static func withEncryptedFlag(_ data: Data) throws -> Data {
        let file = try #require(CompoundFile(data))
        let entry = try #require(file.entries.first { $0.name == "WordDocument" })
        var bytes = [UInt8](data)
        let offset = (Int(entry.startSector) + 1) << 9
        #expect(bytes[offset] == 0xEC && bytes[offset + 1] == 0xA5)
        bytes[offset + 0x0B] |= 0x01
        return Data(bytes)
    }

    /// A fake `soffice`: `--version` answers; a file containing HANG sleeps, CRASH dies of
    /// SIGSEGV, anything else becomes a copy of `FAKE_DOCX`. Every file it is given is logged.
    static func fakeSoffice(in folder: URL) throws -> String {
        let script = folder.appendingPathComponent("soffice")
        try """
        #!/bin/sh
        for arg in "$@"; do [ "$arg" = --version ] && { echo "LibreOffice 9.9.9.9 fake"; exit 0; }; done
        [ -n "$FAKE_TMPDIR_LOG" ] && echo "$TMPDIR" >> "$FAKE_TMPDIR_LOG"
        out=
        while [ $# -gt 0 ]; do
            case "$1" in
                --outdir) out=$2; shift 2 ;;
                --convert-to) shift 2 ;;
                -*) shift ;;
                *) echo "$1" >> "$FAKE_LOG"
                   if grep -q HANG "$1"; then sleep 600; fi
                   if grep -q CRASH "$1"; then kill -SEGV $$; fi
                   name=$(basename "$1"); cp "$FAKE_DOCX" "$out/${name%.*}.docx"; shift ;;
            esac
        done
        """.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    /// Processes (other than this one) whose environment holds `marker`.
    static func processes(withMarker marker: String) -> [String] {
        let mine = String(getpid())
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) && $0 != mine }.filter { pid in
            guard let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environ.range(of: Data(marker.utf8)) != nil
        }
    }
}

@Suite("Legacy formats through LibreOffice")
struct LegacyConversionTests {
    @Test("each LibreOffice rendering (.doc, .rtf, .odt) of each sample scores every field",
          .enabled(if: LegacyFixtures.hasLibreOffice, "LibreOffice (soffice) is not installed"),
          arguments: TestFiles.sampleStems, ["doc", "rtf", "odt"])
    func legacyFixtureScores(stem: String, ext: String) throws {
        let result = try #require(LegacyFixtures.converted["\(stem).lo.\(ext)"])
        let report = try result.get()
        #expect(report.source.format.rawValue == ext)
        #expect(report.source.file == "\(stem).lo.\(ext)")
        #expect(report.source.convertedBy?.hasPrefix("LibreOffice ") == true)
        // The SHA-256 is of the original file, not of the converted DOCX.
        #expect(report.source.sha256 == (try sha256sum(LegacyFixtures.url(stem, ext))))
        let wrong = try DOCXSampleTests.mismatches(report, stem: stem)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        let json = ReportJSON.encode(report)
        #expect(json.contains("\"converted_by\": \"LibreOffice "))
        #expect(try ReportJSON.decode(Data(json.utf8)).source.convertedBy == report.source.convertedBy)
    }

    @Test("macro-enabled documents and templates (.docm, .dotx) are read directly and score every field",
          arguments: TestFiles.sampleStems, ["docm", "dotx"])
    func ooxmlVariantsScore(stem: String, ext: String) throws {
        let url = try LegacyFixtures.url(stem, ext)
        let options = LegacyOptions(environment: ["PATH": "/nonexistent"])
        var results: [Result<Report, ConversionError>] = []
        _ = BatchConverter(jobs: 1, window: 4).with(legacy: options)
            .run([InputItem(url: url, outputStem: stem)], work: { _, _ in }, ordered: { results.append($0.result) })
        let report = try #require(results.first).get()
        #expect(report.source.format == .docx)
        #expect(report.source.convertedBy == nil)
        let wrong = try DOCXSampleTests.mismatches(report, stem: stem)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test("formats are told by content: OLE Word, WPS, RTF, ODT, OOXML named .doc, encrypted files")
    func kinds() throws {
        let stem = TestFiles.sampleStems[0]
        let doc = try Data(contentsOf: LegacyFixtures.url(stem, "doc"))
        let rtf = try Data(contentsOf: LegacyFixtures.url(stem, "rtf"))
        let odt = try Data(contentsOf: LegacyFixtures.url(stem, "odt"))
        let docx = try DOCXSampleTests.fixture("\(stem).lo")
        #expect(LegacyConversion.kind(of: doc, lowercasedExtension: "doc") == .convert(.doc, temporaryExtension: "doc"))
        #expect(LegacyConversion.kind(of: doc, lowercasedExtension: "wps") == .convert(.wps, temporaryExtension: "doc"))
        #expect(LegacyConversion.kind(of: doc, lowercasedExtension: "txt") == .convert(.doc, temporaryExtension: "doc"))
        #expect(LegacyConversion.kind(of: rtf, lowercasedExtension: "doc") == .convert(.rtf, temporaryExtension: "rtf"))
        #expect(LegacyConversion.kind(of: odt, lowercasedExtension: "zip") == .convert(.odt, temporaryExtension: "odt"))
        #expect(LegacyConversion.kind(of: docx, lowercasedExtension: "doc") == .notLegacy)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "a.doc"), data: docx) == .docx)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "a.docx"), data: doc) == .doc)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "a.wps"), data: doc) == .wps)
        #expect(Pipeline.format(of: URL(fileURLWithPath: "a.txt"), data: rtf) == .rtf)
        let directory = try #require(CompoundFile(doc))
        #expect(directory.contains("WordDocument") && directory.contains("1Table"))
        if case .encrypted = LegacyConversion.kind(of: LegacyFixtures.withEncryptionInfo(doc), lowercasedExtension: "docx") {} else {
            Issue.record("EncryptionInfo not seen")
        }
        if case .encrypted = LegacyConversion.kind(of: try LegacyFixtures.withEncryptedFlag(doc), lowercasedExtension: "doc") {} else {
            Issue.record("the FIB's fEncrypted flag not seen")
        }
        // Damaged compound files: no crash, a clear refusal or LibreOffice's turn.
        for cut in [512, 1024, 4096, doc.count / 2] {
            _ = LegacyConversion.kind(of: doc.prefix(cut), lowercasedExtension: "doc")
            if case .convert = LegacyConversion.kind(of: doc.prefix(cut), lowercasedExtension: "xls") { Issue.record("a cut OLE file named .xls is sent to LibreOffice") }
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var bytes = [UInt8](doc)
            for _ in 0..<16 { bytes[Int.random(in: 0..<2048, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            _ = LegacyConversion.kind(of: Data(bytes), lowercasedExtension: "doc")
        }
    }

    @Test("password-protected .doc and .docx: a clear error, never sent to LibreOffice")
    func encryptedFilesAreRefused() throws {
        let root = try LegacyFixtures.folder("encrypted")
        defer { try? FileManager.default.removeItem(at: root) }
        let doc = try Data(contentsOf: LegacyFixtures.url(TestFiles.sampleStems[0], "doc"))
        let files = [("locked.doc", try LegacyFixtures.withEncryptedFlag(doc)), ("locked.docx", LegacyFixtures.withEncryptionInfo(doc)),
                     ("locked-too.doc", LegacyFixtures.withEncryptionInfo(doc)),
                     ("encrypted.docx", try Data(contentsOf: LegacyFixtures.url("encrypted", "docx", lo: false)))]
        var items: [InputItem] = []
        for (name, data) in files {
            let url = root.appendingPathComponent(name)
            try data.write(to: url)
            items.append(InputItem(url: url, outputStem: name))
        }
        let log = root.appendingPathComponent("soffice.log")
        let fake = try LegacyFixtures.fakeSoffice(in: root)
        let options = LegacyOptions(environment: ["NIANBAO_SOFFICE": fake, "FAKE_LOG": log.path, "PATH": "/usr/bin:/bin"],
                                    temporaryFolder: root.appendingPathComponent("tmp"))
        var messages: [String] = []
        let summary = BatchConverter(jobs: 2).with(legacy: options).run(items, work: { _, _ in }, ordered: { outcome in
            if case .failure(let error) = outcome.result { messages.append(error.message) }
        })
        #expect(summary.failed == 4)
        #expect(messages.count == 4 && messages.allSatisfy { $0.contains("password-protected") }, "\(messages)")
        #expect(!FileManager.default.fileExists(atPath: log.path), "LibreOffice was given an encrypted file")
        // One file at a time too.
        #expect(throws: ConversionError.self) { try Pipeline.convert(contentsOf: items[1].url) }
        do {
            _ = try Pipeline.convert(contentsOf: items[0].url)
        } catch let error as ConversionError {
            #expect(error.message.contains("password-protected"))
        }
    }

    @Test("without LibreOffice each legacy file is listed in errors.csv with the package to install")
    func missingLibreOfficeIsNamed() throws {
        let root = try LegacyFixtures.folder("missing")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for ext in ["doc", "rtf", "odt"] {
            try FileManager.default.copyItem(at: LegacyFixtures.url(TestFiles.sampleStems[1], ext), to: input.appendingPathComponent("r.\(ext)"))
        }
        try FileManager.default.copyItem(at: TestFiles.samplesDirectory.appendingPathComponent(TestFiles.sampleStems[1] + ".txt"),
                                         to: input.appendingPathComponent("r.txt"))
        var job = ConvertJob(paths: [input.path], format: .json, folder: root.appendingPathComponent("out"), jobs: 2)
        job.legacy = LegacyOptions(environment: ["PATH": root.appendingPathComponent("empty").path])
        let outcome = try job.run()
        #expect(outcome.summary.converted == 1)
        #expect(outcome.summary.failed == 3)
        let errors = try String(contentsOf: root.appendingPathComponent("out/errors.csv"), encoding: .utf8)
        for ext in ["doc", "rtf", "odt"] {
            let line = errors.components(separatedBy: "\r\n").first { $0.contains("r.\(ext),") } ?? ""
            #expect(line.contains("libreoffice-writer") && line.contains("NIANBAO_SOFFICE"), "\(line)")
        }
    }

    /// R7: LibreOffice's `TMPDIR` is inside its batch folder, so what it leaves there (`lu*.tmp`)
    /// goes with the batch; the run's folder is empty afterwards.
    @Test("LibreOffice's TMPDIR is inside the batch folder")
    func temporaryFolderInsideTheBatch() throws {
        let root = try LegacyFixtures.folder("tmpdir")
        defer { try? FileManager.default.removeItem(at: root) }
        let docx = try #require(Bundle.module.url(forResource: "\(TestFiles.sampleStems[2]).lo", withExtension: "docx", subdirectory: "Fixtures/docx"))
        let input = root.appendingPathComponent("f.rtf")
        try Data("{\\rtf1 ok}".utf8).write(to: input)
        let temporary = root.appendingPathComponent("tmp")
        let log = root.appendingPathComponent("tmpdir.log")
        let environment = ["NIANBAO_SOFFICE": try LegacyFixtures.fakeSoffice(in: root), "FAKE_DOCX": docx.path,
                           "FAKE_LOG": root.appendingPathComponent("soffice.log").path, "FAKE_TMPDIR_LOG": log.path, "PATH": "/usr/bin:/bin"]
        let options = LegacyOptions(environment: environment, temporaryFolder: temporary)
        let summary = BatchConverter(jobs: 1).with(legacy: options).run([InputItem(url: input, outputStem: "f")], work: { _, _ in }, ordered: { _ in })
        #expect(summary.converted == 1)
        let logged = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(logged.count == 1)
        #expect(logged.allSatisfy { $0.hasPrefix(temporary.path + "/") && $0.contains("/batch-") && $0.hasSuffix("/tmp") }, "\(logged)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).isEmpty)
    }

    /// R7: the socket LibreOffice makes in `/tmp` for a profile, named as LibreOffice 7.4 named it
    /// for `-env:UserInstallation=file:///tmp/r7test/profile/` (seen with `ls /tmp` while it ran;
    /// the trailing `/` makes no difference; hex bytes without leading zeros).
    @Test("the name of LibreOffice's /tmp socket for a profile")
    func officePipeName() {
        let expected = "/tmp/OSL_PIPE_\(getuid())_SingleOfficeIPC_453a37f16d8261735f25f2772b5ba8a"
        #expect(LegacyRun.officePipe(profile: "file:///tmp/r7test/profile/") == expected)
        #expect(LegacyRun.officePipe(profile: "file:///tmp/r7test/profile") == expected)
    }

    /// R7: a LibreOffice killed on a file it hangs on (R4's nested RTF) leaves its
    /// `/tmp/OSL_PIPE_…` socket; nianbao removes it with the batch. The `soffice` given is a
    /// wrapper that logs the profile and runs the real one.
    @Test("a killed LibreOffice's /tmp socket and temporary files are removed",
          .enabled(if: LegacyFixtures.hasLibreOffice, "LibreOffice (soffice) is not installed"))
    func killedOfficeLeavesNoSocket() throws {
        let root = try LegacyFixtures.folder("pipe")
        defer { try? FileManager.default.removeItem(at: root) }
        let real = try #require(LegacyFixtures.libreOffice)
        let log = root.appendingPathComponent("arguments.log")
        let wrapper = root.appendingPathComponent("soffice")
        try "#!/bin/sh\necho \"$1\" >> '\(log.path)'\nexec '\(real)' \"$@\"\n".write(to: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper.path)
        let input = root.appendingPathComponent("hang.rtf")
        try Data(("{\\rtf1\\ansi " + String(repeating: "{\\b ", count: 200_000) + "x" + String(repeating: "}", count: 200_000) + "}").utf8).write(to: input)
        var environment = ProcessInfo.processInfo.environment
        environment["NIANBAO_SOFFICE"] = wrapper.path
        let temporary = root.appendingPathComponent("tmp")
        let options = LegacyOptions(environment: environment, secondsPerFile: 8, startupSeconds: 4, temporaryFolder: temporary)
        var failure = ""
        let summary = BatchConverter(jobs: 1).with(legacy: options).run([InputItem(url: input, outputStem: "hang")], work: { _, _ in }, ordered: {
            if case .failure(let error) = $0.result { failure = error.message }
        })
        #expect(summary.failed == 1)
        #expect(failure.contains("did not finish"), "\(failure)")
        let profiles = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasPrefix("-env:UserInstallation=") }.map { String($0.dropFirst(22)) }
        #expect(!profiles.isEmpty)
        for profile in profiles {
            let pipe = LegacyRun.officePipe(profile: profile)
            #expect(!FileManager.default.fileExists(atPath: pipe), "\(pipe) left for \(profile)")
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).isEmpty)
    }

    @Test("a file that hangs or crashes LibreOffice is retried alone, then listed; the batch goes on; nothing is left behind")
    func hangsAndCrashesAreContained() throws {
        let root = try LegacyFixtures.folder("hang")
        defer { try? FileManager.default.removeItem(at: root) }
        let docx = try #require(Bundle.module.url(forResource: "\(TestFiles.sampleStems[2]).lo", withExtension: "docx", subdirectory: "Fixtures/docx"))
        let contents = ["ok", "ok", "HANG", "ok", "CRASH", "ok"]
        var items: [InputItem] = []
        for (index, content) in contents.enumerated() {
            let url = root.appendingPathComponent("f\(index).rtf")
            try Data("{\\rtf1 \(content)}".utf8).write(to: url)
            items.append(InputItem(url: url, outputStem: "f\(index)"))
        }
        let marker = "NIANBAO_TEST_MARKER=\(UUID().uuidString)"
        let temporary = root.appendingPathComponent("tmp")
        let log = root.appendingPathComponent("soffice.log")
        var environment = ["NIANBAO_SOFFICE": try LegacyFixtures.fakeSoffice(in: root), "FAKE_DOCX": docx.path,
                           "FAKE_LOG": log.path, "PATH": "/usr/bin:/bin"]
        environment["NIANBAO_TEST_MARKER"] = String(marker.dropFirst("NIANBAO_TEST_MARKER=".count))
        let options = LegacyOptions(environment: environment, secondsPerFile: 1.5, startupSeconds: 0, temporaryFolder: temporary)
        var outcomes: [String: Result<Report, ConversionError>] = [:]
        let started = Date()
        let summary = BatchConverter(jobs: 1).with(legacy: options).run(items, work: { _, _ in }, ordered: {
            outcomes[$0.item.url.lastPathComponent] = $0.result
        })
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(summary.converted == 4)
        #expect(summary.failed == 2)
        let hang = outcomes["f2.rtf"].flatMap { if case .failure(let error) = $0 { error.message } else { nil } } ?? ""
        let crash = outcomes["f4.rtf"].flatMap { if case .failure(let error) = $0 { error.message } else { nil } } ?? ""
        #expect(hang.contains("did not finish") && hang.contains("alone"), "\(hang)")
        #expect(crash.contains("crashed") && crash.contains("signal 11"), "\(crash)")
        let report = try #require(try outcomes["f0.rtf"]?.get())
        #expect(report.source.format == .rtf)
        #expect(report.source.convertedBy == "LibreOffice 9.9.9.9")
        // The hanging and crashing files were each tried twice (in the batch, then alone); the rest once.
        let given = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").count
        #expect(given == 8)
        #expect(LegacyFixtures.processes(withMarker: marker).isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).isEmpty)
    }

    @Test("a dead run's temporary folder is removed by the next run")
    func deadRunsAreCleaned() throws {
        let root = try LegacyFixtures.folder("dead")
        defer { try? FileManager.default.removeItem(at: root) }
        // A pid that does not exist: past the kernel's pid_max.
        let dead = root.appendingPathComponent("99999999-deadbeef/batch-1/profile")
        try FileManager.default.createDirectory(at: dead, withIntermediateDirectories: true)
        let alive = root.appendingPathComponent("1-alive")
        try FileManager.default.createDirectory(at: alive, withIntermediateDirectories: true)
        LegacyRun.removeDeadRuns(in: root)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("99999999-deadbeef").path))
        #expect(FileManager.default.fileExists(atPath: alive.path))
    }

    @Test("50 mixed legacy files with 2 broken ones: 48 converted, 2 listed, no process or temporary file left",
          .enabled(if: LegacyFixtures.hasLibreOffice, "LibreOffice (soffice) is not installed"))
    func bulkLegacyRun() throws {
        let root = try LegacyFixtures.folder("bulk")
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let formats = ["doc", "rtf", "odt"]
        for index in 0..<48 {
            let ext = formats[index % 3], stem = TestFiles.sampleStems[(index / 3) % 5]
            let name = index % 4 == 1 && ext == "doc" ? "r\(index).wps" : "r\(index).\(ext)"
            // The last three in a subfolder: source.file keeps the path relative to the folder given.
            let folder = index >= 45 ? input.appendingPathComponent("sub") : input
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: LegacyFixtures.url(stem, ext), to: folder.appendingPathComponent(name))
        }
        let doc = try Data(contentsOf: LegacyFixtures.url(TestFiles.sampleStems[0], "doc"))
        try doc.prefix(3000).write(to: input.appendingPathComponent("broken-cut.doc"))
        try Data("这不是一份报告。\n".utf8).write(to: input.appendingPathComponent("broken-text.rtf"))
        let marker = UUID().uuidString
        var environment = ProcessInfo.processInfo.environment
        environment["NIANBAO_TEST_MARKER"] = marker
        let temporary = root.appendingPathComponent("tmp")
        var job = ConvertJob(paths: [input.path], format: .json, folder: root.appendingPathComponent("out"), jobs: 2)
        job.legacy = LegacyOptions(environment: environment, temporaryFolder: temporary)
        let started = Date()
        defer { print("50 legacy files through LibreOffice (and a --resume run) in \(Int(Date().timeIntervalSince(started))) s") }
        let outcome = try job.run()
        #expect(outcome.inputs == 50)
        #expect(outcome.summary.converted == 48)
        #expect(outcome.summary.failed == 2)
        let failed = Set(outcome.failures.map { URL(fileURLWithPath: $0.file).lastPathComponent })
        #expect(failed == ["broken-cut.doc", "broken-text.rtf"], "\(outcome.failures)")
        let errors = try String(contentsOf: root.appendingPathComponent("out/errors.csv"), encoding: .utf8)
        #expect(errors.contains("broken-cut.doc") && errors.contains("broken-text.rtf"))
        let wps = try ReportJSON.decode(Data(contentsOf: root.appendingPathComponent("out/r9.json")))
        #expect(wps.source.format == .wps)
        #expect(wps.source.file == "r9.wps")
        let nested = try ReportJSON.decode(Data(contentsOf: root.appendingPathComponent("out/sub/r46.json")))
        #expect(nested.source.file == "sub/r46.rtf")
        #expect(LegacyFixtures.processes(withMarker: marker).isEmpty)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).isEmpty)

        // --resume: the converted files are skipped before LibreOffice starts; the broken ones are tried again.
        job.resume = true
        let again = try job.run()
        #expect(again.summary.skipped == 48)
        #expect(again.summary.failed == 2)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []).isEmpty)

        // One file on its own (`nianbao convert report.doc`): its own LibreOffice process.
        let alone = try Pipeline.convert(contentsOf: input.appendingPathComponent("r0.doc"))
        #expect(alone.source.format == .doc)
        #expect(alone.source.convertedBy?.hasPrefix("LibreOffice") == true)
        #expect(try DOCXSampleTests.mismatches(alone, stem: TestFiles.sampleStems[0]).isEmpty)
        // A Word 97–2003 file handed over as DOCX is converted all the same.
        let renamed = try Pipeline.convert(data: doc, fileName: "renamed.docx", format: .docx)
        #expect(renamed.source.format == .doc)
        #expect(renamed.source.file == "renamed.docx")
    }
}

/// The SHA-256 of a file by coreutils' `sha256sum`.
private func sha256sum(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output.prefix(64), as: UTF8.self)
}

extension BatchConverter {
    /// The converter with `legacy` options.
    func with(legacy: LegacyOptions) -> BatchConverter {
        var copy = self
        copy.legacy = legacy
        return copy
    }
}
