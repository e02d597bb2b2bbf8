import Foundation
import CNianbaoSpawn
#if canImport(Glibc)
import Glibc
#endif

/// Starts the programs nianbao hands work to (`pdftotext`, LibreOffice) so that they cannot reach
/// the network and cannot outlive nianbao.
///
/// Every child runs in its own process group, gets SIGKILL when the thread that started it ends
/// (`PR_SET_PDEATHSIG`, so also when nianbao is killed with SIGKILL or by the OOM killer), and,
/// where the machine allows it, in a network namespace with no interface but a downed loopback:
/// as root, one made once per run that every child joins (a child that needs no pid namespace
/// then starts by `clone(CLONE_VM | CLONE_VFORK)`, without copying nianbao's page tables);
/// otherwise a new one per child (with a new user namespace when nianbao is not root). A child
/// started with ``Request/ownProcesses`` runs as process 1 of a new pid namespace: when it ends or
/// is killed, the kernel kills every process it started (LibreOffice's `oosplash` → `soffice.bin`).
/// Where no namespace can be made, children run with the network and a warning says so once.
public enum Sandbox {
    /// What this machine allows.
    public enum Isolation: Int, Sendable {
        /// No namespace can be made: children have the network.
        case none = 0
        /// Children run without network.
        case network = 1
        /// Without network, and a child's descendants die with it (a pid namespace).
        case networkAndProcesses = 2
    }

    /// What a child is started with.
    public struct Request: Sendable {
        /// The program (a path) and its arguments.
        public var executable: String
        public var arguments: [String]
        /// The child's whole environment.
        public var environment: [String: String]
        /// Descriptors that become the child's 0, 1, 2 and 3 (`-1`: `/dev/null`, and no 3).
        public var standardInput: Int32 = -1
        public var standardOutput: Int32 = -1
        public var standardError: Int32 = -1
        public var descriptor3: Int32 = -1
        /// The child's address-space limit in bytes (`RLIMIT_AS`); `nil` for none.
        public var addressSpaceLimit: UInt64?
        /// Runs the child as process 1 of a new pid namespace when the machine allows it.
        public var ownProcesses = false

        /// A request for `executable` with `arguments` and `environment`.
        public init(executable: String, arguments: [String], environment: [String: String]) {
            self.executable = executable
            self.arguments = arguments
            self.environment = environment
        }
    }

    /// Why a child did not start: `errno` and the step that failed.
    public struct SpawnFailure: Error, Sendable {
        /// The `errno` value.
        public var code: Int32
        /// "fork", "namespaces", "limits", "descriptors" or "exec".
        public var step: String

        /// The system's text for `code`, with the step.
        public var description: String { "\(String(cString: strerror(code))) (at \(step))" }
    }

    /// `"<uid> <uid> 1"` and `"<gid> <gid> 1"`: the maps of a new user namespace.
    private static let maps: (uid: String, gid: String) = ("\(getuid()) \(getuid()) 1", "\(getgid()) \(getgid()) 1")

    /// What this machine allows, tried once. `NIANBAO_NETWORK_NAMESPACE=0` turns namespaces off
    /// (children then have the network; LibreOffice's profile still sends its web requests nowhere).
    public static let isolation: Isolation = {
        if ProcessInfo.processInfo.environment["NIANBAO_NETWORK_NAMESPACE"] == "0" { return .none }
        let level = maps.uid.withCString { uid in maps.gid.withCString { gid in nianbao_isolation_level(uid, gid) } }
        return Isolation(rawValue: Int(level)) ?? .none
    }()

    /// Says once on standard error that children run with network access.
    private static let warning: Void = {
        let reason = ProcessInfo.processInfo.environment["NIANBAO_NETWORK_NAMESPACE"] == "0"
            ? "NIANBAO_NETWORK_NAMESPACE=0 is set"
            : "this machine allows no network namespace (unshare(CLONE_NEWNET) and a user namespace both refused)"
        let text = "nianbao: warning: \(reason): LibreOffice and pdftotext run with network access (LibreOffice's private profile still sends web requests to a proxy that does not exist)\n"
        FileHandle.standardError.write(Data(text.utf8))
    }()

