import Database
import Foundation

/// Everything the delivery thread needs from the server configuration, gathered by `App` so this
/// module does not depend on it.
public struct DeliveryOptions: Sendable {
    /// The thread's own connection is opened with this; it is never shared.
    public var database: DatabaseConfig
    /// Opens the webhooks' sealed signing secrets (the portal seals them with an empty context).
    public var secretBox: SecretBox
    /// The SSRF guard, applied to every resolved address at connect time.
    public var destinations: DestinationGuard
    /// Requests in flight to one webhook from this process (`webhook_max_in_flight`): enough to
    /// keep a receiver busy, few enough not to flood a small one.
    public var maxInFlightPerWebhook: Int
    /// Requests in flight from this process in all; bounds sockets and memory.
    public var maxInFlight: Int
    /// When to retry and when to give up (`webhook_retry_scale` scales it).
    public var schedule: RetrySchedule
    /// When a webhook that keeps failing is paused as a whole (`webhook_retry_scale` scales it).
    public var breaker: CircuitBreaker
    /// How long an attempt is owned by the process that took it (`webhook_lease_seconds`). After
    /// that another process may take it over, so it must outlast `requestTimeout` comfortably.
    public var leaseDuration: TimeInterval
    /// The whole attempt (resolve, connect, TLS, send, answer) must finish within this: 15 s.
    public var requestTimeout: TimeInterval
    /// How often an idle thread looks for new events and due retries.
    public var idlePollInterval: TimeInterval
    /// Events fanned out per transaction.
    public var fanOutBatch: Int

    /// The production defaults, with the parts that come from configuration.
    public init(
        database: DatabaseConfig, secretBox: SecretBox, destinations: DestinationGuard,
        maxInFlightPerWebhook: Int = 4, maxInFlight: Int = 256, schedule: RetrySchedule = .standard,
        breaker: CircuitBreaker = .standard,
        leaseDuration: TimeInterval = 60, requestTimeout: TimeInterval = 15, idlePollInterval: TimeInterval = 0.1,
        fanOutBatch: Int = 200
    ) {
        precondition(maxInFlightPerWebhook >= 1 && maxInFlight >= 1, "in-flight limits must be positive")
        precondition(leaseDuration > requestTimeout + 1, "a lease must outlast the request timeout")
        self.database = database
        self.secretBox = secretBox
        self.destinations = destinations
        self.maxInFlightPerWebhook = maxInFlightPerWebhook
        self.maxInFlight = maxInFlight
        self.schedule = schedule
        self.breaker = breaker
        self.leaseDuration = leaseDuration
        self.requestTimeout = requestTimeout
        self.idlePollInterval = idlePollInterval
        self.fanOutBatch = fanOutBatch
    }
}
