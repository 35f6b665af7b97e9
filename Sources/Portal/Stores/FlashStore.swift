import Database
import Foundation
import Webhooks

/// One-time messages tied to a session: the new API key's dialog and short notices.
///
/// A new key must reach the page after the redirect that follows the form post, yet it must never
/// travel in a URL or a readable cookie, nor stay anywhere once shown. So it is sealed with the
/// server key (AES-GCM, bound to the session), kept for at most `lifetimeMinutes`, and deleted in the
/// same transaction that reads it.
public struct FlashStore {
    /// What a flash carries.
    public enum Kind: String, Sendable {
        /// A newly created API key, shown once in the confirmation dialog.
        case apiKey = "api_key"
        /// A sentence such as "The key was deleted."
        case notice
    }

    /// A stored flash, still sealed.
    private struct Flash: RowDecodable {
        let kind: Kind
        let payload: [UInt8]

        static let columns: SQLColumns = ["kind", "payload"]

        init(row: Row) throws {
            kind = try row.decode("kind")
            payload = try row.decode("payload")
        }
    }

    public static let lifetimeMinutes = 5

    private let db: Connection
    private let box: SecretBox

    public init(db: Connection, box: SecretBox) {
        self.db = db
        self.box = box
    }

    public func add(sessionHash: [UInt8], kind: Kind, text: String) throws {
        let sealed = try box.seal(text, context: Self.context(sessionHash, kind))
        try db.execute(
            """
            INSERT INTO portal_flash (session_hash, kind, payload, expires_at)
            VALUES (\(sessionHash), \(kind), \(Array(sealed)), CURRENT_TIMESTAMP(6) + INTERVAL \(Self.lifetimeMinutes) MINUTE)
            """)
    }

    /// Every live flash of the session, oldest first, deleted as they are read.
    public func take(sessionHash: [UInt8]) throws -> [(kind: Kind, text: String)] {
        let flashes = try db.transaction {
            let flashes = try db.query(
                """
                SELECT \(Flash.columns) FROM portal_flash
                WHERE session_hash = \(sessionHash) AND expires_at > CURRENT_TIMESTAMP(6) ORDER BY id FOR UPDATE
                """, as: Flash.self)
            if !flashes.isEmpty { try db.execute("DELETE FROM portal_flash WHERE session_hash = \(sessionHash)") }
            return flashes
        }
        return try flashes.map { flash in
            (flash.kind, try box.open(Data(flash.payload), context: Self.context(sessionHash, flash.kind)))
        }
    }

    /// Binds a sealed flash to its session and kind, so a row copied elsewhere does not open.
    private static func context(_ sessionHash: [UInt8], _ kind: Kind) -> String {
        "portal-flash:" + kind.rawValue + ":" + sessionHash.map { String(format: "%02x", $0) }.joined()
    }
}
