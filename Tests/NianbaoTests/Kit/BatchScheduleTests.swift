import Foundation
import Testing
import NianbaoModel
@testable import NianbaoKit

/// The sliding window of `BatchConverter` and the per-file path of bulk runs.
@Suite("Bulk run internals")
struct BatchScheduleTests {
    private static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-schedule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("outcomes are handed on in input order, with any window and job count",
          arguments: [(1, 1), (2, 1), (2, 3), (3, 2), (4, 256), (2, 1_000)])
    func order(jobs: Int, window: Int) throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let sample = TestFiles.samplesDirectory.appendingPathComponent(TestFiles.sampleStems[0] + ".txt")
        var items: [InputItem] = []
        for index in 0..<23 {
            let url = root.appendingPathComponent("r\(index).txt")
            if index % 5 == 3 {
                try Data("not a report".utf8).write(to: url)
            } else if index % 7 != 6 {
                try FileManager.default.copyItem(at: sample, to: url)
            }
            items.append(InputItem(url: url, outputStem: "r\(index)"))
        }
        var seen: [String] = []
        let worked = Counter()
        let summary = BatchConverter(jobs: jobs, window: window).run(items, work: { _, _ in worked.add() }, ordered: { outcome in
            seen.append(outcome.item.outputStem)
        })
        #expect(seen == items.map(\.outputStem))
        #expect(summary.total == items.count)
        #expect(summary.converted == worked.value)
        #expect(summary.failed == items.count - worked.value)
    }

    @Test("the fast per-file conversion gives what convert(contentsOf:) gives")
    func convertItem() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let sample = try TestFiles.sample(TestFiles.sampleStems[1])
        let names = ["a.txt", "B.TXT", "c.Txt", ".hidden.txt", "noext", "dots.in.name.text", "x.json.txt", "y.txt.", "z.t_t", "数据.txt"]
        for name in names {
            let url = root.appendingPathComponent(name)
            try sample.write(to: url)
            let item = InputItem(url: url, outputStem: "x")
            #expect(try Pipeline.convert(item: item) == Pipeline.convert(contentsOf: url), "\(name)")
        }
        let missing = InputItem(url: root.appendingPathComponent("missing.txt"), outputStem: "m")
        let folder = InputItem(url: root, outputStem: "f")
        for item in [missing, folder] {
            var fast: ConversionError?, slow: ConversionError?
            do { _ = try Pipeline.convert(item: item) } catch let error as ConversionError { fast = error }
            do { _ = try Pipeline.convert(contentsOf: item.url) } catch let error as ConversionError { slow = error }
            #expect(fast?.description == slow?.description)
            #expect(fast?.stage == slow?.stage)
            #expect(fast != nil)
        }
    }

    @Test("output paths: the URL's path, joined as strings")
    func outputPath() {
        let item = InputItem(url: URL(fileURLWithPath: "/in/sub/r.txt"), outputStem: "sub/r")
        for folder in ["/tmp/out", "/tmp/out/", "/"] {
            let url = URL(fileURLWithPath: folder)
            #expect(item.outputPath(inFolderPath: url.path, extension: "json") == item.output(in: url, extension: "json").path)
        }
        var moved = item
        moved.url = URL(fileURLWithPath: "/elsewhere/q.txt")
        #expect(moved.path == "/elsewhere/q.txt")
    }

    @Test("atomic byte writes create folders, replace files and leave no temporary files")
    func atomicBytes() throws {
        let root = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.path + "/deep/er/out.json"
        try AtomicFile.write(Array("first".utf8), toPath: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("first".utf8))
        try AtomicFile.write(Array("second, longer".utf8), toPath: path)
        try AtomicFile.write([], toPath: root.path + "/deep/empty.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("second, longer".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: root.path + "/deep/empty.json")).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/deep/er") == ["out.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/deep").sorted() == ["empty.json", "er"])
        // A destination that is a folder fails with an error and leaves nothing behind.
        #expect(throws: (any Error).self) { try AtomicFile.write(Array("x".utf8), toPath: root.path + "/deep/er") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/deep").sorted() == ["empty.json", "er"])
    }
}

/// A thread-safe counter for the worker closures.
private final class Counter: @unchecked Sendable {
    // Safety: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
