import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A further `claimscore serve` against the test database, with its own sockets and one worker
/// process: a second process for the two-process and crash tests. Its delivery thread competes
/// with the stack's own. Killing the master (`process`) kills its worker too (PR_SET_PDEATHSIG).
final class ServeProcess {
    let process: ChildProcess
    /// What its worker's delivery thread writes to `leased_by` and `sent_by` (host:pid of the worker).
    let worker: String

    init(name: String) throws {
        let tag = "\(name)-\(UUID().uuidString.prefix(8))"
        let socket = DeliveryTestEnvironment.runDirectory + "/claimscore-\(tag).sock"
        process = try ChildProcess(
            [DeliveryTestEnvironment.binary ?? "", "serve", "--config", DeliveryTestEnvironment.config ?? ""],
            environment: [
                "CLAIMSCORE_SOCKET_PATH": socket, "CLAIMSCORE_THREADS": "1", "CLAIMSCORE_PORTAL_THREADS": "1",
                "CLAIMSCORE_PROCESSES": "1",
            ],
            output: DeliveryTestEnvironment.logDirectory + "/claimscore-\(tag).log")
        let deadline = Date().addingTimeInterval(15)
        var child: Int32?
        while Date() < deadline, child == nil, process.isRunning {
            child = Self.children(of: process.pid).first
            if child == nil { usleep(20_000) }
        }
        guard let child, FileManager.default.fileExists(atPath: socket) else {
            process.kill(signal: SIGKILL)
            throw ChildProcess.SpawnError.failed(-1)
        }
        worker = "\(Self.hostName()):\(child)"
    }

    /// The live child processes of `pid` (its worker processes, for a `serve` master).
    static func children(of pid: Int32) -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
