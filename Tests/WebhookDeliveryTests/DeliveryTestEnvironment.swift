import Foundation
import TestSupport

/// What `.ci/test` exports for the delivery tests, on top of `TestEnvironment`.
enum DeliveryTestEnvironment {
    private static var env: [String: String] { ProcessInfo.processInfo.environment }

    /// The venv Python with `standardwebhooks` installed (`ensure_python` in .ci/lib.sh).
    static var python: String? { env["CLAIMSCORE_TEST_PYTHON"] }
    /// The test instance's `secret_key`, to seal webhook tokens the way the portal does.
    static var secretKey: String? { env["CLAIMSCORE_TEST_SECRET_KEY"] }
    static var binary: String? { env["CLAIMSCORE_TEST_BIN"] }
    static var config: String? { env["CLAIMSCORE_TEST_CONFIG"] }
    static var runDirectory: String { env["CLAIMSCORE_TEST_RUN_DIR"] ?? NSTemporaryDirectory() }
    static var logDirectory: String { env["CLAIMSCORE_TEST_LOG_DIR"] ?? NSTemporaryDirectory() }

    /// True when the stack, the receiver's Python and the serve binary are all there.
    static var isReady: Bool {
        TestEnvironment.hasDatabase && python != nil && secretKey != nil && binary != nil && config != nil
    }

    /// The receiver script, next to this file.
    static var receiverScript: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("receiver.py").path
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes; true when it held.
    static func eventually(timeout: TimeInterval, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
