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

    static func readPDF(data: Data, fileName: String) throws -> SourceDocument {
        do {
            return try PDFReader.read(data: data, fileName: fileName)
        } catch let error as PDFError {
            throw ConversionError(file: fileName, stage: error.kind == .popplerMissing ? .read : .parse, message: error.problem)
        }
    }
}
