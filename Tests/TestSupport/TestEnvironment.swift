import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the running test stack is; `.ci/test` exports these before `swift test`.
public enum TestEnvironment {
    private static var env: [String: String] { ProcessInfo.processInfo.environment }

    /// Base URL of nginx in front of the worker pool, e.g. `http://127.0.0.1:18080`.
    public static var baseURL: String? { env["CLAIMSCORE_TEST_URL"] }
    public static var port: UInt16 {
        guard let url = baseURL, let last = url.split(separator: ":").last, let port = UInt16(last) else { return 0 }
        return port
    }
    public static var dbSocket: String? { env["CLAIMSCORE_TEST_DB_SOCKET"] }
    public static var dbUser: String { env["CLAIMSCORE_TEST_DB_USER"] ?? "claimscore" }
    public static var dbPassword: String { env["CLAIMSCORE_TEST_DB_PASSWORD"] ?? "" }
    public static var dbName: String { env["CLAIMSCORE_TEST_DB_NAME"] ?? "claimscore" }
    /// The command that stops or starts the test MariaDB (`.ci/dbctl test`).
    public static var dbControl: String? { env["CLAIMSCORE_TEST_DBCTL"] }

    /// The stack's `run` directory (pid files, sockets) and `log` directory.
    public static var runDirectory: String? { env["CLAIMSCORE_TEST_RUN_DIR"] }
    public static var logDirectory: String? { env["CLAIMSCORE_TEST_LOG_DIR"] }

    public static var hasStack: Bool { baseURL != nil }
    public static var hasDatabase: Bool { dbSocket != nil }

    /// Runs `dbControl ACTION` and waits for that process alone (not for daemons it leaves running,
    /// which Foundation's `Process` would wait for through inherited descriptors); true on exit 0.
    @discardableResult
    public static func controlDatabase(_ action: String) -> Bool {
        guard let control = dbControl else { return false }
        return run(["/bin/bash", "-c", "\(control) \(action) </dev/null >/dev/null 2>&1"]) == 0
    }

    /// posix_spawn + waitpid: the exit status of the command, or -1.
    public static func run(_ arguments: [String]) -> Int32 {
        var pid = pid_t()
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        guard posix_spawn(&pid, arguments[0], nil, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}
