import API
import Database
import Logging
import Portal

/// What one worker thread lends to every handler it runs: its own connection, never shared.
public final class RequestContext {
    public let db: Connection
    public let config: Config
    public let logger: Logger
    /// Process-wide API caches and limits, shared by every thread.
    public let api: APIState
    /// The portal's view of the configuration, parsed once at startup.
    public let portalSettings: PortalSettings

    public init(db: Connection, config: Config, logger: Logger, api: APIState, portalSettings: PortalSettings) {
        self.db = db
        self.config = config
        self.logger = logger
        self.api = api
        self.portalSettings = portalSettings
    }
}
