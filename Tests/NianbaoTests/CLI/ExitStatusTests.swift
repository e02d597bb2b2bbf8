import Foundation
import Testing

/// Issue 13, cases 6 and 7: usage problems exit 2, and errors say what happened.
@Suite("Exit status and messages")
struct ExitStatusTests {
    @Test(arguments: [
        ["convert", "x.txt", "--to", "xlsx"],
        ["convert", "--bogus", "x.txt"],
        ["convert"],
        ["validate"],
        ["convert", "x.txt", "--jobs", "0"],
        ["convert", "x.txt", "--jobs=-1"],
        ["validate", "x.json", "--jobs", "0"],
        ["frobnicate"],
    ])
    func usageProblemsExitTwo(arguments: [String]) throws {
        guard let result = try CommandLineTests.run(arguments) else { return }
        #expect(result.status == 2, "\(arguments): \(result.err)")
        #expect(result.err.contains("Error:"), "\(result.err)")
    }

    @Test func jobsMustBePositive() throws {
        guard let result = try CommandLineTests.run(["convert", "x.txt", "--jobs", "0"]) else { return }
        #expect(result.err.contains("--jobs must be at least 1"))
    }

    @Test func helpStillExitsZero() throws {
        guard let result = try CommandLineTests.run(["convert", "--help"]) else { return }
        #expect(result.status == 0)
        #expect(result.out.contains("--include-hidden"))
    }
}