    /// Starts the child; returns its pid (its process group's id).
    public static func spawn(_ request: Request) -> Result<Int32, SpawnFailure> {
        let level = isolation
        if level == .none { _ = warning }
        let strings = [request.executable] + request.arguments + request.environment.map { "\($0.key)=\($0.value)" }
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 2)
        let argumentCount = request.arguments.count + 1
        for index in 0..<argumentCount { pointers[index] = strdup(strings[index]) }
        pointers[argumentCount] = nil
        for index in argumentCount..<strings.count { pointers[index + 1] = strdup(strings[index]) }
        pointers[strings.count + 1] = nil
        defer {
            for index in 0..<(strings.count + 2) { free(pointers[index]) }
            pointers.deallocate()
        }
        var stage: Int32 = 0
        let pid = request.executable.withCString { path in
            maps.uid.withCString { uid in
                maps.gid.withCString { gid in
                    var spawnRequest = nianbao_spawn_request(
                        path: path, argv: pointers, envp: pointers + argumentCount + 1,
                        stdin_fd: request.standardInput, stdout_fd: request.standardOutput,
                        stderr_fd: request.standardError, fd3: request.descriptor3,
                        address_space_limit: request.addressSpaceLimit ?? 0,
                        isolate_network: level == .none ? 0 : 1,
                        own_pid_namespace: request.ownProcesses && level == .networkAndProcesses ? 1 : 0,
                        uid_map: uid, gid_map: gid)
                    return nianbao_spawn(&spawnRequest, &stage)
                }
            }
        }
        if pid > 0 { return .success(pid) }
        let steps = [1: "fork", 2: "namespaces", 3: "limits", 4: "descriptors", 5: "exec"]
        return .failure(SpawnFailure(code: -pid, step: steps[Int(stage)] ?? "start"))
    }

    /// Installs, once, the SIGINT/SIGTERM/SIGHUP handlers that kill every registered child group
    /// and remove every registered file before nianbao ends as the signal says (only where the
    /// signal's action is the default: a run started with it ignored keeps ignoring it).
    public static func installInterruptHandlers() { nianbao_interrupt_install() }

    /// Registers a running child's process group, killed by the handlers.
    public static func track(group: Int32) { nianbao_interrupt_add_group(group) }

    /// Forgets a child group that has ended.
    public static func untrack(group: Int32) { nianbao_interrupt_remove_group(group) }

    /// Registers a file the handlers remove; returns a slot for ``untrack(fileSlot:)``.
    public static func track(file path: String) -> Int32 { nianbao_interrupt_add_file(path) }

    /// Forgets a registered file.
    public static func untrack(fileSlot: Int32) { nianbao_interrupt_remove_file(fileSlot) }

    /// A pipe whose two ends are close-on-exec (`[read, write]`), or `nil` (`errno` says why).
    public static func pipe() -> [Int32]? {
        var ends: [Int32] = [-1, -1]
        return nianbao_pipe(&ends) == 0 ? ends : nil
    }

    /// An anonymous in-memory file (close-on-exec), or a negative `errno` where there is none.
    public static func memoryFile(named name: String) -> Int32 {
        nianbao_memory_file(name)
    }

    /// Whether child `pid` has ended (or can no longer be waited for), without reaping it: it stays
    /// a zombie, so its pid — the group id nianbao signals — is not reused until it is reaped.
    public static func hasEnded(_ pid: Int32) -> Bool {
        var info = siginfo_t()
        let waited = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
        if waited != 0 { return errno != EINTR }
        #if canImport(Glibc)
        return info._sifields._sigchld.si_pid == pid
        #else
        return info.si_pid == pid
        #endif
    }

    /// Seconds on the monotonic clock (for deadlines that wall-clock changes do not move).
    public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
