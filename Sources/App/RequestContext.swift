import API
import Database
import Logging

/// What one worker thread lends to every handler it runs: its own connection, never shared.
public final class RequestContext {
    public let db: Connection
    public let config: Config
    public let logger: Logger
    /// Process-wide API caches and limits, shared by every thread.
    public let api: APIState

    public init(db: Connection, config: Config, logger: Logger, api: APIState) {
        self.db = db
        self.config = config
        self.logger = logger
        self.api = api
    }
}
