import App
import ArgumentParser
import Foundation
import Logging

/// `claimscore` and its subcommands.
public struct ClaimScoreCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "claimscore",
        abstract: "ClaimScore: real-time claim scoring behind nginx (FastCGI) on MariaDB.",
        subcommands: [
            ServeCommand.self, WorkerCommand.self, MigrateCommand.self, CreateOrgCommand.self, CreateUserCommand.self,
            SeedDemoCommand.self, ImportSettingsCommand.self, ScoringBenchmarkCommand.self, BenchFixtureCommand.self,
        ]
    )
}

/// Options every subcommand shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (key = value lines); CLAIMSCORE_* variables override it.")
    var config: String?

    /// The configuration, or a clean exit with the problem on stderr.
    func load() throws -> Config {
        do {
            return try Config.load(file: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func logger(_ config: Config) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = config.logLevel
            return handler
        }
        return Logger(label: "claimscore")
    }
}
