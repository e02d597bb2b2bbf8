import Foundation

/// Standard error output and a progress bar that draws only on a terminal.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static let stderrIsTerminal = isatty(2) == 1

    /// Draws `done/total`, rate, failures and time left on one line of standard error.
    struct Progress {
        let total: Int
        let started = Date()
        var lastDraw = Date.distantPast

        mutating func update(done: Int, failed: Int) {
            guard Terminal.stderrIsTerminal, total > 1 else { return }
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = now
            let elapsed = max(now.timeIntervalSince(started), 0.001)
            let rate = Double(done) / elapsed
            let left = rate > 0 ? Double(total - done) / rate : 0
            let width = 30
            let filled = total > 0 ? width * done / total : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            let line = String(format: "\r%@ %d/%d  %.0f files/s  %d failed  %@ left ", bar, done, total, rate, failed, Terminal.duration(left))
            FileHandle.standardError.write(Data(line.utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
