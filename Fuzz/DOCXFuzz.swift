// libFuzzer entry point for the DOCX reader; built by Scripts/fuzz.sh (not part of the package).
// Runs the whole pipeline below NianbaoKit: DOCXReader → Recognizer → Validator → ReportJSON.
//
// An input starting with `PK` is read as a whole package (zip, relationships, parts). Any other
// input is taken as `word/document.xml` and wrapped in a minimal stored (uncompressed) package
// first: byte mutations of deflated parts almost never get past the CRC check, so this is how the
// XML walker and the recognizer behind it get fuzzed. The corpus holds both kinds.
import Foundation
import NianbaoModel
import NianbaoOOXML
import NianbaoRecognizer
import NianbaoValidator
import NianbaoWriters

private let contentTypes = Data("""
    <?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>
    """.utf8)
private let packageRelationships = Data("""
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
    Target="word/document.xml"/></Relationships>
    """.utf8)

private func package(documentXML: Data) -> Data? {
    var builder = ZipArchiveBuilder()
    builder.addEntry("[Content_Types].xml", contents: contentTypes, compression: .store)
    builder.addEntry("_rels/.rels", contents: packageRelationships, compression: .store)
    builder.addEntry("word/document.xml", contents: documentXML, compression: .store)
    return try? builder.build()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Data(bytes: data, count: size)
    if !bytes.starts(with: [0x50, 0x4B]) {
        guard let wrapped = package(documentXML: bytes) else { return 0 }
        bytes = wrapped
    }
    guard let document = try? DOCXReader.read(data: bytes, fileName: "fuzz.docx") else { return 0 }
    var report = Recognizer.recognize(document)
    Validator.validate(&report)
    // The output must be JSON: a value that cannot be written as JSON (NaN) is a bug too.
    let json = ReportJSON.encode(report)
    if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
        fatalError("ReportJSON.encode wrote invalid JSON")
    }
    return 0
}
