import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import NianbaoSandbox

/// Runs a program through ``Sandbox`` (arguments as an array: no shell, nothing in a file name is
/// ever interpreted; its own process group; no network where the machine allows it; killed when
/// nianbao dies), standard input from `/dev/null` and standard output and error into files, and
/// kills the whole group when it overruns its time.
enum ChildProcess {
    /// How a run ended.
    enum Termination: Equatable {
        /// The program exited with this status.
        case exited(Int32)
        /// The program was killed by this signal (a crash).
        case signaled(Int32)
        /// The program overran its time limit; its process group was killed.
        case timedOut
        /// The program could not be started (`errno`).
        case notStarted(Int32)
    }

    /// Runs `executable` with `arguments`, waiting at most until `stalled()` says it has made no
    /// progress for too long (asked every 100 ms with the seconds since the start). Every process
    /// left in the child's group is killed before the child is reaped, so nothing it started
    /// outlives the run, and the group's id cannot be reused before that. With `ownProcesses`,
    /// the program runs in its own pid namespace (where allowed): whatever it started dies with it.
    /// The calling thread waits for the child, so the child's parent-death signal fires only when
    /// nianbao itself ends.
    static func run(_ executable: String, arguments: [String], environment: [String: String],
                    standardOutput: String, standardError: String, ownProcesses: Bool = false,
                    stalled: (Double) -> Bool) -> Termination {
        Sandbox.installInterruptHandlers()
        let output = open(standardOutput, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let errors = standardError == "/dev/null" ? -1 : open(standardError, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer {
            if output >= 0 { close(output) }
            if errors >= 0 { close(errors) }
        }
        guard output >= 0, standardError == "/dev/null" || errors >= 0 else { return .notStarted(errno) }
        var request = Sandbox.Request(executable: executable, arguments: arguments, environment: environment)
        request.standardOutput = output
        request.standardError = errors
        request.ownProcesses = ownProcesses
        let pid: pid_t
        switch Sandbox.spawn(request) {
        case .success(let started): pid = started
        case .failure(let failure): return .notStarted(failure.code)
        }
        Sandbox.track(group: pid)
        defer { Sandbox.untrack(group: pid) }

        let start = Date()
        var timedOut = false
        while true {
            // WNOWAIT: the child stays a zombie, so its pid (the group id) is not reused yet.
            if Sandbox.hasEnded(pid) { break }
            if stalled(Date().timeIntervalSince(start)) {
                timedOut = true
                kill(-pid, SIGKILL)
            }
            usleep(100_000)
        }
        // Whatever the child left running in its group goes with it.
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if timedOut { return .timedOut }
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }
}
