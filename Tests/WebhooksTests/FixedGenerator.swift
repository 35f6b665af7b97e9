/// A "random" source that repeats the given values, so jitter and ids are reproducible.
struct FixedGenerator: RandomNumberGenerator {
    private let values: [UInt64]
    private var index = 0

    init(_ values: UInt64...) {
        precondition(!values.isEmpty)
        self.values = values
    }

    mutating func next() -> UInt64 {
        defer { index = (index + 1) % values.count }
        return values[index]
    }
}
