public import Foundation
import NianbaoModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import NianbaoSandbox

/// How legacy word-processing files (`.doc`, `.wps`, `.rtf`, `.odt`) are converted to DOCX by
/// LibreOffice before the DOCX reader reads them.
public struct LegacyOptions: Sendable {
    /// The environment: `NIANBAO_SOFFICE` (the program), `PATH` (searched for `soffice` and
    /// `libreoffice`) and `NIANBAO_SOFFICE_TIMEOUT` (seconds); also passed on to LibreOffice.
    public var environment: [String: String]
    /// The most files one LibreOffice process converts.
    public var filesPerProcess: Int
    /// LibreOffice is stopped (its whole process group killed) when it finishes no file for this
    /// many seconds (``startupSeconds`` more for the first file).
    public var secondsPerFile: Double
    /// Seconds more allowed before the first file of a process: LibreOffice's start-up, with a
    /// new profile, can take long on a busy machine.
    public var startupSeconds: Double
    /// Where run folders are made (`<pid>-<random>` inside; a dead run's folder is removed by the
    /// next run). Defaults to `$TMPDIR/nianbao-soffice`.
    public var temporaryFolder: URL

    /// Options from the process environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                filesPerProcess: Int = 25, secondsPerFile: Double? = nil, startupSeconds: Double = 60, temporaryFolder: URL? = nil) {
        self.startupSeconds = max(0, startupSeconds)
        self.environment = environment
        self.filesPerProcess = max(1, filesPerProcess)
        self.secondsPerFile = secondsPerFile ?? environment["NIANBAO_SOFFICE_TIMEOUT"].flatMap(Double.init).map { max(1, $0) } ?? 60
        self.temporaryFolder = temporaryFolder ?? FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-soffice", isDirectory: true)
    }
}

/// Legacy word-processing inputs: recognised by content (an OLE compound file with a
/// `WordDocument` stream, `{\rtf`, an OpenDocument text package) or, failing that, by extension;
/// converted to DOCX by LibreOffice, many files per process; password-protected files refused
/// before LibreOffice sees them.
public enum LegacyConversion {
    /// Extensions of inputs read through LibreOffice (picked up in folders).
    public static let convertedExtensions: Set<String> = ["doc", "wps", "rtf", "odt"]
    /// OOXML extensions the DOCX reader reads itself (macro-enabled documents and templates).
    public static let ooxmlExtensions: Set<String> = ["docm", "dotx"]
    /// The Debian/Ubuntu package that provides LibreOffice Writer.
    public static let packageName = "libreoffice-writer"

    /// What the bytes of an input are, as far as legacy conversion is concerned.
    enum Kind: Equatable {
        /// Converted by LibreOffice; `temporaryExtension` names the copy LibreOffice is given.
        case convert(SourceFormat, temporaryExtension: String)
        /// Password-protected: refused with this message.
        case encrypted(String)
        /// Not a word-processing document LibreOffice should be given: refused with this message.
        case refused(String)
        /// Not a legacy input (OOXML, text, JSON): read by nianbao's own readers.
        case notLegacy
    }

