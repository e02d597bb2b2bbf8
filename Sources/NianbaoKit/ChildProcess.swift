import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program in its own process group with `posix_spawn` (arguments as an array: no shell,
/// nothing in a file name is ever interpreted), standard input from `/dev/null` and standard
/// output and error into files, and kills the whole group when it overruns its time.
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
    /// outlives the run, and the group's id cannot be reused before that.
    static func run(_ executable: String, arguments: [String], environment: [String: String],
                    standardOutput: String, standardError: String,
                    stalled: (Double) -> Bool) -> Termination {
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        // A new process group led by the child (group id 0 = the child's pid), with the signals
        // nianbao ignores while children run back to their default action.
        Interruption.shared.install()
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // No signal blocked: the calling thread may be a dispatch worker, which blocks most of them.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let strings = [executable] + arguments + environment.map { "\($0.key)=\($0.value)" }
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 2)
        defer {
            for index in 0..<(strings.count + 2) { free(pointers[index]) }
            pointers.deallocate()
        }
        // argv: the program and its arguments, then nil; envp: the environment, then nil.
        let argumentCount = arguments.count + 1
        for index in 0..<argumentCount { pointers[index] = strdup(strings[index]) }
        pointers[argumentCount] = nil
        for index in argumentCount..<strings.count { pointers[index + 1] = strdup(strings[index]) }
        pointers[strings.count + 1] = nil
        var pid: pid_t = 0
        let started = posix_spawn(&pid, executable, &actions, &attributes, pointers, pointers + argumentCount + 1)
        guard started == 0 else { return .notStarted(started) }
        Interruption.shared.add(group: pid)
        defer { Interruption.shared.remove(group: pid) }

        let start = Date()
        var timedOut = false
        while true {
            // WNOWAIT: the child stays a zombie, so its pid (the group id) is not reused yet.
            var info = siginfo_t()
            let waited = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
            if waited == 0 && Self.pid(of: info) == pid { break }
            if waited != 0 && errno != EINTR { break }
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

    /// The pid `waitid` filled in (0 when no child has changed state yet).
    private static func pid(of info: siginfo_t) -> pid_t {
        #if canImport(Glibc)
        info._sifields._sigchld.si_pid
        #else
        info.si_pid
        #endif
    }
}

/// The process groups of running children, read by the signal handler (a fixed table: the
/// handler may only read memory and call async-signal-safe functions such as `kill`).
private nonisolated(unsafe) let childGroups: UnsafeMutablePointer<pid_t> = {
    let table = UnsafeMutablePointer<pid_t>.allocate(capacity: Interruption.capacity)
    table.initialize(repeating: 0, count: Interruption.capacity)
    return table
}()

/// Kills every running child's group, then ends nianbao by the signal's default action.
private let stopChildren: @convention(c) (Int32) -> Void = { number in
    for index in 0..<Interruption.capacity where childGroups[index] > 0 {
        kill(-childGroups[index], SIGKILL)
    }
    signal(number, SIG_DFL)
    raise(number)
}

/// Stops LibreOffice when nianbao is interrupted: the children run in their own process groups, so
/// a Ctrl-C (SIGINT), SIGTERM or SIGHUP sent to nianbao does not reach them. Once a child has
/// started, those signals (unless nianbao was started with them ignored) kill every running
/// child's group and then end nianbao as they would have. The temporary folders are left to the
/// next run, which removes the folders of dead runs (as after a SIGKILL, which cannot be caught).
final class Interruption: @unchecked Sendable {
    // Safety: the table and `installed` are only written with `lock` held.
    static let shared = Interruption()
    /// Children tracked at once (more run untracked: they still end by the stall limit).
    static let capacity = 256
    private let lock = NSLock()
    private var installed = false

    /// Installs the handlers (once), before the first child starts.
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard !installed else { return }
        installed = true
        _ = childGroups
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var current = sigaction()
            guard sigaction(number, nil, &current) == 0, Self.isDefault(current) else { continue }
            signal(number, stopChildren)
        }
    }

    /// `true` when the action is the default one (not ignored, not someone else's handler).
    private static func isDefault(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler == nil
        #else
        action.__sigaction_u.__sa_handler == nil
        #endif
    }

    /// Registers a running child's process group.
    func add(group: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<Self.capacity where childGroups[index] == 0 {
            childGroups[index] = group
            return
        }
    }

    /// Forgets a child that has ended.
    func remove(group: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<Self.capacity where childGroups[index] == group {
            childGroups[index] = 0
        }
    }
}
