import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A further `claimscore serve` against the test database, with its own socket: a second process
/// for the two-process and crash tests. Its delivery thread competes with the stack's own.
final class ServeProcess {
    let process: ChildProcess
    /// What its delivery thread writes to `leased_by` and `sent_by` (host:pid).
    let worker: String

    init(name: String) throws {
        let tag = "\(name)-\(UUID().uuidString.prefix(8))"
        let socket = DeliveryTestEnvironment.runDirectory + "/claimscore-\(tag).sock"
        process = try ChildProcess(
            [DeliveryTestEnvironment.binary ?? "", "serve", "--config", DeliveryTestEnvironment.config ?? ""],
            environment: ["CLAIMSCORE_SOCKET_PATH": socket, "CLAIMSCORE_THREADS": "1"],
            output: DeliveryTestEnvironment.logDirectory + "/claimscore-\(tag).log")
        worker = "\(Self.hostName()):\(process.pid)"
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, !FileManager.default.fileExists(atPath: socket), process.isRunning {
            usleep(20_000)
        }
        guard FileManager.default.fileExists(atPath: socket) else {
            process.kill(signal: SIGKILL)
            throw ChildProcess.SpawnError.failed(-1)
        }
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
