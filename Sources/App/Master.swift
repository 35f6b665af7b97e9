import FastCGI
import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// `claimscore serve`: opens the FastCGI sockets and keeps `processes` worker processes on them,
/// as PHP-FPM's master does. The decisions are `Supervisor`'s; this type does the I/O.
///
/// It stays single-threaded (no Dispatch, no threads), so posix_spawn is safe at any time. Each
/// worker is this binary's hidden `worker` subcommand with the API socket on descriptor 3, the
/// portal socket on 4 and a readiness pipe on 5; the sockets outlive every worker. Signals are
/// blocked and collected with `sigtimedwait` between short `poll`s on the readiness pipes:
/// SIGCHLD reaps and replaces, SIGHUP reloads, SIGTERM and SIGINT drain and exit.
public final class Master {
    public static let apiDescriptor: Int32 = 3
    public static let portalDescriptor: Int32 = 4
    public static let readyDescriptor: Int32 = 5

    private let executable: String
    private let configFile: String?
    private let config: Config
    private let logger: Logger
    private let reloadConfig: () throws -> Config
    private var supervisor: Supervisor
    private var sockets: (api: Int32, portal: Int32) = (-1, -1)
    /// Readiness pipes still open: read end → worker pid.
    private var readiness: [Int32: Int32] = [:]
    private let started = ContinuousClock.now
    private let handled: [Int32] = [SIGCHLD, SIGHUP, SIGTERM, SIGINT]

    public init(
        config: Config, configFile: String?, executable: String, logger: Logger,
        reloadConfig: @escaping () throws -> Config
    ) {
        self.config = config
        self.configFile = configFile
        self.executable = executable
        self.logger = logger
        self.reloadConfig = reloadConfig
        supervisor = Supervisor(processes: config.processes)
    }

    /// Serves until SIGTERM/SIGINT; returns the exit status (0 when every worker drained cleanly).
    public func run() throws -> Int32 {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in handled { sigaddset(&blocked, signal) }
        sigprocmask(SIG_BLOCK, &blocked, nil)
        signal(SIGPIPE, SIG_IGN)
        sockets.api = Self.high(
            try FastCGIServer.openSocket(path: config.socketPath, mode: config.socketMode, backlog: 1024))
        sockets.portal = Self.high(
            try FastCGIServer.openSocket(path: config.portalSocketPath, mode: config.socketMode, backlog: 1024))
        logger.info(
            "master started",
            metadata: [
                "pid": "\(getpid())", "processes": "\(config.processes)", "api": "\(config.socketPath)",
                "portal": "\(config.portalSocketPath)",
            ])
        var code = perform(supervisor.start())
        // Runs until a stop completes: the one loop bounded by a signal, not a count.
        while code == nil {
            let wait = supervisor.nextWakeUp.map { max(0, min(0.02, $0 - now)) } ?? 0.02
            code = pollReadiness(timeout: wait)
            for signal in pendingSignals() where code == nil { code = handle(signal) }
            if code == nil { code = perform(supervisor.tick(now: now)) }
        }
        for fd in [sockets.api, sockets.portal] { close(fd) }
        unlink(config.socketPath)
        unlink(config.portalSocketPath)
        logger.info("master stopped", metadata: ["status": "\(code ?? 1)"])
        return code ?? 1
    }

    private var now: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func handle(_ signal: Int32) -> Int32? {
        switch signal {
        case SIGCHLD: return reap()
        case SIGHUP:
            do {
                let fresh = try reloadConfig()
                if fresh.socketPath != config.socketPath || fresh.portalSocketPath != config.portalSocketPath {
                    logger.warning("socket paths change only with a restart; keeping the open sockets")
                }
                logger.info("reloading", metadata: ["processes": "\(fresh.processes)"])
                return perform(supervisor.reload(processes: fresh.processes))
            } catch {
                logger.error("reload refused, the workers keep running", metadata: ["error": "\(error)"])
                return nil
            }
        default:
            logger.info("stopping", metadata: ["signal": "\(WorkerExit.name(of: signal))"])
            return perform(supervisor.stop(now: now))
        }
    }

