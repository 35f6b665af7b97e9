import CFastCGI
import Foundation
import HTTP
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Errors raised while starting the worker pool.
public enum FastCGIError: Error, CustomStringConvertible {
    case cannotOpenSocket(path: String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotOpenSocket(let path, let code):
            "cannot open FastCGI socket \(path): \(String(cString: strerror(code)))"
        }
    }
}

/// The FastCGI worker pool: one listening unix socket, N threads, each with its own `FCGX_Request`.
///
/// The socket is either opened here (tests, one process) or inherited from the `claimscore serve`
/// master (`ServerOptions.inheritedDescriptor`): then the master owns it, and stopping only closes
/// this process's copy, so the other workers and the next generation keep accepting on it.
///
/// Threads call `FCGX_Accept_r` on the shared socket without a mutex (Linux `accept()` needs none,
/// and a mutex would stall every thread behind one parked on a kept connection). Stopping wakes
/// idle threads with SIGUSR1 (installed without SA_RESTART) and lets busy ones finish their request.
public final class FastCGIServer: Sendable {
    private enum WorkerState: Sendable {
        case idle
        case busy
        case exited
    }

    private let options: ServerOptions
    private let logger: Logger
    private let makeHandler: @Sendable (Int) -> any RequestHandler
    private let listenFD: Int32
    private let stopping = Atomic<Bool>(false)
    /// When `beginStop` was called; `waitStopped` waits until this plus the grace period.
    private let stopDeadline = Mutex<ContinuousClock.Instant?>(nil)
    /// Per-thread state and pthread id; the lock is taken twice per request, never across I/O.
    private let workers: Mutex<[(state: WorkerState, thread: pthread_t?)]>

    /// Opens the socket; threads start with `start()`.
    public init(
        options: ServerOptions, logger: Logger, makeHandler: @escaping @Sendable (Int) -> any RequestHandler
    ) throws {
        self.options = options
        self.logger = logger
        self.makeHandler = makeHandler
        self.workers = Mutex(Array(repeating: (WorkerState.idle, nil), count: options.threads))
        guard FCGX_Init() == 0 else { throw FastCGIError.cannotOpenSocket(path: options.socketPath, errno: errno) }
        if let inherited = options.inheritedDescriptor {
            self.listenFD = inherited
        } else {
            self.listenFD = try Self.openSocket(
                path: options.socketPath, mode: options.socketMode, backlog: options.backlog)
        }
    }

    /// Creates (replacing a stale file) the listening unix socket with the given permission bits.
    public static func openSocket(path: String, mode: UInt32, backlog: Int32) throws(FastCGIError) -> Int32 {
        guard FCGX_Init() == 0 else { throw .cannotOpenSocket(path: path, errno: errno) }
        unlink(path)
        let fd = FCGX_OpenSocket(path, backlog)
        guard fd >= 0 else { throw .cannotOpenSocket(path: path, errno: errno) }
        chmod(path, mode_t(mode))
        return fd
    }

    /// Installs the wake-up signal and starts every worker thread.
    public func start() {
        Self.installWakeSignal()
        for index in 0..<options.threads {
            let thread = Thread { [self] in self.run(worker: index) }
            thread.name = "fcgi-\(index)"
            thread.start()
        }
        logger.info(
            "listening", metadata: ["socket": "\(options.socketPath)", "threads": "\(options.threads)"])
    }

    /// Stops accepting, waits up to the grace period for requests in flight, then returns.
    /// Returns true when every thread exited in time.
    @discardableResult
    public func stop() -> Bool {
        beginStop()
        return waitStopped()
    }

    /// Stops accepting new requests without waiting, so several pools of one process drain together.
    public func beginStop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        stopDeadline.withLock { $0 = $0 ?? ContinuousClock.now + options.shutdownGrace }
    }

    /// Waits (until the grace period from `beginStop` ends) for requests in flight; true when every
    /// thread exited in time. An owned socket is closed and removed; an inherited one only closed.
    @discardableResult
    public func waitStopped() -> Bool {
        beginStop()
        let deadline = stopDeadline.withLock { $0 } ?? ContinuousClock.now
        var allExited = false
        while ContinuousClock.now < deadline {
            allExited = true
            for worker in workers.withLock({ $0 }) where worker.state != .exited {
                allExited = false
                if worker.state == .idle, let thread = worker.thread { pthread_kill(thread, SIGUSR1) }
            }
            if allExited { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        if options.inheritedDescriptor == nil {
            Glibc.shutdown(listenFD, Int32(SHUT_RDWR))
            close(listenFD)
            unlink(options.socketPath)
        } else {
            close(listenFD)
        }
        logger.info("stopped", metadata: ["socket": "\(options.socketPath)", "clean": "\(allExited)"])
        return allExited
    }

    private func run(worker index: Int) {
        // Threads inherit the creator's mask, and Dispatch threads block nearly everything.
        var wake = sigset_t()
        sigemptyset(&wake)
        sigaddset(&wake, SIGUSR1)
        pthread_sigmask(SIG_UNBLOCK, &wake, nil)
        workers.withLock { $0[index].thread = pthread_self() }
        let handler = makeHandler(index)
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        FCGX_InitRequest(request, listenFD, cs_fcgi_fail_accept_on_intr())
        while true {
            setState(.idle, worker: index)
            if stopping.load(ordering: .sequentiallyConsistent) { break }
            let accepted = FCGX_Accept_r(request)
            if accepted < 0 {
                if stopping.load(ordering: .sequentiallyConsistent) { break }
                continue
            }
            setState(.busy, worker: index)
            serve(FastCGIExchange(request: request), handler: handler)
            FCGX_Finish_r(request)
        }
        FCGX_Free(request, 1)
        request.deallocate()
        handler.close()
        setState(.exited, worker: index)
    }

    private func setState(_ state: WorkerState, worker index: Int) {
        workers.withLock { $0[index].state = state }
    }

    private func serve(_ exchange: FastCGIExchange, handler: any RequestHandler) {
        let params = exchange.parameters()
        let method = params["REQUEST_METHOD"] ?? "GET"
        let response: Response
        do {
            let length = try CGIEnvironment.contentLength(params: params) ?? 0
            if length > options.bodyLimit {
                exchange.drainBody(upTo: length)
                response = HTTPError.payloadTooLarge(limit: options.bodyLimit).response
            } else {
                let body = exchange.readBody(length: length)
                if body.count < length {
                    response = HTTPError.badRequest("The request body ended early.").response
                } else {
                    response = handler.handle(try CGIEnvironment.request(params: params, body: body))
                }
            }
        } catch {
            response = error.response
        }
        exchange.write(response, includeBody: method != "HEAD")
    }

    private static func installWakeSignal() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGUSR1, &action, nil)
    }
}
