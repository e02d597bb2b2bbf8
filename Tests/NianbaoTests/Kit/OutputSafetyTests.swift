import Foundation
import Testing
@testable import NianbaoKit
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13, cases 1 and 2: outputs never overwrite each other, and never an input.
@Suite("Output safety")
struct OutputSafetyTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let sampleText = TestFiles.samplesDirectory.appendingPathComponent("000_ad0b93b4492ed8bd.txt")
    static let sampleDOCX = TestFiles.packageRoot.appendingPathComponent("Tests/NianbaoTests/Fixtures/docx/000_ad0b93b4492ed8bd.lo.docx")

    static func put(_ source: URL, at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: url)
    }

    /// Every regular file under `folder`, relative, without the runs' `errors.csv`.
    static func outputs(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
               !isDirectory.boolValue, !path.hasSuffix("errors.csv") { files.append(path) }
        }
        return files.sorted()
    }

    /// `x/a/r.txt`, `x/a/r.docx`, `y/a/r.txt`, `y/a/r.docx`.
    static func twoFolders(in root: URL) throws -> [URL] {
        for folder in ["x", "y"] {
            try put(sampleText, at: root.appendingPathComponent("\(folder)/a/r.txt"))
            try put(sampleDOCX, at: root.appendingPathComponent("\(folder)/a/r.docx"))
        }
        return [root.appendingPathComponent("x"), root.appendingPathComponent("y")]
    }

    @Test(arguments: [ConvertJob.Format.json, .docx])
    func sameNamesInTwoFoldersAndTwoFormatsGetFourOutputs(format: ConvertJob.Format) throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = try Self.twoFolders(in: root)
        let out = root.appendingPathComponent("o")
        let outcome = try ConvertJob(paths: folders.map(\.path), format: format, folder: out, jobs: 2).run()
        #expect(outcome.summary.converted == 4)
        let ext = format.perFileExtension ?? ""
        #expect(Self.outputs(in: out) == ["x/a/r.docx.\(ext)", "x/a/r.txt.\(ext)", "y/a/r.docx.\(ext)", "y/a/r.txt.\(ext)"])
    }

    @Test func jsonLinesRowsNameTheirFolder() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = try Self.twoFolders(in: root)
        let out = root.appendingPathComponent("o")
        _ = try ConvertJob(paths: folders.map(\.path), format: .jsonl, folder: out, jobs: 2).run()
        let lines = try String(contentsOf: out.appendingPathComponent("reports.jsonl"), encoding: .utf8).split(separator: "\n")
        let files = try lines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return (object?["source"] as? [String: Any])?["file"] as? String
        }
        #expect(files == ["x/a/r.docx", "x/a/r.txt", "y/a/r.docx", "y/a/r.txt"])

        // One folder: the path relative to it.
        let single = root.appendingPathComponent("single")
        _ = try ConvertJob(paths: [folders[0].path], format: .jsonl, folder: single, jobs: 1).run()
        let text = try String(contentsOf: single.appendingPathComponent("reports.jsonl"), encoding: .utf8)
        #expect(text.contains("\"file\":\"a/r.docx\""))
        #expect(text.contains("\"file\":\"a/r.txt\""))
    }

    @Test func namesThatDifferOnlyInCaseOrCollideWithFoldersStayApart() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        // `R.txt`/`r.txt` (one file on a case-blind disk), `r.txt.docx` against `r.txt`'s
        // second name, and `a.txt` whose `a.json` is the folder of `a.json/b.txt`'s output.
        for name in ["R.txt", "r.txt", "a.txt", "a.json/b.txt"] { try Self.put(Self.sampleText, at: input.appendingPathComponent(name)) }
        try Self.put(Self.sampleDOCX, at: input.appendingPathComponent("r.txt.docx"))
        let items = InputCollector.gather([input.path]).items
        #expect(items.count == 5)
        let stems = items.map { $0.outputStem.lowercased() }
        #expect(Set(stems).count == 5, "\(stems)")
        let outputs = Set(stems.map { $0 + ".json" })
        for stem in stems {
            #expect(!outputs.contains(stem.split(separator: "/").dropLast().joined(separator: "/")), "\(stems)")
        }
        let out = root.appendingPathComponent("o")
        let outcome = try ConvertJob(paths: [input.path], format: .json, folder: out, jobs: 2).run()
        #expect(outcome.summary.converted == 5)
        #expect(Self.outputs(in: out).count == 5)
    }

    @Test func anOutputFolderThatIsTheInputFolderIsRefusedAndTheInputsStay() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("inplace")
        let original = folder.appendingPathComponent("r.docx")
        try Self.put(Self.sampleDOCX, at: original)
        let before = try Data(contentsOf: original)
        #expect(throws: ConvertJob.OutputError.self) {
            try ConvertJob(paths: [folder.path], format: .docx, folder: folder).run()
        }
        // A file given by itself, written over by its own output.
        #expect(throws: ConvertJob.OutputError.self) {
            try ConvertJob(paths: [original.path], format: .docx, folder: folder).run()
        }
        #expect(try Data(contentsOf: original) == before)
        // An input named like a run file (errors.csv, reports.jsonl) in the output folder.
        let named = root.appendingPathComponent("named")
        for name in ["errors.csv", "reports.jsonl"] {
            let input = named.appendingPathComponent(name)
            try Self.put(Self.sampleText, at: input)
            #expect(throws: ConvertJob.OutputError.self) {
                try ConvertJob(paths: [input.path], format: .jsonl, folder: named).run()
            }
            #expect(try Data(contentsOf: input) == Data(contentsOf: Self.sampleText))
        }
        #expect(Self.outputs(in: folder) == ["r.docx"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("errors.csv").path))
    }

    @Test func anOutputFolderInsideTheInputFolderIsNotReadBack() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("clean")
        try Self.put(Self.sampleDOCX, at: folder.appendingPathComponent("r.docx"))
        let out = folder.appendingPathComponent("clean")
        for _ in 0..<3 {
            let outcome = try ConvertJob(paths: [folder.path], format: .docx, folder: out, jobs: 1).run()
            #expect(outcome.inputs == 1)
            #expect(outcome.summary.converted == 1)
        }
        #expect(Self.outputs(in: folder) == ["clean/r.docx", "r.docx"])
    }

    @Test func theCommandLineRefusesWithExitTwo() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("inplace")
        let original = folder.appendingPathComponent("r.docx")
        try Self.put(Self.sampleDOCX, at: original)
        let before = try Data(contentsOf: original)
        guard let result = try CommandLineTests.run(["convert", folder.path, "--to", "docx", "--out", folder.path]) else { return }
        #expect(result.status == 2)
        #expect(result.err.contains("is the input folder"), "\(result.err)")
        #expect(try Data(contentsOf: original) == before)
        guard let single = try CommandLineTests.run(["convert", original.path, "--to", "docx", "--out", folder.path]) else { return }
        #expect(single.status == 2)
        #expect(single.err.contains("it is the input \(original.path)"), "\(single.err)")
        #expect(try Data(contentsOf: original) == before)
        // The input folder listed on standard input.
        guard let listed = try CommandLineTests.run(["convert", "-", "--to", "docx", "--out", folder.path], standardInput: folder.path + "\n")
        else { return }
        #expect(listed.status == 2, "\(listed.err)")
        #expect(try Data(contentsOf: original) == before)
    }

    /// R2: `--out in/a` where `in/a/x.txt` is an input: refused (exit 2) before anything is
    /// written, also with `--resume`; nothing of the user's is lost or left unmentioned.
    @Test func anOutputFolderInsideTheInputFolderThatHoldsInputsIsRefused() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try Self.put(Self.sampleText, at: input.appendingPathComponent("a/x.txt"))
        try Self.put(TestFiles.samplesDirectory.appendingPathComponent("001_73cfe548748cf452.txt"), at: input.appendingPathComponent("b/y.txt"))
        let out = input.appendingPathComponent("a")
        #expect(throws: ConvertJob.OutputError.self) { try ConvertJob(paths: [input.path], format: .json, folder: out, jobs: 1).run() }
        #expect(Self.outputs(in: out) == ["x.txt"])
        for resume in [false, true] {
            guard let result = try CommandLineTests.run(["convert", input.path, "--out", out.path] + (resume ? ["--resume"] : [])) else { return }
            #expect(result.status == 2)
            #expect(result.err.contains("is inside the input folder \(input.path) and holds inputs (\(out.path)/x.txt)"), "\(result.err)")
        }
        #expect(Self.outputs(in: out) == ["x.txt"])
        // An output folder below it that holds no inputs is fine, run after run (its JSON is no input).
        let clean = input.appendingPathComponent("out")
        for _ in 0..<2 {
            let outcome = try ConvertJob(paths: [input.path], format: .json, folder: clean, jobs: 1).run()
            #expect(outcome.summary.converted == 2)
            #expect(outcome.failures.isEmpty)
        }
    }

    /// R14: a second run into an output folder another run is writing to is refused (exit 2 on
    /// the command line); the lock goes with the first run.
    @Test func aSecondRunIntoTheSameOutputFolderIsRefused() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try Self.put(Self.sampleText, at: input.appendingPathComponent("r.txt"))
        let out = root.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // The first run's lock, held here. O_CLOEXEC: a child process that another test starts
        // meanwhile (LibreOffice, pdftotext) would otherwise inherit the descriptor and keep the
        // lock after `close(held)`.
        let held = open(out.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: ConvertJob.OutputError.self) { try ConvertJob(paths: [input.path], format: .json, folder: out, jobs: 1).run() }
        if let result = try CommandLineTests.run(["convert", input.path, "--out", out.path]) {
            #expect(result.status == 2)
            #expect(result.err.contains("another nianbao run is writing into --out \(out.path)"), "\(result.err)")
        }
        close(held)
        let outcome = try ConvertJob(paths: [input.path], format: .json, folder: out, jobs: 1).run()
        #expect(outcome.summary.converted == 1)
        #expect(Self.outputs(in: out) == ["r.json"])
    }

    /// R16: an empty `.doc`, `.wps`, `.rtf` or `.odt` is refused as empty before LibreOffice
    /// starts (a LibreOffice that does not exist is never asked for).
    @Test func emptyLegacyFilesAreRefusedBeforeLibreOffice() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for ext in ["doc", "wps", "rtf", "odt"] {
            #expect(FileManager.default.createFile(atPath: input.appendingPathComponent("e.\(ext)").path, contents: Data()))
        }
        var job = ConvertJob(paths: [input.path], format: .json, folder: root.appendingPathComponent("out"), jobs: 2)
        job.legacy = LegacyOptions(environment: ["NIANBAO_SOFFICE": "/nonexistent/soffice"])
        let outcome = try job.run()
        #expect(outcome.failures.count == 4)
        for failure in outcome.failures {
            #expect(failure.message.contains("the file is empty"), "\(failure.file): \(failure.message)")
            #expect(!failure.message.contains("LibreOffice is needed"))
        }
    }
}
