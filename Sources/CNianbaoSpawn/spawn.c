// Child processes that die with nianbao, without network, with bounded memory.
// Between fork and execve only async-signal-safe calls are made (the parent is multithreaded).
#define _GNU_SOURCE
#include "CNianbaoSpawn.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

enum { STAGE_FORK = 1, STAGE_NAMESPACES = 2, STAGE_LIMITS = 3, STAGE_DESCRIPTORS = 4, STAGE_EXEC = 5 };

static void report_and_exit(int pipe_fd, int stage, int error) {
    int message[2] = { stage, error };
    if (pipe_fd >= 0) { ssize_t ignored = write(pipe_fd, message, sizeof message); (void)ignored; }
    _exit(127);
}

static int write_text(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t length = strlen(text);
    ssize_t written = write(fd, text, length);
    close(fd);
    return written == (ssize_t)length ? 0 : -1;
}

/// Enters new namespaces; a new user namespace too when the plain call is not permitted.
static int enter_namespaces(int network, int pids, const char *uid_map, const char *gid_map) {
    int flags = (network ? CLONE_NEWNET : 0) | (pids ? CLONE_NEWPID : 0);
    if (flags == 0 || unshare(flags) == 0) return 0;
    if (unshare(flags | CLONE_NEWUSER) != 0) return -1;
    write_text("/proc/self/setgroups", "deny");
    if (uid_map) write_text("/proc/self/uid_map", uid_map);
    if (gid_map) write_text("/proc/self/gid_map", gid_map);
    return 0;
}

static void close_from(int lowest) {
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lowest, ~0U, 0) == 0) return;
#endif
    for (int fd = lowest; fd < 4096; fd++) close(fd);
}

/// Closes every descriptor from `lowest` on except `keep`.
static void close_all_but(int lowest, int keep) {
    if (keep < lowest) { close_from(lowest); return; }
    for (int fd = lowest; fd < keep; fd++) close(fd);
    close_from(keep + 1);
}

static void become_program(const nianbao_spawn_request *r, int pipe_fd) {
    // The error pipe (close-on-exec) first moved out of the way of descriptors 0-3.
    int keep = pipe_fd >= 0 ? fcntl(pipe_fd, F_DUPFD_CLOEXEC, 10) : -1;
    if (keep < 0) keep = pipe_fd;
    if (r->address_space_limit > 0) {
        struct rlimit limit = { (rlim_t)r->address_space_limit, (rlim_t)r->address_space_limit };
        if (setrlimit(RLIMIT_AS, &limit) != 0) report_and_exit(keep, STAGE_LIMITS, errno);
    }
    // Sources moved above 10 too, so no target overwrites a source that is still needed.
    int sources[4] = { r->stdin_fd, r->stdout_fd, r->stderr_fd, r->fd3 };
    int moved[4];
    for (int i = 0; i < 4; i++) {
        moved[i] = -1;
        if (sources[i] >= 0) {
            moved[i] = fcntl(sources[i], F_DUPFD, 10);
            if (moved[i] < 0) report_and_exit(keep, STAGE_DESCRIPTORS, errno);
        } else if (i < 3) {
            moved[i] = open("/dev/null", i == 0 ? O_RDONLY : O_WRONLY);
            if (moved[i] < 0) report_and_exit(keep, STAGE_DESCRIPTORS, errno);
        }
    }
    for (int i = 0; i < 4; i++) {
        if (moved[i] >= 0 && dup2(moved[i], i) < 0) report_and_exit(keep, STAGE_DESCRIPTORS, errno);
    }
    close_all_but(r->fd3 >= 0 ? 4 : 3, keep);
    execve(r->path, r->argv, r->envp);
    report_and_exit(keep, STAGE_EXEC, errno);
}

/// Reads the error pipe of a child just started (its write end closed here): end of file means
/// `execve` succeeded and the pid is returned; a message means a step failed, and the child is
/// reaped and -errno returned with `*stage` set. Closes `read_fd`.
static pid_t await_exec(int read_fd, pid_t pid, int *stage) {
    int message[2] = { 0, 0 };
    ssize_t got;
    do { got = read(read_fd, message, sizeof message); } while (got < 0 && errno == EINTR);
    close(read_fd);
    if (got == (ssize_t)sizeof message) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        *stage = message[0];
        return -message[1];
    }
    return pid;
}

