/// Where and how to reach MariaDB.
public struct DatabaseConfig: Sendable, Equatable {
    /// Unix socket path; when empty, `host` and `port` are used.
    public var socket: String
    public var host: String
    public var port: UInt32
    public var user: String
    public var password: String
    public var name: String
    public var connectTimeoutSeconds: UInt32
    /// Bounds every read and write so a hung server cannot hold a worker thread forever.
    public var ioTimeoutSeconds: UInt32

    public init(
        socket: String = "", host: String = "127.0.0.1", port: UInt32 = 3306, user: String = "claimscore",
        password: String = "", name: String = "claimscore", connectTimeoutSeconds: UInt32 = 2,
        ioTimeoutSeconds: UInt32 = 30
    ) {
        self.socket = socket
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.name = name
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.ioTimeoutSeconds = ioTimeoutSeconds
    }
}
