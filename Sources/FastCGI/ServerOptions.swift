/// How the FastCGI worker pool is set up.
public struct ServerOptions: Sendable {
    public var socketPath: String
    /// Permission bits of the socket file, so the nginx user can connect.
    public var socketMode: UInt32
    public var threads: Int
    public var backlog: Int32
    /// Request bodies above this size get 413 and are never buffered.
    public var bodyLimit: Int
    /// How long a stop waits for requests in flight.
    public var shutdownGrace: Duration
    /// A listening descriptor inherited from the `claimscore serve` master; nil opens `socketPath` here.
    public var inheritedDescriptor: Int32?

    public init(
        socketPath: String, socketMode: UInt32 = 0o660, threads: Int, backlog: Int32 = 1024,
        bodyLimit: Int = 8 << 20, shutdownGrace: Duration = .seconds(8), inheritedDescriptor: Int32? = nil
    ) {
        self.socketPath = socketPath
        self.socketMode = socketMode
        self.threads = threads
        self.backlog = backlog
        self.bodyLimit = bodyLimit
        self.shutdownGrace = shutdownGrace
        self.inheritedDescriptor = inheritedDescriptor
    }
}
