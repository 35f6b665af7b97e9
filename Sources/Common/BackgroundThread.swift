import Dispatch
import Foundation
import Logging
import Synchronization

/// The life of one long-running thread (the webhook delivery thread, the pile worker): started
/// once, asked to stop, waited for with a bound. `onExit` runs on the thread after its body
/// returns (the owners pass `Database.threadEnd` to release MariaDB's per-thread state).
public final class BackgroundThread: Sendable {
    private enum State { case idle, running, stopping, stopped }

    /// What the logs call it, e.g. "webhook delivery".
    private let label: String
    private let threadName: String
    private let logger: Logger
    private let state = Mutex(State.idle)
    private let finished = DispatchSemaphore(value: 0)
    private let onExit: @Sendable () -> Void

    public init(label: String, threadName: String, logger: Logger, onExit: @escaping @Sendable () -> Void = {}) {
        self.label = label
        self.threadName = threadName
        self.logger = logger
        self.onExit = onExit
    }

    /// True once `stop` was called: the body should return soon after.
    public var isStopping: Bool { state.withLock { $0 == .stopping } }

    /// Runs `body` on a new thread; a second call does nothing. `body` polls `isStopping`.
    public func start(_ body: @escaping @Sendable () -> Void) {
        let shouldStart = state.withLock { current in
            guard current == .idle else { return false }
            current = .running
            return true
        }
        guard shouldStart else { return }
        let thread = Thread { [self] in
            body()
            onExit()
            state.withLock { $0 = .stopped }
            finished.signal()
        }
        thread.name = threadName
        thread.start()
    }

    /// Asks the thread to stop, calls `wake` (to cut short a wait in the body), and waits up to
    /// `timeout`; true when it stopped (or never ran).
    @discardableResult
    public func stop(timeout: TimeInterval, wake: () -> Void = {}) -> Bool {
        let wasRunning = state.withLock { current in
            guard current == .running else { return false }
            current = .stopping
            return true
        }
        guard wasRunning else { return state.withLock { $0 != .stopping } }
        wake()
        let stopped = finished.wait(timeout: .now() + timeout) == .success
        if stopped {
            logger.info("\(label) stopped")
        } else {
            logger.error("\(label) did not stop in time")
        }
        return stopped
    }
}
