import Claims
import Database
import Foundation
import Synchronization
import Tenancy

/// Process-wide, thread-safe state of the API: built once at start-up, shared by every worker.
public final class APIState: Sendable {
    /// Authenticated keys (or "no such active key") for one second: a deactivation takes effect within 1 s.
    public let keys = ExpiringCache<[UInt8], ApiKey?>(lifetime: 1)
    /// Cases by organization and id for one second: settings edits take effect within 1 s.
    public let cases = ExpiringCache<String, CaseRecord?>(lifetime: 1)
    /// The validator and scorers, shared with the pile worker (built once by the application).
    public let engine: ClaimEngine
    public let rateLimiter: RateLimiter
    /// The OpenAPI document, rendered once.
    public let openAPI: [UInt8]
    private let lastTouched = Mutex<[Int: Double]>([:])
    private let pileSubmitted = Mutex<(@Sendable () -> Void)?>(nil)

    public init(engine: ClaimEngine, ratePerSecond: Int, burst: Int) {
        self.engine = engine
        rateLimiter = RateLimiter(ratePerSecond: ratePerSecond, burst: burst)
        openAPI = OpenAPIDocument.render()
    }

    /// What to do when a pile was submitted (wake this process's pile worker).
    public func onPileSubmitted(_ action: @escaping @Sendable () -> Void) {
        pileSubmitted.withLock { $0 = action }
    }

    func pileWasSubmitted() {
        pileSubmitted.withLock { $0 }?()
    }

    /// True at most once a minute per key: the caller then writes `last_used_at`.
    func shouldTouch(keyID: Int, now: Double) -> Bool {
        lastTouched.withLock { touched in
            if let last = touched[keyID], now - last < 60 { return false }
            touched[keyID] = now
            return true
        }
    }
}

/// What API handlers need from their worker thread's context.
public protocol APIContext: AnyObject, SendableMetatype {
    var db: Connection { get }
    var api: APIState { get }
}
