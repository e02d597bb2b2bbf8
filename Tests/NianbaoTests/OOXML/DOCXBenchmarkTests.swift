import Foundation
import Testing
import NianbaoModel
import NianbaoOOXML

/// Reads the DOCX named by `NIANBAO_DOCX_BENCH` (see `Scripts/bench-docx.sh`) and prints MB/s of
/// `document.xml`. Skipped unless the variable is set.
@Suite("DOCX reader: benchmark")
struct DOCXBenchmarkTests {
    static let path = ProcessInfo.processInfo.environment["NIANBAO_DOCX_BENCH"]

    @Test(.enabled(if: path != nil)) func readLargeDocument() throws {
        let url = URL(fileURLWithPath: try #require(Self.path))
        let xmlBytes = Double(ProcessInfo.processInfo.environment["NIANBAO_DOCX_BENCH_XML_BYTES"] ?? "") ?? 0
        let started = Date()
        let document = try DOCXReader.read(contentsOf: url)
        let seconds = Date().timeIntervalSince(started)
        let tables = document.blocks.filter { if case .table = $0 { return true } else { return false } }.count
        print(String(format: "DOCX bench: %d blocks (%d tables) in %.2f s, %.1f MB/s of document.xml",
                     document.blocks.count, tables, seconds, xmlBytes / 1_048_576 / seconds))
        #expect(!document.blocks.isEmpty)
    }
}
