import ArgumentParser
import Foundation
import NianbaoKit
import NianbaoModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check reports against the 勾稽关系 and list missing values.")

    @Argument(help: "Reports: .txt, .docx, or nianbao .json; folders are searched recursively.")
    var paths: [String]

    func run() throws {
        throw ValidationError("not implemented yet")
    }
}
