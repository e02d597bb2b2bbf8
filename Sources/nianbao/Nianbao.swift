import ArgumentParser

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Turns government information-disclosure annual reports (政府信息公开工作年度报告) into a clean, uniform dataset.",
        subcommands: [Convert.self, Validate.self, Schema.self],
        defaultSubcommand: nil
    )
}
