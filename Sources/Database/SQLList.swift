/// A bound `IN (…)` list whose length is padded (repeating its last value) to 1, 4, 16, 64, 256 or
/// a multiple of 256, so a statement whose list length varies has only a few distinct texts in the
/// prepared-statement cache. Repeating a value changes no `IN` result.
public struct SQLList {
    /// `?, ?, …` for the padded list.
    public let placeholders: String
    public let values: [any Bindable]

    /// An empty `values` gives `IN (NULL)`, which matches nothing (`IN ()` is not SQL), rather
    /// than a trap: the list may come from request data.
    public init(_ values: [any Bindable]) {
        guard !values.isEmpty else {
            self.values = []
            self.placeholders = "NULL"
            return
        }
        let size = [1, 4, 16, 64, 256].first { $0 >= values.count } ?? (values.count + 255) / 256 * 256
        let last = values[values.count - 1]
        self.values = values + Array(repeating: last, count: size - values.count)
        self.placeholders = Array(repeating: "?", count: size).joined(separator: ", ")
    }
}
