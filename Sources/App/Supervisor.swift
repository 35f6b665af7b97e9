/// The master's decisions about its worker processes, apart from any I/O so they can be tested.
///
/// The master feeds it what happened (a worker spawned, became ready, exited; SIGHUP; SIGTERM; the
/// clock) and performs the actions it returns. Times are seconds on a monotonic clock.
///
/// - A worker that dies unasked is replaced at once; if the replacement of a slot dies again
///   within `stableAfter`, each further replacement waits twice as long (from `backoffBase`,
///   bounded by `backoffCap`), so a worker that crashes on start cannot spin the machine.
/// - A reload starts a new generation of workers and only asks the old one to drain once every
///   slot of the new one is ready, so the sockets always have an accepting worker.
/// - A stop asks every worker to drain, kills what is left after `stopGrace`, and exits 0 only
///   when every worker exited cleanly.
public struct Supervisor: Sendable {
    public struct Policy: Sendable, Equatable {
        public var backoffBase = 0.5
        public var backoffCap = 30.0
        public var stableAfter = 10.0
        public var stopGrace = 9.0

        public init() {}
    }

    public enum Action: Equatable, Sendable {
        /// Start a worker for `slot` of `generation`, then report `spawned` or `spawnFailed`.
        case spawn(slot: Int, generation: Int)
        /// SIGTERM: stop accepting, finish requests in flight, exit.
        case drain(pid: Int32)
        /// SIGKILL: it did not drain in time.
        case kill(pid: Int32)
        case exit(code: Int32)
    }

    /// A worker that ended, with what the master does about it (for the log).
    public struct Death: Equatable, Sendable {
        public let pid: Int32
        public let slot: Int
        public let cause: WorkerExit
        /// Seconds until its replacement starts; nil when it is not replaced (asked to stop, or old).
        public let restartIn: Double?
        /// How long it ran.
        public let lived: Double
    }

    struct Worker: Equatable, Sendable {
        let slot: Int
        let generation: Int
        let startedAt: Double
        var ready = false
        var draining = false
    }

    public let policy: Policy
    public private(set) var processes: Int
    public private(set) var generation = 0
    private(set) var workers: [Int32: Worker] = [:]
    /// Replacements waiting for their time: slot → when.
    private(set) var due: [Int: Double] = [:]
    /// Quick deaths in a row per slot.
    private var streak: [Int: Int] = [:]
    private var stopDeadline: Double?
    private var killed = false
    private var unclean = false

    public init(processes: Int, policy: Policy = Policy()) {
        self.processes = max(1, processes)
        self.policy = policy
    }

    public var isStopping: Bool { stopDeadline != nil }
    /// The pids of the live workers of the current generation, for tests and logs.
    public var currentWorkers: [Int32] {
        workers.filter { $0.value.generation == generation }.map(\.key).sorted()
    }

    public var workerCount: Int { workers.count }

    /// The earliest time `tick` has something to do, if any.
    public var nextWakeUp: Double? {
        ([stopDeadline].compactMap { $0 } + due.values).min()
    }

    /// The first generation: one worker per slot.
    public mutating func start() -> [Action] {
        generation = 1
        return (0..<processes).map { .spawn(slot: $0, generation: generation) }
    }

    public mutating func spawned(pid: Int32, slot: Int, generation: Int, now: Double) {
        workers[pid] = Worker(slot: slot, generation: generation, startedAt: now)
    }

    /// posix_spawn itself failed: retried like a worker that died at once.
    public mutating func spawnFailed(slot: Int, generation: Int, now: Double) -> Double? {
        guard generation == self.generation, !isStopping else { return nil }
        return scheduleRestart(slot: slot, lived: 0, now: now)
    }

    /// A worker finished starting its threads. When that completes a new generation, the old one drains.
    public mutating func ready(pid: Int32) -> [Action] {
        guard workers[pid] != nil else { return [] }
        workers[pid]?.ready = true
        let current = workers.values.filter { $0.generation == generation && $0.ready }
        guard Set(current.map(\.slot)).count == processes, !isStopping else { return [] }
        let newest = generation
        return retire { $0.generation < newest }
    }

    /// A worker ended (waitpid). Returns nil for a pid that is not ours.
    public mutating func exited(pid: Int32, cause: WorkerExit, now: Double) -> (Death, [Action])? {
        guard let worker = workers.removeValue(forKey: pid) else { return nil }
        let lived = now - worker.startedAt
        var restartIn: Double?
        if isStopping {
            if cause != .exited(0) { unclean = true }
        } else if !worker.draining, worker.generation == generation {
            restartIn = scheduleRestart(slot: worker.slot, lived: lived, now: now)
        }
        let death = Death(pid: pid, slot: worker.slot, cause: cause, restartIn: restartIn, lived: lived)
        return (death, tick(now: now))
    }

    /// SIGHUP: a new generation of `processes` workers; the old drains once the new is ready.
    public mutating func reload(processes: Int) -> [Action] {
        guard !isStopping else { return [] }
        self.processes = max(1, processes)
        generation += 1
        due.removeAll()
        streak.removeAll()
        return (0..<self.processes).map { .spawn(slot: $0, generation: generation) }
    }

    /// SIGTERM or SIGINT: every worker drains; nothing is replaced any more.
    public mutating func stop(now: Double) -> [Action] {
        guard !isStopping else { return [] }
        stopDeadline = now + policy.stopGrace
        due.removeAll()
        return retire { _ in true } + tick(now: now)
    }

    /// Starts the replacements that are due; kills what outlived the stop grace; exits when all are gone.
    public mutating func tick(now: Double) -> [Action] {
        if let deadline = stopDeadline {
            if workers.isEmpty { return [.exit(code: unclean ? 1 : 0)] }
            guard now >= deadline, !killed else { return [] }
            killed = true
            unclean = true
            return workers.keys.sorted().map { .kill(pid: $0) }
        }
        let ready = due.filter { $0.value <= now }.map(\.key).sorted()
        for slot in ready { due[slot] = nil }
        return ready.map { .spawn(slot: $0, generation: generation) }
    }

    private mutating func retire(_ which: (Worker) -> Bool) -> [Action] {
        let pids = workers.filter { !$0.value.draining && which($0.value) }.map(\.key).sorted()
        for pid in pids { workers[pid]?.draining = true }
        return pids.map { .drain(pid: $0) }
    }

    /// Immediately after a worker that lived long enough; then 0.5 s, 1 s, 2 s … up to the cap.
    private mutating func scheduleRestart(slot: Int, lived: Double, now: Double) -> Double {
        let quickDeaths = lived >= policy.stableAfter ? 1 : (streak[slot] ?? 0) + 1
        streak[slot] = quickDeaths
        var delay = 0.0
        if quickDeaths > 1 {
            delay = policy.backoffBase
            for _ in 2..<quickDeaths where delay < policy.backoffCap { delay *= 2 }
            delay = min(delay, policy.backoffCap)
        }
        due[slot] = now + delay
        return delay
    }
}
