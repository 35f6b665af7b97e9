import Database
import Scoring

/// Signal rows: written with each claim, counted for the next ones in one query per claim.
public struct SignalHistoryStore {
    let db: Connection

    public init(db: Connection) { self.db = db }

    /// First 16 bytes of SHA-256 over case, environment, kind and value: sandbox and production,
    /// and different cases, never share a key.
    public static func keyHash(caseID: String, environment: String, signal: Signal) -> [UInt8] {
        Array(Hashing.sha256(Array("\(caseID)|\(environment)|\(signal.kind.rawValue)|\(signal.value)".utf8)).prefix(16))
    }

    /// `now - window` in microseconds with checked conversion: settings are validated (at most
    /// 10 years), but a value that slips through clamps to the earliest timestamp, never traps.
    public static func windowStart(_ nowMicros: Int64, _ windowSeconds: Double) -> Int64 {
        let micros = (windowSeconds * 1_000_000).rounded(.up)
        guard micros.isFinite, micros >= 0, let window = Int64(exactly: micros) else { return Timestamp.minMicros }
        let (start, overflow) = nowMicros.subtractingReportingOverflow(window)
        return overflow ? Timestamp.minMicros : max(start, Timestamp.minMicros)
    }

    public static func claimantHash(caseID: String, environment: String, claimantKey: String?) -> [UInt8] {
        guard let claimantKey else { return [UInt8](repeating: 0, count: 16) }
        return Array(Hashing.sha256(Array("\(caseID)|\(environment)|claimant|\(claimantKey)".utf8)).prefix(16))
    }

    /// Answers every lookup with one statement: totals and per-window counts grouped by key.
    /// Keys asked only about a window (IP velocity) read only that window's rows, which the
    /// primary key (key_hash, created_at, …) makes a range scan however long the history grows.
    public func counts(
        caseID: String, environment: String, lookups: [SignalLookup], claimantHash: [UInt8], nowMicros: Int64
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
        var select = "SELECT key_hash, COUNT(*) AS c, COUNT(DISTINCT IF(claimant_hash <> ?, claimant_hash, NULL)) AS o"
        var values: [any Bindable] = [claimantHash]
        for (index, window) in windows.enumerated() {
            select += ", SUM(created_at >= ?) AS c\(index)"
            select += ", COUNT(DISTINCT IF(created_at >= ? AND claimant_hash <> ?, claimant_hash, NULL)) AS o\(index)"
            values += [since(window), since(window), claimantHash]
        }
        let wholeHistory = hashes.filter { allTime[$0.key] == true }.map { $0.value as any Bindable }
        let windowOnly = hashes.filter { allTime[$0.key] != true }.map { $0.value as any Bindable }
        var conditions: [String] = []
        if !wholeHistory.isEmpty {
            let list = SQLList(wholeHistory)
            conditions.append("key_hash IN (\(list.placeholders))")
            values += list.values
        }
        if !windowOnly.isEmpty, let widest = windows.last {
            let list = SQLList(windowOnly)
            conditions.append("(key_hash IN (\(list.placeholders)) AND created_at >= ?)")
            values += list.values + [since(widest)]
        }
        select += " FROM claim_signals WHERE " + conditions.joined(separator: " OR ") + " GROUP BY key_hash"
        var rows: [[UInt8]: Row] = [:]
        for row in try db.legacyQuery(select, values: values) {
            if let key = row.bytes("key_hash") { rows[key] = row }
        }
        var counts: [SignalLookup: HistoryCount] = [:]
        for lookup in lookups {
            guard let hash = hashes[lookup.signal], let row = rows[hash] else {
                counts[lookup] = .zero
                continue
            }
            if let window = lookup.windowSeconds, let index = windows.firstIndex(of: window) {
                counts[lookup] = HistoryCount(
                    claims: row.optionalInt("c\(index)") ?? 0, otherClaimants: row.optionalInt("o\(index)") ?? 0)
            } else {
                counts[lookup] = HistoryCount(
                    claims: row.optionalInt("c") ?? 0, otherClaimants: row.optionalInt("o") ?? 0)
            }
        }
        return SignalCounts(counts)
    }

    /// Writes the claim's signal rows (same transaction as the claim).
    public func record(
        caseID: String, environment: String, claimID: Int, signals: [Signal], claimantHash: [UInt8], atMicros: Int64
    ) throws(DatabaseError) {
        let at = Timestamp.sql(micros: atMicros)
        var seen = Set<[UInt8]>()
        var rows: [[any Bindable]] = []
        for signal in signals {
            let hash = Self.keyHash(caseID: caseID, environment: environment, signal: signal)
            if seen.insert(hash).inserted { rows.append([hash, claimID, claimantHash, at]) }
        }
        try db.legacyInsertMany(
            "INSERT INTO claim_signals (key_hash, claim_id, claimant_hash, created_at) VALUES", columns: 4, rows: rows)
    }
}
