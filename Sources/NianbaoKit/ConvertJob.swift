public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoModel
import NianbaoWriters
import NianbaoOOXML

/// A bulk conversion: inputs in, per-file or aggregate outputs plus `errors.csv` out, nothing
/// lost — every input found ends up converted, skipped as up to date, or listed with its error.
public struct ConvertJob: Sendable {
    /// Output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// `DIR/<name>.json` per report.
        case json
        /// `DIR/reports.jsonl`, one report per line, in input order.
        case jsonl
        /// `DIR/reports.csv` (wide: one row per report) and `DIR/values.csv` (long: one row per value).
        case csv
        /// `DIR/<name>.docx` per report, in the official layout of its template.
        case docx
        /// One SQLite database (the output path names the database file), created or extended:
        /// see ``DatasetConversion``.
        case sqlite

        /// The per-file output extension, for formats that write one file per input.
        public var perFileExtension: String? {
            switch self {
            case .json: "json"
            case .docx: "docx"
            case .jsonl, .csv, .sqlite: nil
            }
        }
    }

    /// What a run did.
    public struct Outcome: Sendable {
        /// Counts.
        public var summary: BatchSummary
        /// Every input that did not convert (also written to `errors.csv`).
        public var failures: [ConversionError]
        /// Inputs found.
        public var inputs: Int
        /// Temporary files of an interrupted earlier run removed from the output folder.
        public var staleTemporariesRemoved = 0
        /// The failures an earlier run's `errors.csv` listed, when it listed any; it is kept as
        /// `errors.previous.csv` and the new `errors.csv` lists this run's failures only.
        public var previousFailures: Int?
    }

    /// Paths as given (files, folders, `-`).
    public var paths: [String]
    /// The output format.
    public var format: Format
    /// The output folder.
    public var folder: URL
    /// Parallel jobs.
    public var jobs: Int
    /// Skip inputs whose per-file output is newer than the input.
    public var resume: Bool
    /// Start CSV files with a UTF-8 byte-order mark (for Excel).
    public var byteOrderMark: Bool
    /// Search hidden files and folders (names starting with `.`) too.
    public var includeHidden: Bool
    /// How `.doc`, `.wps`, `.rtf` and `.odt` inputs are converted by LibreOffice.
    public var legacy = LegacyOptions()

    /// Creates a job.
    public init(paths: [String], format: Format, folder: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                resume: Bool = false, byteOrderMark: Bool = false, includeHidden: Bool = false) {
        self.paths = paths
        self.format = format
        self.folder = folder
        self.jobs = jobs
        self.resume = resume
        self.byteOrderMark = byteOrderMark
        self.includeHidden = includeHidden
    }


    /// The output folder could not be created or written.
    public struct OutputError: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// Runs the job. `progress(done, total, failed)` and `failed(error)` are called on the
    /// calling thread as inputs finish, in input order.
    /// - Throws: ``OutputError`` when the output folder cannot be created or written.
    public func run(standardInput: @escaping () -> [String] = { InputCollector.readLines() },
                    progress: (Int, Int, Int) -> Void = { _, _, _ in },
                    failed: (ConversionError) -> Void = { _ in }) throws -> Outcome {
        let collection = InputCollector.gather(paths, includeHidden: includeHidden, excludedFolders: [folder.path],
                                               standardInput: standardInput)
        return try run(items: collection.items, problems: collection.problems, progress: progress, failed: failed)
    }

    /// Runs the job on inputs already collected (``paths`` is not read again).
    /// - Throws: ``OutputError`` when the output folder cannot be created or written.
    public func run(items: [InputItem], problems: [InputCollector.Problem],
                    progress: (Int, Int, Int) -> Void = { _, _, _ in },
                    failed: (ConversionError) -> Void = { _ in }) throws -> Outcome {
        if format == .sqlite { return try runIntoDataset(items: items, problems: problems, progress: progress, failed: failed) }
        try checkOutputs(items)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(description: "cannot create output folder \(folder.path): \(ErrorText.describe(error))")
        }
        let lock = try lockFolder()
        defer { close(lock) }
        var failures = problems.map { ConversionError(file: $0.path, stage: .read, message: $0.message) }
        failures.forEach(failed)
        let staleRemoved = RunHousekeeping.removeStaleTemporaries(in: folder, recursive: format.perFileExtension != nil)
        let previousFailures = try keepPreviousErrorList()
        let format = format, folder = folder, folderPath = folder.path
        var converter = BatchConverter(jobs: jobs, resumeFolder: resume ? folder : nil,
                                       resumeExtension: resume ? format.perFileExtension : nil)
        converter.legacy = legacy
        var done = 0
        // Aggregate outputs stream to temporary files renamed at the end: memory stays bounded.
        var csvFiles: [CSVFileWriter] = []
        var jsonLines: StreamingFile?
        var writeError: (any Error)?
        do {
            switch format {
            case .csv:
                csvFiles = [
                    try CSVFileWriter(url: folder.appendingPathComponent("reports.csv"), shape: .wide, byteOrderMark: byteOrderMark),
                    try CSVFileWriter(url: folder.appendingPathComponent("values.csv"), shape: .long, byteOrderMark: byteOrderMark),
                ]
            case .jsonl:
                jsonLines = try StreamingFile(url: folder.appendingPathComponent("reports.jsonl"))
            case .json, .docx, .sqlite:
                break
            }
        } catch {
            throw OutputError(description: "cannot write to \(folder.path): \(ErrorText.describe(error))")
        }
        var summary = converter.run(items, work: { report, item in
            switch format {
            case .json: try AtomicFile.write(ReportJSON.encodeUTF8(report), toPath: item.outputPath(inFolderPath: folderPath, extension: "json"))
            case .docx:
                // Through AtomicFile: its temporary names are the ones a later run cleans up.
                try AtomicFile.write(DOCXWriter.data(for: report), to: item.output(in: folder, extension: "docx"))
            case .jsonl, .csv, .sqlite: break
            }
        }, ordered: { outcome in
            done += 1
            switch outcome.result {
            case .success(let report):
                do {
                    try jsonLines?.append { buffer in
                        ReportJSON.append(report, pretty: false, to: &buffer)
                        buffer.append(UInt8(ascii: "\n"))
                    }
                    try csvFiles.first?.append(report, shape: .wide)
                    try csvFiles.last?.append(report, shape: .long)
                } catch {
                    writeError = writeError ?? error
                }
            case .failure(let error):
                if !outcome.skipped {
                    failures.append(error)
                    failed(error)
                }
            }
            progress(done, items.count, failures.count)
        })
        summary.failed += problems.count
        do {
            if let writeError { throw writeError }
            for file in csvFiles { try file.finish() }
            try jsonLines?.finish()
            try ErrorList.write(failures, to: folder.appendingPathComponent("errors.csv"))
        } catch {
            throw OutputError(description: "cannot write to \(folder.path): \(ErrorText.describe(error))")
        }
        return Outcome(summary: summary, failures: failures, inputs: items.count + problems.count,
                       staleTemporariesRemoved: staleRemoved, previousFailures: previousFailures)
    }

    /// Moves an earlier run's `errors.csv` to `errors.previous.csv` when it lists failures;
    /// returns how many (`nil` when there was no such list).
    private func keepPreviousErrorList() throws -> Int? {
        let current = folder.appendingPathComponent("errors.csv"), previous = folder.appendingPathComponent("errors.previous.csv")
        guard let data = FileManager.default.contents(atPath: current.path) else { return nil }
        // Rows end in CRLF; line breaks inside quoted messages are bare LF.
        let rows = max(0, data.split(separator: UInt8(ascii: "\n")).filter { $0.last == UInt8(ascii: "\r") }.count - 1)
        // A list without failures loses nothing when replaced.
        if rows == 0 { return nil }
        if rename(current.path, previous.path) != 0 {
            throw OutputError(description: "cannot move the earlier \(current.path) aside: \(ErrorText.system(errno))")
        }
        return rows
    }
}

