import ArgumentParser
import Foundation

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Turns government information-disclosure annual reports (政府信息公开工作年度报告) into a clean, uniform dataset.",
        subcommands: [Convert.self, Validate.self, Review.self, Compare.self, Schema.self, Serve.self],
        defaultSubcommand: nil
    )

    /// The exit status of usage problems (unknown options, bad values, missing arguments), as
    /// the README promises; swift-argument-parser's own is 64 (`EX_USAGE`).
    static let usageExitStatus: Int32 = 2

    /// No subcommand: a usage problem too; the help goes to standard error.
    func run() throws {
        FileHandle.standardError.write(Data(("Error: a subcommand is needed\n\n" + Self.helpMessage() + "\n").utf8))
        throw ExitCode(Self.usageExitStatus)
    }

    /// Parses and runs the command; usage errors print their message and usage and exit 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error).rawValue == ExitCode.validationFailure.rawValue {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(usageExitStatus)
            }
            exit(withError: error)
        }
    }
}
