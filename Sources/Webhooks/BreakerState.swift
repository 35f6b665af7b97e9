import Database
import Foundation

/// A webhook's failure bookkeeping as the delivery store reads it before writing an outcome, with
/// the database's clock (`now`) so every process judges time alike.
struct BreakerState: RowDecodable {
    let failingSince: Date?
    let consecutiveFailures: Int
    let paused: Bool
    let now: Date

    static let columns: SQLColumns = [
        "UNIX_TIMESTAMP(failing_since) AS failing_since", "consecutive_failures",
        "paused_until IS NOT NULL AS paused", "UNIX_TIMESTAMP(NOW(6)) AS now",
    ]

    init(row: Row) throws {
        let since: Double? = try row.decode("failing_since")
        failingSince = since.map(Date.init(timeIntervalSince1970:))
        consecutiveFailures = try row.decode("consecutive_failures")
        paused = try row.decode("paused")
        now = Date(timeIntervalSince1970: try row.decode("now"))
    }
}
