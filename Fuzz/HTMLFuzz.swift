// libFuzzer entry point for the HTML reader; built by Scripts/fuzz.sh (not part of the package).
// Runs the whole pipeline below NianbaoKit: HTMLReader → Recognizer → Validator → ReportJSON.
import Foundation
import NianbaoModel
import NianbaoHTML
import NianbaoRecognizer
import NianbaoValidator
import NianbaoWriters

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let document = try? HTMLReader.read(data: bytes, fileName: "fuzz.html") else { return 0 }
    var report = Recognizer.recognize(document)
    Validator.validate(&report)
    // The output must be JSON: a value that cannot be written as JSON (NaN) is a bug too.
    let json = ReportJSON.encode(report)
    if (try? JSONSerialization.jsonObject(with: Data(json.utf8))) == nil {
        fatalError("ReportJSON.encode wrote invalid JSON")
    }
    return 0
}
