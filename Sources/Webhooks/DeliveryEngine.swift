import CCurl
import Database
import Foundation
import Logging

/// The loop of one delivery thread: fan out new events, lease due deliveries, send them side by
/// side on one libcurl multi handle, and write each outcome. Every sleep is bounded by the idle
/// poll interval, so new events are noticed and a stop request is seen within it.
///
/// Not thread-safe: it lives and dies on the delivery thread, with its own connection.
final class DeliveryEngine {
    private let options: DeliveryOptions
    private let logger: Logger
    private let store: DeliveryStore
    private let multi: UnsafeMutableRawPointer
    private var transfers: [UnsafeMutableRawPointer: HTTPTransfer] = [:]
    private var inFlight: [String: Int] = [:]
    private var unrecorded: [CompletedAttempt] = []
    private var nextPoll = ContinuousClock.now
    private var backoff: Duration = .zero
    /// The last webhook served by a lease round; the next round starts after it.
    private var leaseCursor: String?

    init?(options: DeliveryOptions, logger: Logger, worker: String) {
        guard let multi = curl_multi_init() else { return nil }
        self.multi = multi
        self.options = options
        self.logger = logger
        store = DeliveryStore(db: Connection(config: options.database), worker: worker)
    }

    deinit {
        curl_multi_cleanup(multi)
        store.db.close()
    }

    /// Runs until `shouldStop` says so, then abandons what is in flight (logged as interrupted and
    /// due again at once, for this or another process) and returns.
    func run(until shouldStop: () -> Bool) {
        let idle = Duration.milliseconds(Int64(options.idlePollInterval * 1000))
        while !shouldStop() {
            if ContinuousClock.now >= nextPoll { databaseStep(idle: idle) }
            var running: Int32 = 0
            _ = curl_multi_perform(multi, &running)
            collectFinished()
            if !unrecorded.isEmpty && backoff == .zero { nextPoll = ContinuousClock.now }
            let untilPoll = nextPoll - ContinuousClock.now
            let wait = max(.zero, min(idle, untilPoll))
            if wait > .zero {
                let milliseconds = Int32(
                    wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)
                _ = curl_multi_poll(multi, nil, 0, max(milliseconds, 1), nil)
            }
        }
        abandonInFlight()
    }

    /// Writes finished attempts, fans out, and leases more work while there is room.
    private func databaseStep(idle: Duration) {
        do {
            try flush()
            let fanned = try store.fanOut(limit: options.fanOutBatch)
            let piled = try store.fanOutPile()
            let room = options.maxInFlight - transfers.count
            var leased = 0
            if room > 0 {
                let round = try store.lease(
                    limit: room, inFlight: inFlight, perWebhook: options.maxInFlightPerWebhook,
                    breaker: options.breaker, leaseDuration: options.leaseDuration, after: leaseCursor)
                leaseCursor = round.cursor
                leased = round.deliveries.count
                for delivery in round.deliveries { start(delivery) }
            }
            backoff = .zero
            // More may be waiting right behind a full batch or another pile; otherwise rest until
            // the next tick.
            let busy = fanned >= options.fanOutBatch || piled > 0 || (leased > 0 && leased >= room)
            nextPoll = ContinuousClock.now + (busy ? .zero : idle)
        } catch {
            backoff = min(max(backoff * 2, .milliseconds(250)), .seconds(5))
            nextPoll = ContinuousClock.now + backoff
            logger.throttled(
                .error, "webhook delivery cannot reach the database; retrying", error: error,
                metadata: ["retry_in": "\(backoff)"])
            dropStaleOutcomes()
        }
    }

    private func flush() throws {
        guard !unrecorded.isEmpty else { return }
        try store.record(unrecorded, schedule: options.schedule, breaker: options.breaker, logger: logger)
        unrecorded.removeAll()
    }

