import Testing

@testable import App

/// The master's restart, reload and stop decisions, without processes.
struct SupervisorTests {
    /// Starts `processes` workers with pids 100, 101, … at time 0, all ready.
    private func running(_ processes: Int = 2) -> Supervisor {
        var supervisor = Supervisor(processes: processes)
        for case .spawn(let slot, let generation) in supervisor.start() {
            supervisor.spawned(pid: Int32(100 + slot), slot: slot, generation: generation, now: 0)
            _ = supervisor.ready(pid: Int32(100 + slot))
        }
        return supervisor
    }

    /// `exited` for a pid the supervisor knows.
    private func exit(
        _ supervisor: inout Supervisor, pid: Int32, cause: WorkerExit, now: Double
    ) throws -> (Supervisor.Death, [Supervisor.Action]) {
        let result = supervisor.exited(pid: pid, cause: cause, now: now)
        return try #require(result)
    }

    @Test func startSpawnsOneWorkerPerSlot() {
        var supervisor = Supervisor(processes: 3)
        #expect(
            supervisor.start() == [
                .spawn(slot: 0, generation: 1), .spawn(slot: 1, generation: 1), .spawn(slot: 2, generation: 1),
            ])
    }

    @Test func aWorkerKilledAfterRunningAWhileIsReplacedAtOnce() throws {
        var supervisor = running()
        let (death, actions) = try exit(&supervisor, pid: 101, cause: .signaled(9), now: 60)
        #expect(death.slot == 1)
        #expect(death.restartIn == 0)
        #expect(death.cause.description == "signal SIGKILL")
        #expect(actions == [.spawn(slot: 1, generation: 1)])
    }

    @Test func aSlotThatKeepsDyingBacksOffDoublingUpToTheCap() throws {
        var supervisor = running(1)
        var now = 100.0
        var delays: [Double] = []
        var pid: Int32 = 100
        for _ in 0..<10 {
            let (death, actions) = try exit(&supervisor, pid: pid, cause: .signaled(4), now: now)
            let delay = try #require(death.restartIn)
            delays.append(delay)
            if delay > 0 {
                #expect(actions == [])
                #expect(supervisor.tick(now: now + delay - 0.01) == [], "not before its time")
                #expect(supervisor.tick(now: now + delay) == [.spawn(slot: 0, generation: 1)])
            } else {
                #expect(actions == [.spawn(slot: 0, generation: 1)])
            }
            now += delay
            pid += 1
            supervisor.spawned(pid: pid, slot: 0, generation: 1, now: now)
            now += 1
        }
        #expect(delays == [0, 0.5, 1, 2, 4, 8, 16, 30, 30, 30])
    }

    @Test func aWorkerThatStaysUpResetsTheBackoff() throws {
        var supervisor = running(1)
        _ = supervisor.exited(pid: 100, cause: .exited(1), now: 20)
        supervisor.spawned(pid: 200, slot: 0, generation: 1, now: 20)
        let quick = try exit(&supervisor, pid: 200, cause: .exited(1), now: 21)
        #expect(quick.0.restartIn == 0.5)
        _ = supervisor.tick(now: 22)
        supervisor.spawned(pid: 201, slot: 0, generation: 1, now: 22)
        let later = try exit(&supervisor, pid: 201, cause: .exited(1), now: 40)
        #expect(later.0.restartIn == 0, "it lived 18 s, longer than stableAfter")
    }

    @Test func reloadDrainsTheOldGenerationOnlyWhenEveryNewWorkerIsReady() {
        var supervisor = running(2)
        #expect(supervisor.reload(processes: 2) == [.spawn(slot: 0, generation: 2), .spawn(slot: 1, generation: 2)])
        supervisor.spawned(pid: 200, slot: 0, generation: 2, now: 1)
        supervisor.spawned(pid: 201, slot: 1, generation: 2, now: 1)
        #expect(supervisor.ready(pid: 200) == [], "one new worker is not yet the whole generation")
        #expect(supervisor.ready(pid: 201) == [.drain(pid: 100), .drain(pid: 101)])
        #expect(supervisor.currentWorkers == [200, 201])
    }

    @Test func drainedOldWorkersAreNotReplaced() throws {
        var supervisor = running(1)
        _ = supervisor.reload(processes: 1)
        supervisor.spawned(pid: 200, slot: 0, generation: 2, now: 1)
        _ = supervisor.ready(pid: 200)
        let (death, actions) = try exit(&supervisor, pid: 100, cause: .exited(0), now: 2)
        #expect(death.restartIn == nil)
        #expect(actions == [])
    }

    @Test func anOldWorkerDyingDuringAReloadIsNotReplaced() throws {
        var supervisor = running(1)
        _ = supervisor.reload(processes: 1)
        let (death, _) = try exit(&supervisor, pid: 100, cause: .signaled(9), now: 2)
        #expect(death.restartIn == nil, "the new generation replaces it")
    }

    @Test func reloadCanChangeTheNumberOfProcesses() {
        var supervisor = running(2)
        #expect(supervisor.reload(processes: 3).count == 3)
        #expect(supervisor.processes == 3)
    }

    @Test func stopDrainsAllAndExitsZeroWhenTheyExitCleanly() throws {
        var supervisor = running(2)
        #expect(supervisor.stop(now: 5) == [.drain(pid: 100), .drain(pid: 101)])
        #expect(supervisor.exited(pid: 100, cause: .exited(0), now: 6)?.1 == [])
        #expect(supervisor.exited(pid: 101, cause: .exited(0), now: 6)?.1 == [.exit(code: 0)])
    }

    @Test func stopKillsWhatOutlivesTheGraceAndExitsOne() throws {
        var supervisor = running(2)
        _ = supervisor.stop(now: 5)
        _ = supervisor.exited(pid: 100, cause: .exited(0), now: 6)
        #expect(supervisor.tick(now: 13.9) == [])
        #expect(supervisor.tick(now: 14) == [.kill(pid: 101)])
        #expect(supervisor.tick(now: 14.5) == [], "killed once")
        #expect(supervisor.exited(pid: 101, cause: .signaled(9), now: 14.6)?.1 == [.exit(code: 1)])
    }

    @Test func nothingIsReplacedOrReloadedWhileStopping() throws {
        var supervisor = running(2)
        _ = supervisor.stop(now: 5)
        let (death, _) = try exit(&supervisor, pid: 100, cause: .signaled(4), now: 6)
        #expect(death.restartIn == nil)
        #expect(supervisor.reload(processes: 2) == [])
    }

    @Test func aFailedSpawnIsRetriedWithBackoff() {
        var supervisor = Supervisor(processes: 1)
        _ = supervisor.start()
        #expect(supervisor.spawnFailed(slot: 0, generation: 1, now: 0) == 0)
        #expect(supervisor.tick(now: 0) == [.spawn(slot: 0, generation: 1)])
        #expect(supervisor.spawnFailed(slot: 0, generation: 1, now: 0) == 0.5)
        #expect(supervisor.nextWakeUp == 0.5)
    }

    @Test func unknownPidsAreIgnored() {
        var supervisor = running(1)
        #expect(supervisor.exited(pid: 999, cause: .exited(0), now: 1) == nil)
    }

    @Test func waitStatusesDecodeToExitCodesAndSignalNames() {
        #expect(WorkerExit(waitStatus: 0) == .exited(0))
        #expect(WorkerExit(waitStatus: 3 << 8) == .exited(3))
        #expect(WorkerExit(waitStatus: 9) == .signaled(9))
        #expect(WorkerExit(waitStatus: 4).description == "signal SIGILL (trap)")
        #expect(WorkerExit(waitStatus: 77).description == "signal 77")
    }
}
