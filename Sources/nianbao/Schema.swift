import ArgumentParser
import NianbaoWriters

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) that every JSON output validates against.")

    func run() throws {
        print(ReportSchema.json, terminator: ReportSchema.json.hasSuffix("\n") ? "" : "\n")
    }
}