// The shared network namespace: made once by a short-lived helper (a plain `unshare`, no user
// namespace), kept open by this descriptor (close-on-exec), joined by every child with `setns`.
// Making a network namespace costs the kernel about 0.6 ms (its loopback device registered, then
// torn down when the child ends): a third of the PDF reader's own time (issue 24's profile);
// joining one is a pointer swap. -1 when it cannot be made (not root: a user namespace would be
// needed too, which a child sharing nianbao's memory cannot enter), and each child makes its own.
static int shared_network_fd = -1;
static pthread_once_t shared_network_once = PTHREAD_ONCE_INIT;

static void make_shared_network(void) {
    int ready[2];
    if (pipe2(ready, O_CLOEXEC) != 0) return;
    pid_t helper = fork();
    if (helper < 0) { close(ready[0]); close(ready[1]); return; }
    if (helper == 0) {
        close(ready[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        char result = unshare(CLONE_NEWNET) == 0 ? 1 : 0;
        ssize_t ignored = write(ready[1], &result, 1);
        (void)ignored;
        // Waits for the parent's SIGKILL once it has opened the namespace (or dies with it).
        for (;;) pause();
    }
    close(ready[1]);
    char result = 0;
    ssize_t got;
    do { got = read(ready[0], &result, 1); } while (got < 0 && errno == EINTR);
    if (got == 1 && result == 1) {
        char path[64];
        snprintf(path, sizeof path, "/proc/%d/ns/net", (int)helper);
        shared_network_fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    close(ready[0]);
    kill(helper, SIGKILL);
    while (waitpid(helper, NULL, 0) < 0 && errno == EINTR) {}
}

/// What a child started by `clone` needs: the request, the error pipe's write end, the parent.
typedef struct {
    const nianbao_spawn_request *request;
    int pipe_fd;
    pid_t parent;
    int network_fd;
} shared_memory_child;

/// The child of `spawn_sharing_memory`: it runs on its own small stack in nianbao's memory until
/// `execve`, so it writes nothing but its stack, and calls only system-call wrappers.
static int child_sharing_memory(void *argument) {
    const shared_memory_child *c = argument;
    setpgid(0, 0);
    // Every handler back to the default (the handler table is the child's own copy: no
    // CLONE_SIGHAND), so no nianbao handler ever runs on this stack; then nothing blocked.
    struct sigaction standard;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    for (int number = 1; number < NSIG; number++) {
        struct sigaction current;
        if (number == SIGKILL || number == SIGSTOP) continue;
        if (sigaction(number, NULL, &current) != 0) continue;
        if (current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN) sigaction(number, &standard, NULL);
    }
    int defaults[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD };
    for (unsigned i = 0; i < sizeof defaults / sizeof defaults[0]; i++) sigaction(defaults[i], &standard, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (c->network_fd >= 0 && setns(c->network_fd, CLONE_NEWNET) != 0) report_and_exit(c->pipe_fd, STAGE_NAMESPACES, errno);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != c->parent) _exit(127);
    become_program(c->request, c->pipe_fd);
    return 127;
}

/// Starts a child without copying nianbao's memory (`clone(CLONE_VM | CLONE_VFORK)`, as
/// `posix_spawn` does): the fork's copy of the page tables and the `execve` that drops it again
/// were another third of the PDF reader's own time. The calling thread waits until the child has
/// called `execve` (or failed); every signal stays blocked in it until then. Returns the pid, or
/// 0 when this way is not available (the caller forks instead), or -errno.
static pid_t spawn_sharing_memory(const nianbao_spawn_request *r, int *stage) {
    int network_fd = -1;
    if (r->isolate_network) {
        pthread_once(&shared_network_once, make_shared_network);
        if (shared_network_fd < 0) return 0;
        network_fd = shared_network_fd;
    }
    size_t stack_size = 256 * 1024;
    char *stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) return 0;
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) { int error = errno; munmap(stack, stack_size); *stage = STAGE_FORK; return -error; }
    shared_memory_child child = { r, pipe_fds[1], getpid(), network_fd };
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t pid = clone(child_sharing_memory, stack + stack_size, CLONE_VM | CLONE_VFORK | SIGCHLD, &child);
    int error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    munmap(stack, stack_size);
    close(pipe_fds[1]);
    if (pid < 0) {
        close(pipe_fds[0]);
        *stage = STAGE_FORK;
        return -error;
    }
    return await_exec(pipe_fds[0], pid, stage);
}

pid_t nianbao_spawn(const nianbao_spawn_request *r, int *stage) {
    *stage = 0;
    if (!r->own_pid_namespace) {
        pid_t pid = spawn_sharing_memory(r, stage);
        if (pid != 0) return pid;
    }
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) { *stage = STAGE_FORK; return -errno; }
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int error = errno;
        close(pipe_fds[0]); close(pipe_fds[1]);
        *stage = STAGE_FORK;
        return -error;
    }
    if (pid == 0) {
        int out = pipe_fds[1];
        close(pipe_fds[0]);
        setpgid(0, 0);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        struct sigaction standard;
        memset(&standard, 0, sizeof standard);
        standard.sa_handler = SIG_DFL;
        int defaults[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD };
        for (unsigned i = 0; i < sizeof defaults / sizeof defaults[0]; i++) sigaction(defaults[i], &standard, NULL);
        if (enter_namespaces(r->isolate_network, r->own_pid_namespace, r->uid_map, r->gid_map) != 0) {
            report_and_exit(out, STAGE_NAMESPACES, errno);
        }
        // Dies with the thread that started it; if that already happened, at once.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(127);
        if (r->own_pid_namespace) {
            // This process stays outside the new pid namespace and waits; its first child is the
            // namespace's process 1 (a waiter too: signals a process 1 sends itself are ignored,
            // so the program is not it), and the program is process 2. Process 1 passes the
            // program's wait status up through a pipe.
            int status_pipe[2];
            if (pipe2(status_pipe, O_CLOEXEC) != 0) report_and_exit(out, STAGE_FORK, errno);
            pid_t init = fork();
            if (init < 0) report_and_exit(out, STAGE_FORK, errno);
            if (init == 0) {
                prctl(PR_SET_PDEATHSIG, SIGKILL);
                close(status_pipe[0]);
                pid_t program = fork();
                if (program < 0) report_and_exit(out, STAGE_FORK, errno);
                if (program == 0) {
                    prctl(PR_SET_PDEATHSIG, SIGKILL);
                    close(status_pipe[1]);
                    become_program(r, out);
                }
                close(out);
                // Process 1 never execs: without this it would keep every descriptor the
                // (multithreaded) parent had open at the fork, such as another run's --out lock,
                // for as long as the program runs.
                close_all_but(0, status_pipe[1]);
                int status = 0;
                while (waitpid(program, &status, 0) < 0) {
                    if (errno != EINTR) _exit(127);
                }
                ssize_t ignored = write(status_pipe[1], &status, sizeof status);
                (void)ignored;
                _exit(0);
            }
            close(out);
            close(status_pipe[1]);
            close_all_but(0, status_pipe[0]);
            int status = 0;
            ssize_t got;
            do { got = read(status_pipe[0], &status, sizeof status); } while (got < 0 && errno == EINTR);
            int init_status = 0;
            while (waitpid(init, &init_status, 0) < 0 && errno == EINTR) {}
            if (got != (ssize_t)sizeof status) status = init_status;
            if (WIFEXITED(status)) _exit(WEXITSTATUS(status));
            int number = WTERMSIG(status);
            struct sigaction fallback;
            memset(&fallback, 0, sizeof fallback);
            fallback.sa_handler = SIG_DFL;
            sigaction(number, &fallback, NULL);
            kill(getpid(), number);
            _exit(128 + number);
        }
        become_program(r, out);
    }
    close(pipe_fds[1]);
    return await_exec(pipe_fds[0], pid, stage);
}

