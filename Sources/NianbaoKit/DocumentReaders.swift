import Foundation
import NianbaoModel
import NianbaoOOXML
import NianbaoHTML

/// Format readers that live in other modules, behind one call each.
enum DocumentReaders {
    static func readDOCX(data: Data, fileName: String) throws -> SourceDocument {
        try DOCXReader.read(data: data, fileName: fileName)
    }

    static func readHTML(data: Data, fileName: String) throws -> SourceDocument {
        try HTMLReader.read(data: data, fileName: fileName)
    }

    static func looksLikeHTML(_ data: Data) -> Bool {
        HTMLReader.looksLikeHTML(data)
    }
}
