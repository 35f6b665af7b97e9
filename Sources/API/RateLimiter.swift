import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Per-key token buckets shared by the threads of one process.
///
/// A rate limit is advisory by nature, so it lives in memory: with N processes a key may reach
/// N × the configured rate (documented in the README). Keeping it out of MariaDB avoids a hot
/// row that every request of a busy key would have to lock.
public final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private let rate: Double
    private let burst: Double
    private let buckets = Mutex<[Int: Bucket]>([:])

    public init(ratePerSecond: Int, burst: Int) {
        self.rate = Double(ratePerSecond)
        self.burst = Double(max(burst, 1))
    }

    /// nil when the request may go ahead; otherwise the whole seconds to wait.
    public func acquire(key: Int, now: Double = RateLimiter.monotonicSeconds()) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.updated) * rate)
            bucket.updated = now
            defer { buckets[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up)))
        }
    }

    public static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
