import Claims
import Database
import HTTP

/// Remembers the first response to an `Idempotency-Key` for 24 hours, per API key.
struct IdempotencyStore {
    let db: Connection

    struct Remembered: RowDecodable {
        let requestHash: [UInt8]
        let status: Int
        let body: [UInt8]

        static let columns: SQLColumns = ["request_hash", "status", "response"]

        init(row: Row) throws {
            requestHash = try row.decode("request_hash")
            status = try row.decode("status")
            body = Array(try row.decode("response", as: String.self).utf8)
        }
    }

    /// Validates the header: 1–255 visible ASCII characters.
    static func key(from request: Request) throws(HTTPError) -> String? {
        guard let value = request.headers["idempotency-key"] else { return nil }
        guard !value.isEmpty, value.utf8.count <= 255, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters.")
        }
        return value
    }

    static func requestHash(_ request: Request) -> [UInt8] {
        Hashing.sha256(Array("\(request.method) \(request.path)\n".utf8) + request.body)
    }

    func find(apiKeyID: Int, key: String) throws -> Remembered? {
        try db.first(
            """
            SELECT \(Remembered.columns) FROM idempotency_keys
            WHERE api_key_id = \(apiKeyID) AND idempotency_key = \(key)
              AND created_at > CURRENT_TIMESTAMP(6) - INTERVAL 1 DAY
            """, as: Remembered.self)
    }

    /// Stores the response; an expired row with the same key is replaced.
    func remember(apiKeyID: Int, key: String, requestHash: [UInt8], status: Int, body: [UInt8]) throws {
        try db.execute(
            """
            INSERT INTO idempotency_keys (api_key_id, idempotency_key, request_hash, status, response)
            VALUES (\(apiKeyID), \(key), \(requestHash), \(status), \(String(decoding: body, as: UTF8.self)))
            ON DUPLICATE KEY UPDATE request_hash = VALUES(request_hash), status = VALUES(status),
              response = VALUES(response), created_at = CURRENT_TIMESTAMP(6)
            """)
    }
}
