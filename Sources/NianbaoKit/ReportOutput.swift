public import Foundation
public import NianbaoModel
import NianbaoOOXML
import NianbaoWriters

/// One report written in one output format: the bytes `nianbao convert FILE --to …` prints for a
/// single input, and what `POST /v1/convert` answers. Both fronts call this.
public enum ReportOutput {
    /// An output format of one report.
    public enum Format: String, Sendable, CaseIterable {
        /// Pretty JSON (the contract), as `convert --out` writes `NAME.json`.
        case json
        /// The report on one line, then a line feed (a line of `reports.jsonl`).
        case jsonl
        /// The wide CSV (`reports.csv`): header and one row.
        case csv
        /// The long CSV (`values.csv`): header and one row per value.
        case csvLong = "csv-long"
        /// The report as a Word document in the official template.
        case docx

        /// The media type of the output.
        public var mediaType: String {
            switch self {
            case .json: "application/json; charset=utf-8"
            case .jsonl: "application/x-ndjson; charset=utf-8"
            case .csv, .csvLong: "text/csv; charset=utf-8"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
        }

        /// The file extension of the output.
        public var fileExtension: String {
            switch self {
            case .json: "json"
            case .jsonl: "jsonl"
            case .csv, .csvLong: "csv"
            case .docx: "docx"
            }
        }
    }

    /// The bytes of `report` in `format`.
    /// - Throws: the DOCX writer's error when the document cannot be written.
    public static func data(for report: Report, format: Format, byteOrderMark: Bool = false) throws -> Data {
        switch format {
        case .json: Data(ReportJSON.encodeUTF8(report))
        case .jsonl: Data(ReportJSON.encodeUTF8(report, pretty: false) + [UInt8(ascii: "\n")])
        case .csv: CSVWriter.data(for: [report], shape: .wide, byteOrderMark: byteOrderMark)
        case .csvLong: CSVWriter.data(for: [report], shape: .long, byteOrderMark: byteOrderMark)
        case .docx: try DOCXWriter.data(for: report)
        }
    }
}
