extension Character {
    /// ASCII digits only: `Character.isNumber` also accepts other scripts' digits, which have no
    /// place in addresses, ports or timestamps.
    var isASCIIDigit: Bool {
        guard let value = asciiValue else { return false }
        return value >= 0x30 && value <= 0x39
    }
}
