/// A `CodingKey` for JSON objects whose keys are data (check codes, tariff codes) or whose
/// spelling we match leniently.
struct SettingsKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
