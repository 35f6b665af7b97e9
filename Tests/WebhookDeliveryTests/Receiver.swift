import Foundation
import JSON
import TestSupport

/// One request as the Python receiver recorded it, with the `standardwebhooks` verdict.
struct ReceivedRequest {
    let webhookID: String
    let timestamp: String
    let signature: String
    let contentType: String
    let userAgent: String
    let body: String
    let verified: Bool
    let verifyError: String?
    let receivedAt: Double
    /// When the receiver started writing its answer (nil while it is still sleeping).
    let replyingAt: Double?
    /// The status it answered, nil when the sender had hung up first.
    let status: Int?

    /// The parsed body.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    /// `data` of the body.
    var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }
}

/// The Python receiver (`receiver.py`) on a free loopback port, verifying every delivery with the
/// `standardwebhooks` library. It can be stopped and started again on the same port.
final class Receiver {
    private(set) var port: UInt16 = 0
    private var process: ChildProcess?
    private let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "receiver-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try start(port: 0)
    }

    deinit { process?.kill(signal: SIGKILL) }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Starts the script and waits (at most 15 s) for it to report its port.
    func start(port requested: UInt16) throws {
        let portFile = directory + "/port"
        try? FileManager.default.removeItem(atPath: portFile)
        process = try ChildProcess(
            [
                DeliveryTestEnvironment.python ?? "python3", DeliveryTestEnvironment.receiverScript, "--port",
                String(requested), "--port-file", portFile, "--max-seconds", "900",
            ],
            output: directory + "/receiver.log")
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let value = UInt16(text) {
                port = value
                return
            }
            usleep(20_000)
        }
        throw RawHTTPClient.ClientError.malformed("receiver did not start; see \(directory)/receiver.log")
    }

    /// Kills it: the port stops answering (connection refused) until `start(port:)`.
    func stop() {
        process?.kill(signal: SIGKILL)
        process = nil
    }

    /// Scripts the answers for `path`: `responses` once each, in order, then `fallback`.
    func configure(
        path: String, secret: String, responses: [[String: Any]] = [],
        fallback: [String: Any] = ["status": 200, "body": "ok"]
    ) throws {
        let spec: [String: Any] = ["path": path, "secret": secret, "responses": responses, "default": fallback]
        let body = try JSONSerialization.data(withJSONObject: spec)
        let result = try RawHTTPClient.send(
            "POST", "/_control/configure", headers: ["Content-Type": "application/json"], body: Array(body),
            port: port)
        guard result.status == 200 else { throw RawHTTPClient.ClientError.malformed("configure: \(result.status)") }
    }

    /// Everything received on `path`, oldest first.
    func log(_ path: String) throws -> [ReceivedRequest] {
        let escaped = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? path
        let result = try RawHTTPClient.send("GET", "/_control/log?path=\(escaped)", port: port)
        let records = (try JSONSerialization.jsonObject(with: Data(result.body))) as? [[String: Any]] ?? []
        return records.map { record in
            ReceivedRequest(
                webhookID: record["webhook_id"] as? String ?? "",
                timestamp: record["webhook_timestamp"] as? String ?? "",
                signature: record["webhook_signature"] as? String ?? "",
                contentType: record["content_type"] as? String ?? "", userAgent: record["user_agent"] as? String ?? "",
                body: record["body"] as? String ?? "", verified: record["verified"] as? Bool ?? false,
                verifyError: record["verify_error"] as? String, receivedAt: record["received_at"] as? Double ?? 0,
                replyingAt: record["replying_at"] as? Double, status: record["status"] as? Int)
        }
    }

    /// How many deliveries arrived on any path.
    func count() throws -> Int {
        try RawHTTPClient.send("GET", "/_control/count", port: port).json["count"] as? Int ?? 0
    }
}
