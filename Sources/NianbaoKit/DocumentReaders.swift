import Foundation
import NianbaoModel

/// Format readers that live in other modules, behind one call each.
enum DocumentReaders {
    static func readDOCX(data: Data, fileName: String) throws -> SourceDocument {
        throw ConversionError(file: fileName, stage: .parse, message: "DOCX input is not supported yet")
    }
}
