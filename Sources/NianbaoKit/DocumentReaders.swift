import Foundation
import NianbaoModel
import NianbaoOOXML

/// Format readers that live in other modules, behind one call each.
enum DocumentReaders {
    static func readDOCX(data: Data, fileName: String, maxParagraphs: Int) throws -> SourceDocument {
        try DOCXReader.read(data: data, fileName: fileName, limits: DOCXReader.Limits(maxParagraphs: maxParagraphs))
    }
}
