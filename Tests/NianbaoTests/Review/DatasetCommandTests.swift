import Foundation
import GRDB
import Testing
import NianbaoDataset
import NianbaoModel

/// `convert --to sqlite` and `review` through the built executable.
@Suite("Dataset commands", .serialized)
struct DatasetCommandTests {
    /// `count` copies of the samples, each its own input (a distinct last line).
    static func copies(_ count: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            let stem = TestFiles.sampleStems[index % TestFiles.sampleStems.count]
            var data = try TestFiles.sample(stem)
            data.append(Data("\n副本\(index)\n".utf8))
            try data.write(to: folder.appendingPathComponent("\(stem)_\(index).txt"))
        }
    }

    static func expectedValues(_ template: String) -> Int {
        let version = TemplateVersion(rawValue: template) ?? .unknown
        return ReportTable.allCases.reduce(0) { sum, table in
            sum + TemplateCatalog.rows(table, version).reduce(0) { $0 + $1.columns.count }
        }
    }

    @Test func killedConversionLeavesOnlyWholeReports() throws {
        guard let executable = CommandLineTests.executable else { return }
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("in")
        try Self.copies(700, in: inputs)
        let database = folder.appendingPathComponent("reports.sqlite")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["convert", inputs.path, "--to", "sqlite", "--out", database.path, "--jobs", "2", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Past the first committed batch (read by another connection), then killed during a later one.
        let start = Date()
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(5)
        while process.isRunning, Date().timeIntervalSince(start) < 120 {
            let committed = (try? DatabaseQueue(path: database.path, configuration: configuration).read {
                try Int.fetchOne($0, sql: "SELECT count(*) FROM reports")
            }) ?? nil
            if let committed, committed > 0 { break }
            usleep(50_000)
        }
        usleep(300_000)
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let queue = try DatabaseQueue(path: database.path)
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let reports = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") ?? -1
            #expect(reports > 0)
            if killed { #expect(reports % 200 == 0, "\(reports) reports: not whole batches") }
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.template, (SELECT count(*) FROM report_values v WHERE v.report_sha256 = r.sha256) AS n FROM reports r
                """)
            for row in rows {
                let template: String = row["template"], count: Int = row["n"]
                #expect(count == Self.expectedValues(template))
            }
        }
        // Run again: the database opens, every input ends up in it once.
        guard let rerun = try CommandLineTests.run(["convert", inputs.path, "--to", "sqlite", "--out", database.path, "--quiet"]) else { return }
        #expect(rerun.status == 0, "\(rerun.err)")
        #expect(try Dataset(path: database.path).rowCounts()["reports"] == 700)
    }

    @Test func reviewReadsADatabaseAndWritesFindings() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("series.sqlite")
        try Dataset(path: database.path).write(SeriesBuilder().build() + SeriesBuilder(agency: "某县人民政府", seed: 3).build())
        let out = folder.appendingPathComponent("review")
        guard let result = try CommandLineTests.run(["review", database.path, "--out", out.path, "--to", "sqlite"]) else { return }
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("reviewed 10 report(s) of 2 agency(ies): 0 finding(s)"))
        let panel = try String(contentsOf: out.appendingPathComponent("panel.csv"), encoding: .utf8)
        #expect(panel.split(separator: "\r\n").count == 11)
        #expect(try String(contentsOf: out.appendingPathComponent("findings.json"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }
}
