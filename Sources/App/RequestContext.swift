import Database
import Logging

/// What one worker thread lends to every handler it runs: its own connection, never shared.
public final class RequestContext {
    public let db: Connection
    public let config: Config
    public let logger: Logger

    public init(db: Connection, config: Config, logger: Logger) {
        self.db = db
        self.config = config
        self.logger = logger
    }
}