extension ConvertJob {
    /// Refuses, before anything is written, an output folder that would destroy or feed back
    /// inputs: an output file that is an input, an output folder that is an input folder (the
    /// outputs would be read back by the next run), or an output folder below a file.
    /// - Throws: ``OutputError`` saying which input and why.
    public func checkOutputs(_ items: [InputItem]) throws {
        let folderPath = folder.standardizedFileURL.path
        // The output folder or the first of its ancestors that exists must be a folder.
        var existing = folderPath
        var status = stat()
        while lstat(existing, &status) != 0 && existing != "/" && !existing.isEmpty {
            existing = (existing as NSString).deletingLastPathComponent
        }
        if stat(existing, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR {
            throw OutputError(description: existing == folderPath
                ? "--out \(folder.path) is a file, not a folder"
                : "cannot create output folder \(folder.path): \(existing) is a file, not a folder")
        }
        guard let outID = InputCollector.FileID(path: folderPath, following: true) else { return }
        for path in paths where path != "-" {
            var status = stat()
            if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, InputCollector.FileID(status) == outID {
                throw OutputError(description: "--out \(folder.path) is the input folder \(path): the outputs would mix with the inputs "
                    + "and be read back by the next run; choose another --out (a folder inside the input folder is fine when it holds no inputs: it is not searched)")
            }
        }
        try checkOutputFolderInsideInputs(folderPath: folderPath, outID: outID, items: items)
        var inputs: [InputCollector.FileID: String] = [:]
        for item in items {
            if let id = InputCollector.FileID(path: item.path, following: true) { inputs[id] = item.path }
        }
        func check(_ output: String) throws {
            if let id = InputCollector.FileID(path: output, following: false), let input = inputs[id] {
                throw OutputError(description: "refusing to write \(output): it is the input \(input); choose another --out")
            }
        }
        for name in InputCollector.runFileNames.sorted() { try check(folderPath + "/" + name) }
        if let ext = format.perFileExtension {
            for item in items { try check(item.outputPath(inFolderPath: folderPath, extension: ext)) }
        }
    }
}

extension ConvertJob {
    /// Takes the output folder's lock for this run: `flock` on the folder itself (no lock file
    /// is left behind), released when the returned descriptor is closed or the process ends,
    /// however it ends.
    /// - Throws: ``OutputError`` when another run holds it: two runs into one folder would lose
    ///   one run's `errors.csv`.
    func lockFolder() throws -> Int32 {
        let path = folder.path
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(description: "cannot open the output folder \(path) to lock it: \(String(cString: strerror(errno)))")
        }
        // A child process another thread starts at that moment holds a copy of a descriptor until
        // it executes (closing it then, O_CLOEXEC): a lock just released may look held for that
        // instant. Tried again for half a second before the folder is called busy.
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            attempts += 1
            if reason == EWOULDBLOCK, attempts < 20 {
                usleep(25_000)
                continue
            }
            close(descriptor)
            if reason == EWOULDBLOCK {
                throw OutputError(description: "another nianbao run is writing into --out \(folder.path) (it holds the folder's lock): wait for it to finish or choose another --out")
            }
            throw OutputError(description: "cannot lock \(path): \(String(cString: strerror(reason)))")
        }
        return descriptor
    }

    /// Refuses an output folder inside an input folder that holds inputs: the search leaves the
    /// output folder out, so they would be neither converted nor listed. nianbao's own outputs
    /// there (`.json`, `.csv`, the run files, and the `.docx` of this run's inputs) are no inputs.
    /// - Throws: ``OutputError`` naming the folder and a first such input.
    func checkOutputFolderInsideInputs(folderPath: String, outID: InputCollector.FileID, items: [InputItem]) throws {
        // The input folders that contain the output folder (its ancestors, by identity).
        var ancestorIDs: [InputCollector.FileID: String] = [:]
        var current = (folderPath as NSString).resolvingSymlinksInPath
        while current != "/" && !current.isEmpty {
            current = (current as NSString).deletingLastPathComponent
            if let id = InputCollector.FileID(path: current, following: true) { ancestorIDs[id] = current }
        }
        guard let container = paths.first(where: { path in
            path != "-" && InputCollector.FileID(path: path, following: true).map { ancestorIDs[$0] != nil } == true
        }) else { return }
        var expectedOutputs = Set<String>()
        if format.perFileExtension == "docx" {
            for item in items { expectedOutputs.insert((item.outputPath(inFolderPath: folderPath, extension: "docx") as NSString).standardizingPath) }
        }
        var pending = [folderPath]
        var visited = Set<InputCollector.FileID>([outID])
        while let path = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names.sorted() {
                if name.hasPrefix(".") && !includeHidden { continue }
                let child = path + "/" + name
                var status = stat()
                guard stat(child, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    if visited.insert(InputCollector.FileID(status)).inserted { pending.append(child) }
                    continue
                }
                let ext = PathText.plainExtension(of: name) ?? ""
                guard InputCollector.folderExtensions.contains(ext), !InputCollector.runFileNames.contains(name),
                      !expectedOutputs.contains((child as NSString).standardizingPath) else { continue }
                throw OutputError(description: "--out \(folder.path) is inside the input folder \(container) and holds inputs (\(child)) "
                    + "that the search would leave out (an output folder is not searched): choose an --out that holds no inputs, or move them out")
            }
        }
    }
}

/// `errors.csv`: every input that did not convert, with the stage and the reason (RFC 4180).
public enum ErrorList {
    /// Writes the list atomically (a header only when nothing failed).
    public static func write(_ failures: [ConversionError], to url: URL) throws {
        var text = "file,stage,message\r\n"
        for failure in failures {
            text += [failure.file, failure.stage.rawValue, failure.message].map(field).joined(separator: ",") + "\r\n"
        }
        try AtomicFile.write(text, to: url)
    }

    private static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