    /// The kind of the input `data` whose lowercased extension is `ext`.
    static func kind(of data: Data, lowercasedExtension ext: String) -> Kind {
        if data.isEmpty, convertedExtensions.contains(ext) {
            return .refused("the file is empty (no document to read), so it is not given to LibreOffice")
        }
        if data.starts(with: CompoundFile.signature) {
            guard let file = CompoundFile(data) else {
                return .refused("a damaged OLE compound file (a Word .doc?): its header or directory cannot be read, so it is not given to LibreOffice")
            }
            if file.contains("EncryptionInfo") || file.contains("EncryptedPackage") {
                return .encrypted("the file is password-protected (an encrypted Office document); remove the password in Word or WPS and convert it again")
            }
            if file.contains("WordDocument") {
                if let fib = file.firstSector(ofStream: "WordDocument"), CompoundFile.u16(fib, 0) == 0xA5EC,
                   let flags = CompoundFile.u16(fib, 0x0A), flags & 0x0100 != 0 {
                    return .encrypted("the Word document is password-protected (encrypted); remove the password in Word or WPS and convert it again")
                }
                return .convert(ext == "wps" ? .wps : .doc, temporaryExtension: "doc")
            }
            if ext == "wps" { return .convert(.wps, temporaryExtension: "wps") }
            let names = file.entries.map(\.name).filter { !$0.isEmpty && $0 != "Root Entry" }.prefix(5).joined(separator: ", ")
            return .refused("an OLE compound file without a WordDocument stream (\(names)): not a Word document")
        }
        if data.starts(with: Array("{\\rtf".utf8)) { return .convert(.rtf, temporaryExtension: "rtf") }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            // OpenDocument packages start with a stored `mimetype` entry (ODF 1.2, part 3, 3.3).
            let mimetype = Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8)
            if data.count >= 30 + mimetype.count, data.dropFirst(30).starts(with: mimetype) || ext == "odt" {
                return .convert(.odt, temporaryExtension: "odt")
            }
            return .notLegacy
        }
        switch ext {
        case "doc": return .convert(.doc, temporaryExtension: "doc")
        case "wps": return .convert(.wps, temporaryExtension: "wps")
        case "rtf": return .convert(.rtf, temporaryExtension: "rtf")
        case "odt": return .convert(.odt, temporaryExtension: "odt")
        default: return .notLegacy
        }
    }

    /// The legacy source format of `data` for format detection, or `nil` when it is not one.
    static func sourceFormat(of data: Data, lowercasedExtension ext: String) -> SourceFormat? {
        if case .convert(let format, _) = kind(of: data, lowercasedExtension: ext) { return format }
        return nil
    }

    /// For bytes about to be read as DOCX: the legacy format to convert them from instead (a
    /// Word 97–2003 file or an ODT named `.docx`), or `nil` to read them as DOCX.
    /// - Throws: ``ConversionError`` for a password-protected file, or an OLE file that is no Word document.
    static func legacyFormat(ofDOCX data: Data, lowercasedExtension ext: String, shown: String) throws -> SourceFormat? {
        switch kind(of: data, lowercasedExtension: ext) {
        case .encrypted(let message), .refused(let message): throw ConversionError(file: shown, stage: .read, message: message)
        case .convert(let format, _): return format
        case .notLegacy: return nil
        }
    }

    /// Converts one legacy input alone (its own LibreOffice process) and reads it.
    /// `format` is what the caller says the input is, used when its content does not say.
    /// - Throws: ``ConversionError`` naming the file and the problem.
    static func convertAlone(data: Data, fileName: String, shown: String, format: SourceFormat,
                             options: LegacyOptions = LegacyOptions()) throws -> Report {
        let file = LegacyFile(id: 0, shown: shown, fileName: fileName, data: data, format: format)
        let run = LegacyRun(options: options)
        defer { run.finish() }
        guard let prepared = run.convert([file])[0] else {
            return try Pipeline.convert(data: data, fileName: fileName, displayPath: shown, format: .docx, sourceName: nil, convertingLegacy: false)
        }
        return try report(from: prepared)
    }

    /// The report of a converted input: the DOCX read as usual, then `source` set to the original
    /// file's format, SHA-256 and converter.
    static func report(from prepared: Result<Converted, ConversionError>) throws -> Report {
        let converted = try prepared.get()
        var report = try Pipeline.convert(data: converted.docx, fileName: converted.fileName, displayPath: converted.shown,
                                          format: .docx, sourceName: nil, convertingLegacy: false)
        report.source.format = converted.format
        report.source.sha256 = converted.sha256
        report.source.convertedBy = converted.convertedBy
        return report
    }
}

/// A legacy input handed to a conversion run.
struct LegacyFile {
    /// The caller's key for the result.
    var id: Int
    /// The path shown in errors.
    var shown: String
    /// The file name (`source.file`).
    var fileName: String
    /// The original bytes.
    var data: Data
    /// The format to convert from when the content and extension do not tell a legacy one.
    var format: SourceFormat?
}

/// A legacy input converted to DOCX.
struct Converted {
    var shown: String
    var fileName: String
    var format: SourceFormat
    var sha256: String
    var convertedBy: String
    var docx: Data
}

