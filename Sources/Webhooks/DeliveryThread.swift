import CCurl
import Common
import Database
import Foundation
import Logging

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
    private let options: DeliveryOptions
    private let logger: Logger
    private let thread: BackgroundThread

    /// Identifies this process in `leased_by` and the attempts log.
    public let worker: String

    public init(options: DeliveryOptions, logger: Logger) {
        self.options = options
        self.logger = logger
        thread = BackgroundThread(
            label: "webhook delivery", threadName: "webhook-delivery", logger: logger, onExit: Database.threadEnd)
        worker = "\(DeliveryThread.hostName()):\(getpid())"
    }

    /// Starts the thread; a second call does nothing.
    public func start() {
        _ = DeliveryThread.curlInitialised
        thread.start { [self] in
            if let engine = DeliveryEngine(options: options, logger: logger, worker: worker) {
                logger.info("webhook delivery started", metadata: ["worker": "\(worker)"])
                engine.run { thread.isStopping }
            } else {
                logger.error("webhook delivery could not start: libcurl has no multi handle")
            }
        }
    }

    /// Asks the thread to stop and waits up to `timeout` for it; true when it stopped (or never
    /// ran). Requests in flight are abandoned and due again at once, so stopping stays quick.
    @discardableResult
    public func stop(timeout: TimeInterval = 5) -> Bool {
        thread.stop(timeout: timeout)
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