static int probe(int pids, const char *uid_map, const char *gid_map) {
    pid_t pid = fork();
    if (pid < 0) return 0;
    if (pid == 0) {
        if (enter_namespaces(1, pids, uid_map, gid_map) != 0) _exit(1);
        if (pids) {
            pid_t inner = fork();
            if (inner < 0) _exit(1);
            if (inner == 0) _exit(getpid() == 1 ? 0 : 1);
            int status = 0;
            while (waitpid(inner, &status, 0) < 0) { if (errno != EINTR) _exit(1); }
            _exit(WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1);
        }
        _exit(0);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) { if (errno != EINTR) return 0; }
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int nianbao_isolation_level(const char *uid_map, const char *gid_map) {
    if (probe(1, uid_map, gid_map)) return 2;
    return probe(0, uid_map, gid_map) ? 1 : 0;
}

// Signal handling: fixed tables read by the handler (async-signal-safe: kill, unlink, raise).
#define GROUP_SLOTS 256
#define FILE_SLOTS 64
static volatile pid_t groups[GROUP_SLOTS];
static char files[FILE_SLOTS][PATH_MAX];
static volatile int file_used[FILE_SLOTS];
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static int installed = 0;

static void stop_children(int number) {
    for (int i = 0; i < GROUP_SLOTS; i++) {
        pid_t group = groups[i];
        if (group > 0) kill(-group, SIGKILL);
    }
    for (int i = 0; i < FILE_SLOTS; i++) {
        if (file_used[i]) unlink(files[i]);
    }
    signal(number, SIG_DFL);
    raise(number);
}

void nianbao_interrupt_install(void) {
    pthread_mutex_lock(&table_lock);
    if (!installed) {
        installed = 1;
        int numbers[] = { SIGINT, SIGTERM, SIGHUP };
        for (int i = 0; i < 3; i++) {
            struct sigaction current;
            if (sigaction(numbers[i], NULL, &current) != 0 || current.sa_handler != SIG_DFL) continue;
            struct sigaction action;
            memset(&action, 0, sizeof action);
            action.sa_handler = stop_children;
            sigemptyset(&action.sa_mask);
            sigaction(numbers[i], &action, NULL);
        }
    }
    pthread_mutex_unlock(&table_lock);
}

void nianbao_interrupt_add_group(pid_t group) {
    pthread_mutex_lock(&table_lock);
    for (int i = 0; i < GROUP_SLOTS; i++) {
        if (groups[i] == 0) { groups[i] = group; break; }
    }
    pthread_mutex_unlock(&table_lock);
}

void nianbao_interrupt_remove_group(pid_t group) {
    pthread_mutex_lock(&table_lock);
    for (int i = 0; i < GROUP_SLOTS; i++) {
        if (groups[i] == group) groups[i] = 0;
    }
    pthread_mutex_unlock(&table_lock);
}

int nianbao_interrupt_add_file(const char *path) {
    if (strlen(path) >= PATH_MAX) return -1;
    int slot = -1;
    pthread_mutex_lock(&table_lock);
    for (int i = 0; i < FILE_SLOTS; i++) {
        if (!file_used[i]) {
            memcpy(files[i], path, strlen(path) + 1);
            __atomic_store_n(&file_used[i], 1, __ATOMIC_SEQ_CST);
            slot = i;
            break;
        }
    }
    pthread_mutex_unlock(&table_lock);
    return slot;
}

void nianbao_interrupt_remove_file(int slot) {
    if (slot < 0 || slot >= FILE_SLOTS) return;
    pthread_mutex_lock(&table_lock);
    __atomic_store_n(&file_used[slot], 0, __ATOMIC_SEQ_CST);
    pthread_mutex_unlock(&table_lock);
}

int nianbao_memory_file(const char *name) {
#ifdef SYS_memfd_create
    long fd = syscall(SYS_memfd_create, name, 1U /* MFD_CLOEXEC */);
    return fd >= 0 ? (int)fd : -errno;
#else
    (void)name;
    return -ENOSYS;
#endif
}

int nianbao_pipe(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : -errno;
}
