import Common
import Database
import Dispatch
import Foundation
import Logging

/// The background thread of a `claimscore serve` process that moves submitted piles along:
/// auto-vetting in batches (`PileVetter`) and writing the 'Vetting Done' events
/// (`PileFinisher`). Submitting a pile returns at once; this thread does the work.
///
/// Turns are fair: the next turn goes to the next organization (round-robin) that has a pile due,
/// and within it to its least recently worked due pile, for one batch. So no organization, however
/// many or big or bad its piles, delays another's by more than one batch per organization with
/// work. A turn that fails for a reason not tied to one claim is charged to the pile: it backs
/// off (`PileRetryPolicy`; a pile backing off is not due, so it costs the queue nothing) and is
/// parked as `failed` after the last try. A claim that cannot be vetted is marked and passed over
/// (`PileVetter`). A database outage charges no pile: the whole thread backs off.
///
/// Several processes may each run one against the same database: a MariaDB named lock per pile
/// lets one worker at a time work on a pile; a pile locked by another process is skipped. The lock
/// dies with its connection, so a crashed process leaves nothing held.
public final class PileWorker: Sendable {
    private let database: DatabaseConfig
    private let engine: ClaimEngine
    private let logger: Logger
    private let pollInterval: Double
    private let retries: PileRetryPolicy
    private let thread: BackgroundThread
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Organizations looked at per turn before the thread sleeps (each costs one index read).
    static let maxOrganizationsPerTurn = 1000
    /// Due piles of one organization tried per turn (others may be locked by other processes).
    static let candidatesPerOrganization = 4

    public init(
        database: DatabaseConfig, engine: ClaimEngine, logger: Logger,
        pollInterval: Double = 0.5, retries: PileRetryPolicy = PileRetryPolicy()
    ) {
        self.database = database
        self.engine = engine
        self.logger = logger
        self.pollInterval = pollInterval
        self.retries = retries
        thread = BackgroundThread(
            label: "pile worker", threadName: "pile-worker", logger: logger, onExit: Database.threadEnd)
    }

    /// Starts the thread; a second call does nothing.
    public func start() {
        thread.start { [self] in
            let db = Connection(config: database)
            logger.info("pile worker started")
            run(db)
            db.close()
        }
    }

    /// Work was submitted: look now rather than at the next poll.
    public func wake() { wakeUp.signal() }

    /// Asks the thread to stop after its current batch and waits up to `timeout`. A batch not
    /// committed by then rolls back when the process exits and is vetted again later.
    @discardableResult
    public func stop(timeout: TimeInterval = 10) -> Bool {
        thread.stop(timeout: timeout) { wakeUp.signal() }
    }

    private var stopping: Bool { thread.isStopping }

    private func run(_ db: Connection) {
        var backoff = 0.0
        var lastOrganization: String?
        while !stopping {
            do {
                let worked = try turn(db, after: &lastOrganization)
                backoff = 0
                if !worked { _ = wakeUp.wait(timeout: .now() + pollInterval) }
            } catch {
                backoff = min(max(backoff * 2, 0.25), 5)
                logger.throttled(
                    .error, "pile worker cannot go on; retrying", error: error, metadata: ["retry_in": "\(backoff)s"])
                _ = wakeUp.wait(timeout: .now() + backoff)
            }
        }
    }

    /// One turn: the first organization after `after` (wrapping around) with a due pile that no
    /// other process holds gets one batch of it. False when there was nothing to do.
    private func turn(_ db: Connection, after: inout String?) throws -> Bool {
        let store = PileStore(db: db)
        var cursor = after
        var seen: Set<String> = []
        for _ in 0..<Self.maxOrganizationsPerTurn {
            guard let org = try store.nextOrganization(after: cursor) else {
                // Past the last organization: wrap around once.
                if cursor == nil { return false }
                cursor = nil
                continue
            }
            guard seen.insert(org).inserted else { return false }
            cursor = org
            for pileID in try store.duePiles(orgID: org, limit: Self.candidatesPerOrganization) {
                if stopping { return false }
                guard try lock(db, pileID) else { continue }
                defer { unlock(db, pileID) }
                after = org
                try work(db, pileID)
                return true
            }
        }
        return false
    }

    /// One batch (or the finishing step) of the pile; a failure not tied to one claim is charged
    /// to the pile, an outage is thrown so the thread backs off.
    private func work(_ db: Connection, _ pileID: Int) throws {
        do {
            if try step(db, pileID) { try PileStore(db: db).endTurn(pileID: pileID) }
        } catch let error where !VettingFailure.isOutage(error) {
            let reason = VettingFailure.pileReason(error)
            logger.throttled(.error, "pile turn failed", error: error, metadata: ["pile": "\(pileID)"])
            if let parked = try PileStore(db: db).recordFailure(pileID: pileID, reason: reason, policy: retries) {
                logger.error(
                    "pile parked as failed",
                    metadata: ["pile": "\(parked.id)", "attempts": "\(parked.attempts)", "reason": "\(reason)"])
            }
        }
    }

    private func step(_ db: Connection, _ pileID: Int) throws -> Bool {
        guard let pile = try PileStore(db: db).find(id: pileID) else { return false }
        switch pile.status {
        case .vetting:
            let vetter = PileVetter(db: db, engine: engine, logger: logger)
            let count = try vetter.vetBatch(pileID: pileID)
            logger.debug("pile batch vetted", metadata: ["pile": "\(pileID)", "claims": "\(count)"])
            return true
        case .finishing:
            if let events = try PileFinisher(db: db).finish(pileID: pileID) {
                logger.info("pile vetting done", metadata: ["pile": "\(pileID)", "events": "\(events)"])
            }
            return true
        case .open, .inAudit, .vettingDone, .failed:
            return false
        }
    }

    private static func lockName(_ pileID: Int) -> String { "claimscore.pile.\(pileID)" }

    private func lock(_ db: Connection, _ pileID: Int) throws -> Bool {
        try db.first("SELECT GET_LOCK(\(Self.lockName(pileID)), 0) AS got")?.decode("got", as: Int?.self) == 1
    }

    private func unlock(_ db: Connection, _ pileID: Int) {
        do {
            _ = try db.first("SELECT RELEASE_LOCK(\(Self.lockName(pileID))) AS released")
        } catch {
            // The lock belongs to the connection; if that is gone, so is the lock.
            logger.warning("could not release a pile lock", metadata: ["pile": "\(pileID)", "error": "\(error)"])
        }
    }
}