/// LibreOffice as found on this machine.
struct LibreOffice: Sendable {
    /// The program run.
    var executable: String
    /// `LibreOffice 7.4.7.2`, from `soffice --version`.
    var version: String

    /// Why LibreOffice was not found.
    struct NotFound: Error {
        var message: String
    }

    /// Finds the program: `NIANBAO_SOFFICE`, else `soffice` or `libreoffice` on `PATH`.
    static func locate(in environment: [String: String]) -> Result<String, NotFound> {
        if let given = environment["NIANBAO_SOFFICE"], !given.isEmpty {
            return isExecutableFile(given) ? .success(given)
                : .failure(NotFound(message: "NIANBAO_SOFFICE=\(given) is not an executable program"))
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(folder)/\(name)"
                if isExecutableFile(candidate) { return .success(candidate) }
            }
        }
        return .failure(NotFound(message: "it was not found (no soffice or libreoffice on PATH)"))
    }

    /// `true` for an executable regular file (symbolic links followed).
    private static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}

/// One run's LibreOffice conversions: a private folder `<pid>-<random>` under the options'
/// temporary folder (with a profile, inputs and outputs per batch), removed when the run
/// finishes; folders of runs whose process is gone are removed when a run starts.
final class LegacyRun: @unchecked Sendable {
    // Safety: `lock` guards `libreOffice`, `folder` and `batchNumber`.
    private let lock = NSLock()
    let options: LegacyOptions
    private var libreOffice: Result<LibreOffice, ConversionError>?
    private var folder: URL?
    private var batchNumber = 0

    init(options: LegacyOptions) {
        self.options = options
    }

