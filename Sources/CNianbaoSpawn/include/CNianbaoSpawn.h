#ifndef CNIANBAO_SPAWN_H
#define CNIANBAO_SPAWN_H

#include <sys/types.h>

/// What a child process is started with. Everything is prepared before `fork` (the child only
/// calls async-signal-safe functions between `fork` and `execve`).
typedef struct {
    /// The program (an absolute path) and its NULL-terminated argument and environment lists.
    const char *path;
    char *const *argv;
    char *const *envp;
    /// Descriptors made the child's 0, 1, 2 and 3 (-1: `/dev/null` for 0-2, nothing for 3).
    int stdin_fd;
    int stdout_fd;
    int stderr_fd;
    int fd3;
    /// `RLIMIT_AS` of the child in bytes (0: unchanged).
    unsigned long long address_space_limit;
    /// 1: run without network (a new network namespace; a new user namespace too when needed).
    int isolate_network;
    /// 1: the program runs as process 1 of a new pid namespace, under a small waiter process
    /// (the returned child): when either dies, the kernel kills every process the program started.
    int own_pid_namespace;
    /// "<uid> <uid> 1" and "<gid> <gid> 1", written to the maps of a new user namespace.
    const char *uid_map;
    const char *gid_map;
} nianbao_spawn_request;

/// Starts a child in a new process group (led by it) that gets SIGKILL when the calling thread
/// ends (`PR_SET_PDEATHSIG`), with SIGINT, SIGTERM, SIGHUP and SIGPIPE at their default action and
/// no signal blocked. Returns the child's pid, or -errno when it could not be started (then
/// `*stage` says where: 1 fork, 2 namespaces, 3 limits, 4 descriptors, 5 exec).
pid_t nianbao_spawn(const nianbao_spawn_request *request, int *stage);

/// 1 when `isolate_network` (and 2 for `own_pid_namespace` as well) works on this machine, tried
/// once in a short-lived child; 0 when not even a network namespace can be made.
int nianbao_isolation_level(const char *uid_map, const char *gid_map);

/// Installs the SIGINT/SIGTERM/SIGHUP handlers (once; only where the action is the default):
/// they kill every registered child group, remove every registered file, then end the process
/// as the signal would have.
void nianbao_interrupt_install(void);
/// Registers and forgets a running child's process group.
void nianbao_interrupt_add_group(pid_t group);
void nianbao_interrupt_remove_group(pid_t group);
/// Registers a file removed when a signal ends the process (returns a slot, or -1 when full);
/// forgets it by its slot.
int nianbao_interrupt_add_file(const char *path);
void nianbao_interrupt_remove_file(int slot);

/// An anonymous in-memory file (`memfd_create`, close-on-exec); -errno when there is none.
int nianbao_memory_file(const char *name);
/// A pipe whose two ends are close-on-exec; 0 or -errno.
int nianbao_pipe(int fds[2]);

#endif
