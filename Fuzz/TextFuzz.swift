// libFuzzer entry point for the text reader; built by Scripts/fuzz.sh (not part of the package).
// Runs the whole pipeline below NianbaoKit: TextReader → Recognizer → Validator → ReportJSON.
import Foundation
import NianbaoModel
import NianbaoText
import NianbaoRecognizer
import NianbaoValidator
import NianbaoWriters

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let document = try? TextReader.read(data: bytes, fileName: "fuzz.txt") else { return 0 }
    var report = Recognizer.recognize(document)
    Validator.validate(&report)
    // The output must be JSON: a value that cannot be written as JSON (NaN) is a bug too.
    let json = ReportJSON.encode(report)
    if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
        fatalError("ReportJSON.encode wrote invalid JSON")
    }
    return 0
}
