import API
import Claims
import Database
import FastCGI
import Foundation
import HTTP
import Logging
import Portal

/// Wires configuration, routes and the worker pool together for `claimscore serve`.
public struct Application: Sendable {
    public let config: Config
    public let logger: Logger
    /// Shared by every worker thread (caches, rate limiter).
    public let api: APIState
    /// The validator and scorers, shared by the API and the pile worker.
    public let engine: ClaimEngine
    /// The portal's keys, allow-list and cookie settings, parsed once here.
    public let portalSettings: PortalSettings

    /// Parses everything the request path reads; a bad key or allow-list stops start-up.
    public init(config: Config, logger: Logger) throws(ConfigError) {
        self.config = config
        self.logger = logger
        portalSettings = try config.portalSettings()
        engine = ClaimEngine(secretKey: config.secretKey)
        api = APIState(engine: engine, ratePerSecond: config.rateLimit, burst: config.rateBurst)
    }

    /// The two pools of a worker process on the descriptors inherited from the master: the API
    /// (`threads`) and the portal (`portal_threads`). Both run every route; nginx sends `/api/` to the
    /// first and the rest to the second, so a claim flood queues only API requests. Each thread
    /// builds its own connection lazily.
    public func makeServers(apiDescriptor: Int32, portalDescriptor: Int32) throws -> [FastCGIServer] {
        try [
            config.apiServerOptions(descriptor: apiDescriptor),
            config.portalServerOptions(descriptor: portalDescriptor),
        ]
        .map(makeServer)
    }

    private func makeServer(_ options: ServerOptions) throws -> FastCGIServer {
        let router = Routes.make()
        let config = self.config
        let logger = self.logger
        let api = self.api
        let portalSettings = self.portalSettings
        return try FastCGIServer(options: options, logger: logger) { _ in
            let context = RequestContext(
                db: Connection(config: config.database), config: config, logger: logger, api: api,
                portalSettings: portalSettings)
            return AppHandler(router: router, context: context)
        }
    }

    /// The background thread that vets submitted piles; submitting a pile wakes it.
    public func makePileWorker() -> PileWorker {
        let worker = PileWorker(
            database: config.database, engine: engine, logger: logger,
            retries: PileRetryPolicy(scale: config.pileRetryScale))
        api.onPileSubmitted { worker.wake() }
        return worker
    }

    /// Applies pending migrations from the configured directory (needs only the database).
    public static func migrate(config: Config) throws -> [String] {
        let connection = Connection(config: config.database, multiStatements: true)
        defer { connection.close() }
        let migrations = try Migrator.load(directory: config.migrationsDirectory)
        return try Migrator(connection: connection).migrate(migrations)
    }
}
