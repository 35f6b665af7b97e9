extension String {
    /// At most `limit` Unicode scalars: the unit a utf8mb4 `VARCHAR(limit)` counts. `prefix(_:)`
    /// counts Characters, and one Character can hold many scalars ("Data too long" on insert).
    public func prefixScalars(_ limit: Int) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: unicodeScalars.prefix(limit))
        return String(scalars)
    }
}
