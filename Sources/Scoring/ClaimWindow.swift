/// When a settlement accepts claims. Either end may be open.
public struct ClaimWindow: Sendable, Codable, Equatable, Hashable {
    /// Unix seconds; claims submitted earlier are outside the window.
    public var start: Double?
    /// Unix seconds; claims submitted later are outside the window.
    public var end: Double?

    public init(start: Double? = nil, end: Double? = nil) {
        self.start = start
        self.end = end
    }

    /// Whether `time` (Unix seconds) falls inside the window, both ends inclusive.
    public func contains(_ time: Double) -> Bool {
        if let start, time < start { return false }
        if let end, time > end { return false }
        return true
    }
}
