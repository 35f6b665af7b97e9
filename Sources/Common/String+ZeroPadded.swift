extension String {
    /// `value` in decimal, left-padded with zeros to `width` digits (`7, 3` → `007`); a negative
    /// value keeps its sign in front (`-7, 3` → `-007`). Dates, times and amounts all use this one.
    public init(zeroPadded value: Int, width: Int) {
        self = Self.padded(value, width)
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
