import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// posix_spawn of a worker process with chosen descriptors and a clean signal state.
enum WorkerSpawn {
    /// Starts `executable` with `descriptors` (from, to) duplicated into place, every signal
    /// unblocked and `defaultSignals` back to their default action; the pid, or the errno.
    static func spawn(
        executable: String, arguments: [String], descriptors: [(Int32, Int32)], defaultSignals: [Int32]
    ) -> Result<pid_t, SpawnFailure> {
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (from, to) in descriptors { posix_spawn_file_actions_adddup2(&actions, from, to) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in defaultSignals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        return status == 0 ? .success(pid) : .failure(SpawnFailure(code: status))
    }
}

/// Why posix_spawn failed (an errno value).
struct SpawnFailure: Error {
    let code: Int32
}
