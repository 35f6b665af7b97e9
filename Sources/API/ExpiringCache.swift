import Synchronization

/// A small process-wide cache whose entries live at most `lifetime` seconds, so anything an admin
/// changes (a key deactivated, case settings edited) is seen by every process within that time.
public final class ExpiringCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let value: Value
        let stored: Double
    }

    public let lifetime: Double
    private let limit: Int
    private let entries = Mutex<[Key: Entry]>([:])

    public init(lifetime: Double, limit: Int = 10_000) {
        self.lifetime = lifetime
        self.limit = limit
    }

    /// The value when it is younger than `lifetime`.
    public func lookup(_ key: Key, now: Double) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key], now - entry.stored < lifetime else { return nil }
            return entry.value
        }
    }

    public func store(_ key: Key, _ value: Value, now: Double) {
        entries.withLock { entries in
            if entries.count >= limit { entries = entries.filter { now - $0.value.stored < lifetime } }
            if entries.count >= limit { entries.removeAll() }
            entries[key] = Entry(value: value, stored: now)
        }
    }
}
