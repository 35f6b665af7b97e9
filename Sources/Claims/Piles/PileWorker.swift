import Database
import Dispatch
import Foundation
import Logging

/// The background thread of a `claimscore serve` process that moves submitted piles along:
/// auto-vetting in batches (`PileVetter`) and writing the 'Vetting Done' events
/// (`PileFinisher`). Submitting a pile returns at once; this thread does the work.
///
/// Several processes may each run one against the same database: a MariaDB named lock per pile
/// lets one worker at a time work on a pile, and piles are taken in turn, one batch each, so a
/// big pile does not starve a small one. The lock dies with its connection, so a crashed
/// process leaves nothing held.
public final class PileWorker: Sendable {
    private let database: DatabaseConfig
    private let scorers: ScorerCache
    private let validator: ClaimValidator
    private let logger: Logger
    private let pollInterval: Double
    private let thread: BackgroundThread
    private let wakeUp = DispatchSemaphore(value: 0)

    /// Piles looked at per round.
    static let pilesPerRound = 32

    public init(
        database: DatabaseConfig, scorers: ScorerCache, validator: ClaimValidator, logger: Logger,
        pollInterval: Double = 0.5
    ) {
        self.database = database
        self.scorers = scorers
        self.validator = validator
        self.logger = logger
        self.pollInterval = pollInterval
        thread = BackgroundThread(label: "pile worker", threadName: "pile-worker", logger: logger)
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
        while !stopping {
            do {
                let worked = try round(db)
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

    /// One batch (or the finishing step) for each pile with work. True when anything moved. A
    /// pile that fails is logged and skipped, so one broken pile does not hold up the others;
    /// when nothing moved and something failed, the error is thrown so the loop backs off.
    private func round(_ db: Connection) throws -> Bool {
        var worked = false
        var failure: (any Error)?
        for pileID in try PileStore(db: db).workable(limit: Self.pilesPerRound) {
            if stopping { break }
            do {
                guard try lock(db, pileID) else { continue }
                defer { unlock(db, pileID) }
                worked = try step(db, pileID) || worked
            } catch {
                logger.throttled(.error, "pile work failed", error: error, metadata: ["pile": "\(pileID)"])
                failure = error
            }
        }
        if !worked, let failure { throw failure }
        return worked
    }

    private func step(_ db: Connection, _ pileID: Int) throws -> Bool {
        guard let pile = try PileStore(db: db).find(id: pileID) else { return false }
        switch pile.status {
        case .vetting:
            let vetter = PileVetter(db: db, scorers: scorers, validator: validator, logger: logger)
            let count = try vetter.vetBatch(pileID: pileID)
            logger.debug("pile batch vetted", metadata: ["pile": "\(pileID)", "claims": "\(count)"])
            return true
        case .finishing:
            if let events = try PileFinisher(db: db).finish(pileID: pileID) {
                logger.info("pile vetting done", metadata: ["pile": "\(pileID)", "events": "\(events)"])
            }
            return true
        case .open, .inAudit, .vettingDone:
            return false
        }
    }

    private static func lockName(_ pileID: Int) -> String { "claimscore.pile.\(pileID)" }

    private func lock(_ db: Connection, _ pileID: Int) throws -> Bool {
        try db.first("SELECT GET_LOCK(?, 0) AS got", Self.lockName(pileID))?.optionalInt("got") == 1
    }

    private func unlock(_ db: Connection, _ pileID: Int) {
        do {
            _ = try db.first("SELECT RELEASE_LOCK(?) AS released", Self.lockName(pileID))
        } catch {
            // The lock belongs to the connection; if that is gone, so is the lock.
            logger.warning("could not release a pile lock", metadata: ["pile": "\(pileID)", "error": "\(error)"])
        }
    }
}