    /// Outcomes older than a lease cannot be written safely any more: the delivery may already
    /// belong to another process. Dropping them means that attempt is sent again (same id).
    private func dropStaleOutcomes() {
        let limit = Duration.milliseconds(Int64(options.leaseDuration * 1000))
        let before = unrecorded.count
        unrecorded.removeAll { ContinuousClock.now - $0.finishedAt > limit }
        if unrecorded.count < before {
            logger.error(
                "dropped unwritten webhook outcomes after their lease expired",
                metadata: ["count": "\(before - unrecorded.count)"])
        }
    }

    /// Builds and starts one attempt; what fails before sending is recorded as a refused attempt.
    private func start(_ delivery: LeasedDelivery) {
        let request: DeliveryRequest
        switch prepare(delivery) {
        case .failure(let refusal):
            unrecorded.append(CompletedAttempt(delivery: delivery, result: AttemptResult(error: refusal.reason)))
            return
        case .success(let prepared):
            request = prepared
        }
        guard
            let transfer = HTTPTransfer(
                delivery: delivery, request: request, timeout: options.requestTimeout,
                destinations: options.destinations)
        else {
            unrecorded.append(CompletedAttempt(delivery: delivery, result: AttemptResult(error: "out of memory")))
            return
        }
        _ = curl_multi_add_handle(multi, transfer.handle)
        transfers[transfer.handle] = transfer
        inFlight[delivery.webhookID, default: 0] += 1
    }

    private func prepare(_ delivery: LeasedDelivery) -> Result<DeliveryRequest, DestinationGuard.Refusal> {
        if case .failure(let refusal) = options.destinations.check(url: delivery.url) { return .failure(refusal) }
        guard let type = WebhookEventType(rawValue: delivery.eventType),
            let event = try? WebhookEvent(type: type, timestamp: delivery.eventTime, data: Data(delivery.payload.utf8))
        else {
            return .failure(.init(reason: "not sent: event \(delivery.eventID) has an unknown type or malformed data"))
        }
        let secret: WebhookSecret
        do {
            secret = try WebhookSecret(parsing: try options.secretBox.open(Data(delivery.secretSealed)))
        } catch {
            return .failure(.init(reason: "not sent: the webhook's signing secret cannot be read (\(error))"))
        }
        return .success(
            DeliveryRequest(
                event: event, messageID: delivery.messageID, attemptTime: Date(), signer: WebhookSigner(secret: secret)
            ))
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard cs_message_is_done(message) != 0, let easy = message.pointee.easy_handle else { continue }
            let code = cs_message_result(message)
            guard let transfer = transfers.removeValue(forKey: easy) else { continue }
            _ = curl_multi_remove_handle(multi, easy)
            release(transfer.delivery.webhookID)
            let result = transfer.result(code: code, now: Date())
            logger.debug(
                "webhook attempt",
                metadata: [
                    "delivery": "\(transfer.delivery.deliveryID)", "attempt": "\(transfer.delivery.attempt)",
                    "status": "\(result.statusCode.map(String.init) ?? "-")", "error": "\(result.error ?? "")",
                ])
            unrecorded.append(CompletedAttempt(delivery: transfer.delivery, result: result))
        }
    }

    private func release(_ webhookID: String) {
        let remaining = (inFlight[webhookID] ?? 1) - 1
        inFlight[webhookID] = remaining > 0 ? remaining : nil
    }

    private func abandonInFlight() {
        for (easy, transfer) in transfers {
            _ = curl_multi_remove_handle(multi, easy)
            let result = AttemptResult(
                error: "interrupted: the server shut down before the answer came", duration: transfer.elapsed,
                interrupted: true)
            unrecorded.append(CompletedAttempt(delivery: transfer.delivery, result: result))
        }
        transfers.removeAll()
        inFlight.removeAll()
        do {
            try flush()
        } catch {
            logger.error(
                "could not write the outcome of interrupted webhook attempts; their leases will expire",
                metadata: ["error": "\(error)", "count": "\(unrecorded.count)"])
        }
    }
}
