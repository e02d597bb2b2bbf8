import Foundation
import NianbaoModel
import NianbaoOOXML

/// Format readers that live in other modules, behind one call each.
enum DocumentReaders {
    /// A DOCX, with the pipeline's paragraph budget (``Pipeline/maximumDOCXParagraphs``).
    static func readDOCX(data: Data, fileName: String, maxParagraphs: Int = Pipeline.maximumDOCXParagraphs) throws -> SourceDocument {
        try DOCXReader.read(data: data, fileName: fileName, limits: DOCXReader.Limits(maxParagraphs: maxParagraphs))
    }
}
