import Foundation
import NianbaoModel
import NianbaoOOXML
import NianbaoHTML
import NianbaoPDF

/// Format readers that live in other modules, behind one call each.
enum DocumentReaders {
    /// A DOCX, with the pipeline's paragraph budget (``Pipeline/maximumDOCXParagraphs``).
    static func readDOCX(data: Data, fileName: String, maxParagraphs: Int = Pipeline.maximumDOCXParagraphs) throws -> SourceDocument {
        try DOCXReader.read(data: data, fileName: fileName, limits: DOCXReader.Limits(maxParagraphs: maxParagraphs))
    }

    /// An HTML page, with the pipeline's paragraph budget (``Pipeline/maximumDOCXParagraphs``)
    /// for its paragraphs and table cells.
    static func readHTML(data: Data, fileName: String, maxParagraphs: Int = Pipeline.maximumDOCXParagraphs) throws -> SourceDocument {
        do {
            return try HTMLReader.read(data: data, fileName: fileName, limits: HTMLReader.Limits(maximumParagraphs: maxParagraphs))
        } catch let error as HTMLReadError {
            // The pipeline names the file; the reader's own description would name it twice.
            throw ConversionError(file: fileName, stage: .parse, message: error.problem.split(whereSeparator: \.isNewline).joined(separator: " "))
        }
    }

    static func looksLikeHTML(_ data: Data) -> Bool {
        HTMLReader.looksLikeHTML(data)
    }

    static func readPDF(data: Data, fileName: String, tool: PDFTool = PDFTool()) throws -> SourceDocument {
        do {
            return try PDFReader.read(data: data, fileName: fileName, options: PDFReader.Options(pdftotext: tool.pdftotext, timeLimit: tool.timeLimit))
        } catch let error as PDFError {
            throw ConversionError(file: fileName, stage: error.kind == .popplerMissing ? .read : .parse, message: error.problem)
        }
    }
}

/// How the PDF reader runs Poppler's `pdftotext`.
public struct PDFTool: Sendable {
    /// The `pdftotext` to run; `nil` looks for it on the process's `PATH`.
    public var pdftotext: String?
    /// The most seconds it may run; `nil`: `NIANBAO_PDFTOTEXT_TIMEOUT`, else 60.
    public var timeLimit: Double?

    /// Creates the settings (the defaults are the CLI's).
    public init(pdftotext: String? = nil, timeLimit: Double? = nil) {
        self.pdftotext = pdftotext
        self.timeLimit = timeLimit
    }
}
