/// Scores `claims` in-memory claims (about 70 % settlement, 30 % health, with shared IPs,
/// devices and addresses so the history checks fire) on the calling thread, and reports the
/// throughput. It exists so the CLI can show that scoring costs microseconds, not milliseconds;
/// each claim pays for `signals`, `lookups` and `score`, as on the real path.
public func runScoringBenchmark(claims: Int) -> (claimsPerSecond: Double, microsPerClaim: Double) {
    let count = max(1, claims)
    var settings = CaseSettings(
        claimWindow: ClaimWindow(start: 1_700_000_000, end: 1_900_000_000), amountCap: 500,
        blocklists: Blocklists(domains: ["blocked.example"], ips: ["198.51.100.66"]))
    for index in 0..<200 {
        settings.tariff["DRG-\(index)"] = TariffEntry(unitPrice: 1000 + index * 10, maxQty: 1 + index % 4)
    }
    let scorer = Scorer(settings: settings)
    let now = 1_800_000_000.0
    var generator = BenchmarkGenerator(seed: 0x5EED)
    let workload = (0..<count).map { _ in generator.claim(now: now) }

    // History: counts for a slice of the repeated values, as the database would return them.
    var history = SignalCounts()
    for claim in workload.prefix(500) {
        for signal in scorer.signals(for: claim) where signal.kind != .addressVariant {
            history.anyWindow[signal] = HistoryCount(claims: 2, otherClaimants: 1)
        }
    }

    let clock = ContinuousClock()
    var checksum = 0
    let elapsed = clock.measure {
        for claim in workload {
            let signals = scorer.signals(for: claim)
            checksum &+= scorer.lookups(for: signals).count
            checksum &+= scorer.score(claim, history: history, now: now).score ?? 0
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    // The checksum keeps the optimiser from discarding the work; it never changes the result.
    let measured = checksum == Int.min ? seconds + 1e-9 : max(seconds, 1e-9)
    return (Double(count) / measured, measured * 1e6 / Double(count))
}