    /// Collects every exited worker (bounded: at most one pass over the live ones, plus one).
    private func reap() -> Int32? {
        for _ in 0...supervisor.workerCount {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            guard pid > 0 else { return nil }
            guard let (death, actions) = supervisor.exited(pid: pid, cause: WorkerExit(waitStatus: status), now: now)
            else { continue }
            let metadata: Logger.Metadata = [
                "pid": "\(pid)", "slot": "\(death.slot)", "cause": "\(death.cause)",
                "lived": "\(String(format: "%.1f", death.lived)) s",
            ]
            if let delay = death.restartIn {
                logger.error(
                    "worker died; replacing it",
                    metadata: metadata.merging(["restart_in": "\(String(format: "%.1f", delay)) s"]) { $1 })
            } else if death.cause == .exited(0) {
                logger.info("worker exited", metadata: metadata)
            } else {
                logger.warning("worker ended", metadata: metadata)
            }
            if let code = perform(actions) { return code }
        }
        return nil
    }

    private func perform(_ actions: [Supervisor.Action]) -> Int32? {
        for action in actions {
            switch action {
            case .spawn(let slot, let generation): spawn(slot: slot, generation: generation)
            case .drain(let pid): kill(pid, SIGTERM)
            case .kill(let pid):
                logger.error("worker did not drain in time; killing it", metadata: ["pid": "\(pid)"])
                kill(pid, SIGKILL)
            case .exit(let code): return code
            }
        }
        return nil
    }

    private func spawn(slot: Int, generation: Int) {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else {
            spawnFailed(slot: slot, generation: generation, error: errno)
            return
        }
        // Moved clear of 3–5 and close-on-exec: only the worker's dup2 copy on 5 crosses the exec.
        let (readEnd, writeEnd) = (Self.high(pipeEnds[0]), Self.high(pipeEnds[1]))
        var arguments = [
            executable, "worker", "--master-pid", "\(getpid())", "--slot", "\(slot)", "--generation", "\(generation)",
        ]
        if let configFile { arguments += ["--config", configFile] }
        let pid = WorkerSpawn.spawn(
            executable: executable, arguments: arguments,
            descriptors: [
                (sockets.api, Self.apiDescriptor), (sockets.portal, Self.portalDescriptor),
                (writeEnd, Self.readyDescriptor),
            ],
            defaultSignals: handled + [SIGPIPE, SIGUSR1])
        close(writeEnd)
        guard case .success(let child) = pid else {
            close(readEnd)
            if case .failure(let failure) = pid { spawnFailed(slot: slot, generation: generation, error: failure.code) }
            return
        }
        readiness[readEnd] = child
        supervisor.spawned(pid: child, slot: slot, generation: generation, now: now)
        logger.info("worker started", metadata: ["pid": "\(child)", "slot": "\(slot)", "generation": "\(generation)"])
    }

    private func spawnFailed(slot: Int, generation: Int, error: Int32) {
        let delay = supervisor.spawnFailed(slot: slot, generation: generation, now: now)
        logger.error(
            "cannot start a worker",
            metadata: ["error": "\(String(cString: strerror(error)))", "retry_in": "\(delay ?? 0)"]
        )
    }

    /// Waits up to `timeout` seconds for readiness bytes; each pipe is read once, then closed.
    private func pollReadiness(timeout: Double) -> Int32? {
        var fds = readiness.keys.sorted().map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        guard poll(&fds, nfds_t(fds.count), Int32(timeout * 1000)) > 0 else { return nil }
        for entry in fds where entry.revents != 0 {
            guard let pid = readiness.removeValue(forKey: entry.fd) else { continue }
            var byte: UInt8 = 0
            let count = read(entry.fd, &byte, 1)
            close(entry.fd)
            guard count == 1 else { continue }
            logger.info("worker ready", metadata: ["pid": "\(pid)"])
            if let code = perform(supervisor.ready(pid: pid)) { return code }
        }
        return nil
    }

    /// The blocked signals that arrived, without waiting.
    private func pendingSignals() -> [Int32] {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in handled { sigaddset(&set, signal) }
        var zero = timespec(tv_sec: 0, tv_nsec: 0)
        var signals: [Int32] = []
        for _ in 0..<16 {
            let signal = sigtimedwait(&set, nil, &zero)
            guard signal > 0 else { break }
            signals.append(signal)
        }
        return signals
    }

    /// Moves a descriptor to 10 or above (close-on-exec), clear of the numbers workers receive.
    private static func high(_ fd: Int32) -> Int32 {
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { return fd }
        close(fd)
        return moved
    }
}
