import Foundation
import Testing
import NianbaoModel
import NianbaoRecognizer
import NianbaoWriters
import NianbaoKit

/// Inputs that once broke the pipeline or its output, found while fuzzing (`Scripts/fuzz.sh`).
/// The NaN amount was found by a hand-made probe when the harness got its JSON check, not by libFuzzer.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// Sample 000 with the 政府集中采购 amount (`\t0` after the count) replaced by `cell`.
    private func sampleWithProcurementAmount(_ cell: String) throws -> Data {
        let text = String(decoding: try TestFiles.sample("000_ad0b93b4492ed8bd"), as: UTF8.self)
        let original = "\t政府集中采购\n\t0\n\t0\n"
        try #require(text.contains(original))
        let changed = text.replacingOccurrences(of: original, with: "\t政府集中采购\n\t0\n\t\(cell)\n")
        return Data(changed.utf8)
    }

    private func convertAndCheckJSON(_ data: Data) throws -> (Report, [String: Any]) {
        let report = try Pipeline.convert(data: data, fileName: "fuzz.txt", format: .text)
        let json = ReportJSON.encode(report)
        #expect(!json.contains("NaN"))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        return (report, try #require(object as? [String: Any]))
    }

    /// A 160-digit amount in 亿元 overflowed `Decimal` when scaled to yuan: the JSON said
    /// `"amount_yuan": NaN` (not JSON) and the validator called the amount negative. Now the digit
    /// run is text, so the row is short of a value and is left null with a diagnostic.
    @Test("a huge amount with a unit is left null with a diagnostic, not NaN")
    func hugeAmountWithUnit() throws {
        let (report, object) = try convertAndCheckJSON(try sampleWithProcurementAmount(String(repeating: "9", count: 160) + "亿元"))
        let procurement = try #require((object["active_disclosure"] as? [String: Any])?["procurement"] as? [String: Any])
        #expect(procurement["amount_yuan"] is NSNull)
        #expect(report.diagnostics.contains { $0.path?.hasPrefix("active_disclosure.procurement") == true })
        #expect(!report.diagnostics.contains { $0.message.contains("NaN") })
    }

    @Test("more digits than any report figure read as text", arguments: [
        (String(repeating: "9", count: CellValue.maximumDigits), true),
        (String(repeating: "1", count: CellValue.maximumDigits + 1), false),
        (String(repeating: "9", count: 160) + "亿元", false),
        ("0." + String(repeating: "0", count: 200) + "1", false),
    ])
    func digitLimit(raw: String, isNumber: Bool) {
        if case .number = CellValue.parse(raw) {
            #expect(isNumber)
        } else {
            #expect(!isNumber)
        }
    }
}
