import Common
import Database
import Scoring
import Tenancy

/// Signal rows: written with each claim, counted for the next ones in one query per claim.
public struct SignalHistoryStore {
    let db: Connection

    public init(db: Connection) { self.db = db }

    /// First 16 bytes of SHA-256 over case, environment, kind and value: sandbox and production,
    /// and different cases, never share a key.
    public static func keyHash(caseID: String, environment: Environment, signal: Signal) -> [UInt8] {
        Array(
            Hashing.sha256(Array("\(caseID)|\(environment.rawValue)|\(signal.kind.rawValue)|\(signal.value)".utf8))
                .prefix(16))
    }

    /// `now - window` in microseconds with checked conversion: settings are validated (at most
    /// 10 years), but a value that slips through clamps to the earliest timestamp, never traps.
    public static func windowStart(_ nowMicros: Int64, _ windowSeconds: Double) -> Int64 {
        let micros = (windowSeconds * 1_000_000).rounded(.up)
        guard micros.isFinite, micros >= 0, let window = Int64(exactly: micros) else { return Timestamp.minMicros }
        let (start, overflow) = nowMicros.subtractingReportingOverflow(window)
        return overflow ? Timestamp.minMicros : max(start, Timestamp.minMicros)
    }

    public static func claimantHash(caseID: String, environment: Environment, claimantKey: String?) -> [UInt8] {
        guard let claimantKey else { return [UInt8](repeating: 0, count: 16) }
        return Array(Hashing.sha256(Array("\(caseID)|\(environment.rawValue)|claimant|\(claimantKey)".utf8)).prefix(16))
    }

    /// Answers every lookup with one statement: totals and per-window counts grouped by key.
    /// Keys asked only about a window (IP velocity) read only that window's rows, which the
    /// primary key (key_hash, created_at, …) makes a range scan however long the history grows.
    public func counts(
        caseID: String, environment: Environment, lookups: [SignalLookup], claimantHash: [UInt8], nowMicros: Int64
    ) throws(DatabaseError) -> SignalCounts {
        guard !lookups.isEmpty else { return SignalCounts() }
        var hashes: [Signal: [UInt8]] = [:]
        var allTime: [Signal: Bool] = [:]
        for lookup in lookups {
            if hashes[lookup.signal] == nil {
                hashes[lookup.signal] = Self.keyHash(caseID: caseID, environment: environment, signal: lookup.signal)
            }
            allTime[lookup.signal] = (allTime[lookup.signal] ?? false) || lookup.windowSeconds == nil
        }
        let windows = Array(Set(lookups.compactMap(\.windowSeconds))).sorted()
        func since(_ window: Double) -> String { Timestamp.sql(micros: Self.windowStart(nowMicros, window)) }
        var select: SQL = """
            SELECT key_hash, COUNT(*) AS c, COUNT(DISTINCT IF(claimant_hash <> \(claimantHash), claimant_hash, NULL)) AS o
            """
        for (index, window) in windows.enumerated() {
            select += ", SUM(created_at >= \(since(window))) AS \(unsafeRaw: "c\(index)")"
            select += """
                , COUNT(DISTINCT IF(created_at >= \(since(window)) AND claimant_hash <> \(claimantHash), claimant_hash, NULL))
                  AS \(unsafeRaw: "o\(index)")
                """
        }
        let wholeHistory = hashes.filter { allTime[$0.key] == true }.map(\.value)
        let windowOnly = hashes.filter { allTime[$0.key] != true }.map(\.value)
        var conditions: [SQL] = []
        if !wholeHistory.isEmpty { conditions.append("key_hash IN (\(list: wholeHistory))") }
        if !windowOnly.isEmpty, let widest = windows.last {
            conditions.append("(key_hash IN (\(list: windowOnly)) AND created_at >= \(since(widest)))")
        }
        select += " FROM claim_signals WHERE " + SQL.joined(conditions, separator: " OR ") + " GROUP BY key_hash"
        var rows: [[UInt8]: Row] = [:]
        for row in try db.query(select) {
            if let key = try row.decode("key_hash", as: [UInt8]?.self) { rows[key] = row }
        }
        var counts: [SignalLookup: HistoryCount] = [:]
        for lookup in lookups {
            guard let hash = hashes[lookup.signal], let row = rows[hash] else {
                counts[lookup] = .zero
                continue
            }
            if let window = lookup.windowSeconds, let index = windows.firstIndex(of: window) {
                counts[lookup] = try Self.count(row, claims: "c\(index)", otherClaimants: "o\(index)")
            } else {
                counts[lookup] = try Self.count(row, claims: "c", otherClaimants: "o")
            }
        }
        return SignalCounts(counts)
    }

    /// Writes the claim's signal rows (same transaction as the claim).
    public func record(
        caseID: String, environment: Environment, claimID: Int, signals: [Signal], claimantHash: [UInt8],
        atMicros: Int64
    ) throws(DatabaseError) {
        let at = Timestamp.sql(micros: atMicros)
        var seen = Set<[UInt8]>()
        var rows: [[any Bindable]] = []
        for signal in signals {
            let hash = Self.keyHash(caseID: caseID, environment: environment, signal: signal)
            if seen.insert(hash).inserted { rows.append([hash, claimID, claimantHash, at]) }
        }
        try db.insertMany(into: "claim_signals", columns: Self.signalColumns, rows: rows)
    }

    private static let signalColumns: SQLColumns = ["key_hash", "claim_id", "claimant_hash", "created_at"]

    /// A key's counts from its row (NULL, as SUM over no rows gives, counts as 0).
    private static func count(_ row: Row, claims: String, otherClaimants: String) throws(DatabaseError)
        -> HistoryCount
    {
        HistoryCount(
            claims: try row.decode(claims, as: Int?.self) ?? 0,
            otherClaimants: try row.decode(otherClaimants, as: Int?.self) ?? 0)
    }
}
