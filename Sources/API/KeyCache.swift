import Synchronization
import Tenancy

/// Remembers authenticated keys for at most one second, so a deactivated or deleted key is
/// refused within a second while a busy key does not cost a query per request.
public final class KeyCache: Sendable {
    private struct Entry {
        let key: ApiKey?
        let fetched: Double
    }

    public static let lifetime = 1.0
    private let entries = Mutex<[[UInt8]: Entry]>([:])

    public init() {}

    /// The cached answer (a key, or a cached "no such active key") when younger than `lifetime`.
    func lookup(hash: [UInt8], now: Double) -> ApiKey?? {
        entries.withLock { entries in
            guard let entry = entries[hash], now - entry.fetched < Self.lifetime else { return nil }
            return .some(entry.key)
        }
    }

    func store(hash: [UInt8], key: ApiKey?, now: Double) {
        entries.withLock { entries in
            if entries.count > 10_000 { entries = entries.filter { now - $0.value.fetched < Self.lifetime } }
            entries[hash] = Entry(key: key, fetched: now)
        }
    }
}
