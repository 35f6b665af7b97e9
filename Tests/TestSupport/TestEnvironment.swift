import Foundation

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

    public static var hasStack: Bool { baseURL != nil }
    public static var hasDatabase: Bool { dbSocket != nil }

    /// Runs `dbControl ACTION` and waits for it; true on exit status 0.
    @discardableResult
    public static func controlDatabase(_ action: String) -> Bool {
        guard let control = dbControl else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "\(control) \(action)"]
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }
}
