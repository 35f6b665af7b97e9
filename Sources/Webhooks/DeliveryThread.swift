import CCurl
import Database
import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The one webhook delivery thread of a `claimscore serve` process (DESIGN.md): started after the
/// worker pool, stopped before the process exits.
///
/// It owns its own database connection and libcurl multi handle. Several processes may run one
/// each against the same database; leases in the delivery rows keep them from sending the same
/// attempt twice, and let a survivor take over what a crashed process had in flight.
public final class DeliveryThread: Sendable {
    private enum State { case idle, running, stopping, stopped }

    private let options: DeliveryOptions
    private let logger: Logger
    private let state = Mutex(State.idle)
    private let finished = DispatchSemaphore(value: 0)

    /// Identifies this process in `leased_by` and the attempts log.
    public let worker: String

    public init(options: DeliveryOptions, logger: Logger) {
        self.options = options
        self.logger = logger
        worker = "\(DeliveryThread.hostName()):\(getpid())"
    }

    /// Starts the thread; a second call does nothing.
    public func start() {
        let shouldStart = state.withLock { current in
            guard current == .idle else { return false }
            current = .running
            return true
        }
        guard shouldStart else { return }
        _ = DeliveryThread.curlInitialised
        let thread = Thread { [self] in
            if let engine = DeliveryEngine(options: options, logger: logger, worker: worker) {
                logger.info("webhook delivery started", metadata: ["worker": "\(worker)"])
                engine.run { state.withLock { $0 == .stopping } }
            } else {
                logger.error("webhook delivery could not start: libcurl has no multi handle")
            }
            Database.threadEnd()
            state.withLock { $0 = .stopped }
            finished.signal()
        }
        thread.name = "webhook-delivery"
        thread.start()
    }

    /// Asks the thread to stop and waits up to `timeout` for it; true when it stopped (or never
    /// ran). Requests in flight are abandoned and due again at once, so stopping stays quick.
    @discardableResult
    public func stop(timeout: TimeInterval = 5) -> Bool {
        let wasRunning = state.withLock { current in
            guard current == .running else { return false }
            current = .stopping
            return true
        }
        guard wasRunning else { return state.withLock { $0 != .stopping } }
        let stopped = finished.wait(timeout: .now() + timeout) == .success
        if stopped {
            logger.info("webhook delivery stopped")
        } else {
            logger.error("webhook delivery did not stop in time")
        }
        return stopped
    }

    /// `curl_global_init` must run once before any handle exists; a lazy static runs it exactly once.
    private static let curlInitialised: Bool = cs_global_init() == CURLE_OK

    /// `gethostname` rather than Foundation's `hostName`, which may ask DNS.
    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
