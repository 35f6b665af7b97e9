import ArgumentParser
import Foundation
import Scoring

/// `claimscore bench-scoring`: the engine alone, in-process, on one core.
struct ScoringBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-scoring", abstract: "Score generated claims in-process on one thread and print claims/s.")

    @Option(help: "How many claims to score.") var claims = 200_000

    func run() throws {
        let result = runScoringBenchmark(claims: max(1000, min(claims, 10_000_000)))
        print(
            "scoring in-process: \(Int(result.claimsPerSecond)) claims/s on one core, "
                + "\(String(format: "%.1f", result.microsPerClaim)) µs per claim (\(claims) claims)")
    }
}
