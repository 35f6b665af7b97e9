import Dispatch
import Foundation
import Synchronization
import TestSupport

/// Threads that repeat a request until stopped (or a bound is reached), recording every outcome.
/// Threads, not tasks: blocking sockets on the cooperative pool would run two at a time here.
final class RequestStream: Sendable {
    struct Outcome: Sendable {
        /// The HTTP status, or 0 when the connection failed.
        let status: Int
        let body: String
        /// Seconds since the stream started, at the request's start, and its duration.
        let startedAt: Double
        let seconds: Double
    }

    private let outcomes = Mutex<[Outcome]>([])
    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let threads: Int
    let started = ContinuousClock.now

    /// `request(thread, index)` runs on `threads` threads, each at most `limit` times.
    init(threads: Int, limit: Int = 100_000, _ request: @escaping @Sendable (Int, Int) throws -> HTTPResult) {
        self.threads = threads
        for thread in 0..<threads {
            Thread { [self] in
                for index in 0..<limit where !stopping.load(ordering: .relaxed) {
                    let begin = elapsed
                    let outcome: Outcome
                    do {
                        let result = try request(thread, index)
                        outcome = Outcome(
                            status: result.status, body: result.text, startedAt: begin, seconds: elapsed - begin)
                    } catch {
                        outcome = Outcome(status: 0, body: "\(error)", startedAt: begin, seconds: elapsed - begin)
                    }
                    outcomes.withLock { $0.append(outcome) }
                }
                finished.signal()
            }.start()
        }
    }

    var elapsed: Double {
        let duration = ContinuousClock.now - started
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    var count: Int { outcomes.withLock { $0.count } }

    /// Stops the threads, waits for their last requests (bounded) and returns every outcome.
    func stop() -> [Outcome] {
        stopping.store(true, ordering: .relaxed)
        for _ in 0..<threads { _ = finished.wait(timeout: .now() + 60) }
        return outcomes.withLock { $0 }
    }

    /// The `fraction` quantile of the durations, in milliseconds.
    static func percentile(_ outcomes: [Outcome], _ fraction: Double) -> Double {
        let sorted = outcomes.map(\.seconds).sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] * 1000
    }
}
