import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A process the tests start and always end themselves (receivers, extra `claimscore serve`
/// processes): posix_spawn with output to a file, signals by pid, bounded waits.
final class ChildProcess {
    enum SpawnError: Error { case failed(Int32) }

    let pid: pid_t
    private var exited = false

    init(_ arguments: [String], environment overrides: [String: String] = [:], output: String) throws {
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in overrides { environment[key] = value }
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid = pid_t()
        let status = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard status == 0 else { throw SpawnError.failed(status) }
        self.pid = pid
    }

    deinit { kill(signal: SIGKILL) }

    var isRunning: Bool {
        guard !exited else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid { exited = true }
        return !exited
    }

    /// Sends `signal` and waits (at most `timeout`) for the process to end; true when it did.
    @discardableResult
    func kill(signal: Int32, timeout: TimeInterval = 10) -> Bool {
        guard !exited else { return true }
        _ = Glibc.kill(pid, signal)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isRunning { return true }
            usleep(20_000)
        }
        return false
    }

    /// SIGTERM, then SIGKILL if it has not ended after `grace`.
    func stop(grace: TimeInterval = 10) {
        if !kill(signal: SIGTERM, timeout: grace) { kill(signal: SIGKILL) }
    }
}