    /// Removes the run folder (and anything a killed LibreOffice left in it).
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if let folder { Self.removeRunFolder(folder) }
        folder = nil
    }

    /// LibreOffice and its version, found once per run.
    private func program() -> Result<LibreOffice, ConversionError> {
        lock.lock()
        if let libreOffice {
            lock.unlock()
            return libreOffice
        }
        lock.unlock()
        let found: Result<LibreOffice, ConversionError>
        switch LibreOffice.locate(in: options.environment) {
        case .failure(let notFound):
            found = .failure(ConversionError(file: "", stage: .read, message: notFound.message))
        case .success(let executable):
            found = .success(LibreOffice(executable: executable, version: version(of: executable)))
        }
        lock.lock()
        defer { lock.unlock() }
        if libreOffice == nil { libreOffice = found }
        return libreOffice ?? found
    }

    /// `LibreOffice 7.4.7.2` from `soffice --version` (first two words), or `LibreOffice`.
    private func version(of executable: String) -> String {
        guard let batch = try? newBatchFolder() else { return "LibreOffice" }
        let pipeSlot = Sandbox.track(file: Self.officePipe(profile: Self.profileURL(batch)))
        defer { Sandbox.untrack(fileSlot: pipeSlot); Self.removeBatchFolder(batch) }
        let output = batch.appendingPathComponent("version.txt").path
        let ended = ChildProcess.run(executable, arguments: [profileArgument(batch), "--version"], environment: environment(for: batch),
                                     standardOutput: output, standardError: "/dev/null", ownProcesses: true, stalled: { $0 > 30 })
        guard ended == .exited(0), let text = try? String(contentsOfFile: output, encoding: .utf8) else { return "LibreOffice" }
        let words = text.split(whereSeparator: \.isWhitespace).prefix(2)
        return words.count == 2 && words[0] == "LibreOffice" ? words.joined(separator: " ") : "LibreOffice"
    }

    /// LibreOffice's environment: the caller's, with `TMPDIR` inside the batch folder (so the
    /// `lu*.tmp` folders LibreOffice makes go with the batch, also when it is killed).
    private func environment(for batch: URL) -> [String: String] {
        var environment = options.environment
        environment["TMPDIR"] = batch.appendingPathComponent("tmp", isDirectory: true).path
        return environment
    }

    /// The private profile's settings (`registrymodifications.xcu`): every HTTP, HTTPS and FTP
    /// request goes to a proxy at 0.0.0.0:9, which does not exist (LibreOffice 7.4 fetches a linked
    /// image while importing whatever the link-update setting says; the proxy stops it, tested),
    /// links are never updated, referer-less links are blocked, macros never run. The network
    /// namespace is what keeps LibreOffice off the network; these settings are the second wall
    /// where the machine allows no namespace.
    static let profileSettings = """
        <?xml version="1.0" encoding="UTF-8"?>
        <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
        <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
        <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
        <item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
        <item oor:path="/org.openoffice.Office.WriterWeb/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
        <item oor:path="/org.openoffice.Office.Calc/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>0.0.0.0</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>0.0.0.0</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetFTPProxyName" oor:op="fuse"><value>0.0.0.0</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetFTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
        <item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
        <item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseOpenCL" oor:op="fuse"><value>false</value></prop></item>
        <item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseSystemPrintDialog" oor:op="fuse"><value>false</value></prop></item>
        <item oor:path="/org.openoffice.Office.Update/Update"><prop oor:name="Enabled" oor:op="fuse"><value>false</value></prop></item>
        <item oor:path="/org.openoffice.Office.Update/Update"><prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
        </oor:items>

        """

    private func profileArgument(_ batch: URL) -> String {
        "-env:UserInstallation=" + Self.profileURL(batch)
    }

    /// The URL of a batch's private LibreOffice profile.
    static func profileURL(_ batch: URL) -> String {
        batch.appendingPathComponent("profile", isDirectory: true).absoluteString
    }

    /// A new, empty batch folder in this run's folder (made, and dead runs' folders removed, on first use).
    private func newBatchFolder() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        let manager = FileManager.default
        let runFolder: URL
        if let folder {
            runFolder = folder
        } else {
            try manager.createDirectory(at: options.temporaryFolder, withIntermediateDirectories: true)
            Self.removeDeadRuns(in: options.temporaryFolder)
            let name = "\(getpid())-\(UUID().uuidString.prefix(8))"
            runFolder = options.temporaryFolder.appendingPathComponent(name, isDirectory: true)
            try manager.createDirectory(at: runFolder, withIntermediateDirectories: true)
            folder = runFolder
        }
        batchNumber += 1
        let batch = runFolder.appendingPathComponent("batch-\(batchNumber)", isDirectory: true)
        try manager.createDirectory(at: batch.appendingPathComponent("in"), withIntermediateDirectories: true)
        try manager.createDirectory(at: batch.appendingPathComponent("out"), withIntermediateDirectories: true)
        try manager.createDirectory(at: batch.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        let user = batch.appendingPathComponent("profile/user", isDirectory: true)
        try manager.createDirectory(at: user, withIntermediateDirectories: true)
        try Data(Self.profileSettings.utf8).write(to: user.appendingPathComponent("registrymodifications.xcu"))
        return batch
    }

    /// Removes the folders of runs whose process no longer exists (killed before cleaning up),
    /// first killing any process still running with a profile in such a folder (a LibreOffice
    /// left behind where no pid namespace could hold it).
    static func removeDeadRuns(in folder: URL) {
        let manager = FileManager.default
        var dead: [String] = []
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
            guard let pid = Int32(name.prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { dead.append(name) }
        }
        guard !dead.isEmpty else { return }
        let prefixes = dead.map { folder.appendingPathComponent($0, isDirectory: true).absoluteString }
        killProcesses { arguments in
            arguments.contains { argument in
                argument.hasPrefix("-env:UserInstallation=") && prefixes.contains { argument.dropFirst(22).hasPrefix($0) }
            }
        }
        for name in dead { removeRunFolder(folder.appendingPathComponent(name, isDirectory: true)) }
    }

    /// Removes a run folder with its batches (see `removeBatchFolder`).
    static func removeRunFolder(_ runFolder: URL) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: runFolder.path)) ?? [] where name.hasPrefix("batch-") {
            removeBatchFolder(runFolder.appendingPathComponent(name, isDirectory: true))
        }
        try? manager.removeItem(at: runFolder)
    }

    /// Removes a batch folder once its LibreOffice has ended, and the socket LibreOffice made for
    /// the batch's profile in `/tmp` (see `officePipe(profile:)`), which a killed LibreOffice leaves.
    static func removeBatchFolder(_ batch: URL) {
        try? FileManager.default.removeItem(atPath: officePipe(profile: profileURL(batch)))
        try? FileManager.default.removeItem(at: batch)
    }

    /// The path of the socket a LibreOffice started with `-env:UserInstallation=<profile>` listens
    /// on so a second start hands its files over: always in `/tmp` (the path is fixed in
    /// LibreOffice's `osl` layer; `TMPDIR` does not move it),
    /// `OSL_PIPE_<uid>_SingleOfficeIPC_<md5>`, where `<md5>` is the MD5 of the profile URL without
    /// its trailing `/`, taken over its UTF-16LE code units and written as hex without leading zeros
    /// per byte (LibreOffice's `CreateMD5FromString`; checked against LibreOffice 7.4's socket).
    static func officePipe(profile: String) -> String {
        var url = Substring(profile)
        while url.hasSuffix("/") { url = url.dropLast() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(url.utf16.count * 2)
        for unit in url.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
        let hash = Insecure.MD5.hash(data: bytes).map { String($0, radix: 16) }.joined()
        return "/tmp/OSL_PIPE_\(getuid())_SingleOfficeIPC_\(hash)"
    }

    /// Sends SIGKILL to every process of this user whose argument list `matches`.
    static func killProcesses(where matches: ([String]) -> Bool) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(entry), pid != getpid(),
                  let data = manager.contents(atPath: "/proc/\(entry)/cmdline"), !data.isEmpty else { continue }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if matches(arguments) { kill(pid, SIGKILL) }
        }
    }

    /// Converts `files`: each result is the converted document, the reason it was not converted,
    /// or `nil` for a file that is no legacy input after all (an OOXML package named `.doc`),
    /// which the caller reads the usual way. Results are in the order of `files`.
    func convert(_ files: [LegacyFile]) -> [Result<Converted, ConversionError>?] {
        var results = [Result<Converted, ConversionError>?](repeating: nil, count: files.count)
        var pending: [(index: Int, file: LegacyFile, format: SourceFormat, ext: String, sha256: String)] = []
        for (index, file) in files.enumerated() {
            let ext = PathText.plainExtension(of: file.fileName) ?? ""
            switch LegacyConversion.kind(of: file.data, lowercasedExtension: ext) {
            case .notLegacy:
                if let format = file.format, format != .docx, format != .text, format != .json {
                    let sha256 = SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined()
                    pending.append((index, file, format, format.rawValue, sha256))
                }
            case .encrypted(let message), .refused(let message):
                results[index] = .failure(ConversionError(file: file.shown, stage: .read, message: message))
            case .convert(let format, let temporaryExtension):
                let sha256 = SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined()
                pending.append((index, file, format, temporaryExtension, sha256))
            }
        }
        guard !pending.isEmpty else { return results }
        let program: LibreOffice
        switch self.program() {
        case .failure(let error):
            for item in pending {
                let package = LegacyConversion.packageName
                results[item.index] = .failure(ConversionError(file: item.file.shown, stage: .read,
                    message: "LibreOffice is needed to read .\(item.format.rawValue) files and \(error.message): install the \(package) package (apt-get install \(package)) or set NIANBAO_SOFFICE to the soffice program"))
            }
            return results
        case .success(let found):
            program = found
        }
        let outcomes = convertBatch(pending.map { ($0.file.data, $0.ext) }, program: program)
        for (item, outcome) in zip(pending, outcomes) {
            switch outcome {
            case .success(let docx):
                results[item.index] = .success(Converted(shown: item.file.shown, fileName: item.file.fileName, format: item.format,
                                                         sha256: item.sha256, convertedBy: program.version, docx: docx))
            case .failure(let reason):
                results[item.index] = .failure(ConversionError(file: item.file.shown, stage: .parse, message: reason.message))
            }
        }
        return results
    }

    /// Why LibreOffice did not convert a file.
    struct Failure: Error {
        var message: String
    }

    /// Converts the inputs (bytes and the extension to give them) in one LibreOffice process.
    /// When LibreOffice hangs or crashes, the first file without an output is retried alone and
    /// the ones after it go on in a new process; a file that fails alone gets the reason.
    private func convertBatch(_ inputs: [(data: Data, ext: String)], program: LibreOffice) -> [Result<Data, Failure>] {
        guard !inputs.isEmpty else { return [] }
        let batch: URL
        do {
            batch = try newBatchFolder()
        } catch {
            return inputs.map { _ in .failure(Failure(message: "cannot make a temporary folder for LibreOffice: \(error.localizedDescription)")) }
        }
        // An interrupt kills LibreOffice, then removes its socket (the batch folder goes with the next run).
        let pipeSlot = Sandbox.track(file: Self.officePipe(profile: Self.profileURL(batch)))
        defer { Sandbox.untrack(fileSlot: pipeSlot); Self.removeBatchFolder(batch) }
        let inFolder = batch.appendingPathComponent("in"), outFolder = batch.appendingPathComponent("out")
        var arguments = [profileArgument(batch), "--headless", "--invisible", "--nologo", "--norestore", "--nolockcheck",
                         "--nodefault", "--convert-to", "docx:MS Word 2007 XML", "--outdir", outFolder.path]
        for (index, input) in inputs.enumerated() {
            // Numbered copies: no two inputs share an output name, and no file name reaches LibreOffice.
            let copy = inFolder.appendingPathComponent("\(index).\(input.ext)")
            do {
                try input.data.write(to: copy)
            } catch {
                return inputs.map { _ in .failure(Failure(message: "cannot write a temporary copy for LibreOffice: \(error.localizedDescription)")) }
            }
            arguments.append(copy.path)
        }
        let limit = options.secondsPerFile, startup = options.startupSeconds
        var lastCount = 0, lastProgress = 0.0
        let ended = ChildProcess.run(program.executable, arguments: arguments, environment: environment(for: batch),
                                     standardOutput: batch.appendingPathComponent("stdout.txt").path,
                                     standardError: batch.appendingPathComponent("stderr.txt").path, ownProcesses: true) { elapsed in
            // Progress is a new output file; the limit counts from the last one.
            let count = (try? FileManager.default.contentsOfDirectory(atPath: outFolder.path).count) ?? 0
            if count != lastCount {
                lastCount = count
                lastProgress = elapsed
            }
            return elapsed - lastProgress > limit + (lastCount == 0 ? startup : 0)
        }
        var results: [Result<Data, Failure>?] = inputs.indices.map { index in
            let output = outFolder.appendingPathComponent("\(index).docx")
            guard let data = try? Data(contentsOf: output), !data.isEmpty else { return nil }
            return .success(data)
        }
        switch ended {
        case .exited:
            // LibreOffice's error lines do not name the file: one is quoted only when one file failed.
            let lines = ((try? String(contentsOf: batch.appendingPathComponent("stderr.txt"), encoding: .utf8)) ?? "")
                .split(whereSeparator: \.isNewline).filter { $0.hasPrefix("Error") }
            let said = lines.count == 1 && results.filter({ $0 == nil }).count == 1 ? ": \(lines[0])" : ""
            return results.map { $0 ?? .failure(Failure(message: "\(program.version) could not convert it to DOCX\(said)")) }
        case .notStarted(let code):
            let message = "LibreOffice (\(program.executable)) could not be started: \(String(cString: strerror(code)))"
            return results.map { $0 ?? .failure(Failure(message: message)) }
        case .timedOut, .signaled:
            guard let first = results.firstIndex(where: { $0 == nil }) else { return results.map { $0 ?? .failure(Failure(message: "")) } }
            if inputs.count == 1 {
                let reason: String
                if case .signaled(let signal) = ended {
                    reason = "\(program.version) crashed on it (signal \(signal)), also when converting it alone"
                } else {
                    reason = "\(program.version) did not finish converting it within \(Int(limit)) s and was stopped, also when converting it alone"
                }
                return [.failure(Failure(message: reason))]
            }
            results[first] = convertBatch([inputs[first]], program: program)[0]
            let rest = Array(inputs.indices.dropFirst(first + 1)).filter { results[$0] == nil }
            for (index, outcome) in zip(rest, convertBatch(rest.map { inputs[$0] }, program: program)) {
                results[index] = outcome
            }
            return results.map { $0 ?? .failure(Failure(message: "LibreOffice stopped before converting it")) }
        }
    }
}
