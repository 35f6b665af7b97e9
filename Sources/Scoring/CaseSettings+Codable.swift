extension CaseSettings {
    private static let topLevelFields = [
        "review_threshold", "fail_threshold", "checks", "claim_window", "amount_cap", "blocklists", "tariff",
        "encounter_max_age_days", "audit_levels",
    ]

    /// Decodes the settings-file format documented on `CaseSettings`, then validates it.
    /// Use a plain `JSONDecoder()` (no key strategy): key spelling is handled here.
    public init(from decoder: any Decoder) throws {
        let root = try SettingsObject(
            decoder.container(keyedBy: SettingsKey.self), path: "", allowed: Self.topLevelFields)
        self.init()
        let integer = "an integer"
        reviewThreshold = try root.value("review_threshold", Int.self, expected: integer) ?? reviewThreshold
        failThreshold = try root.value("fail_threshold", Int.self, expected: integer) ?? failThreshold
        encounterMaxAgeDays =
            try root.value("encounter_max_age_days", Int.self, expected: integer) ?? encounterMaxAgeDays
        auditLevels = try root.value("audit_levels", Int.self, expected: integer) ?? auditLevels
        amountCap = try root.value("amount_cap", Double.self, expected: "a number")
        if let checks = try root.object("checks", allowed: nil) {
            self.checks = try Self.decodeChecks(checks)
        }
        if let window = try root.object("claim_window", allowed: ["start", "end"]) {
            let seconds = "Unix seconds (a number)"
            claimWindow = ClaimWindow(
                start: try window.value("start", Double.self, expected: seconds),
                end: try window.value("end", Double.self, expected: seconds))
        }
        if let lists = try root.object("blocklists", allowed: ["emails", "domains", "ips", "phones"]) {
            let strings = "a list of strings"
            blocklists = Blocklists(
                emails: try lists.value("emails", [String].self, expected: strings) ?? [],
                domains: try lists.value("domains", [String].self, expected: strings) ?? [],
                ips: try lists.value("ips", [String].self, expected: strings) ?? [],
                phones: try lists.value("phones", [String].self, expected: strings) ?? [])
        }
        if let tariff = try root.object("tariff", allowed: nil) {
            self.tariff = try Self.decodeTariff(tariff)
        }
        try validate()
    }

    private static func decodeChecks(_ object: SettingsObject) throws -> [DeductionCode: CheckSetting] {
        var checks: [DeductionCode: CheckSetting] = [:]
        for key in object.allKeys {
            let name = key.stringValue.uppercased().replacing("-", with: "_").replacing(" ", with: "_")
            guard let code = DeductionCode(rawValue: name) else {
                throw CaseSettingsError.unknownCheck(key.stringValue)
            }
            guard
                let entry = try object.object(at: key, allowed: ["enabled", "points", "limit", "window_seconds"])
            else { continue }
            var setting = code.defaultSetting
            setting.enabled = try entry.value("enabled", Bool.self, expected: "true or false") ?? setting.enabled
            setting.points = try entry.value("points", Int.self, expected: "an integer") ?? setting.points
            setting.limit = try entry.value("limit", Int.self, expected: "an integer") ?? setting.limit
            if entry.contains("window_seconds") {
                // An explicit null means "the whole history", so it is not replaced by the default.
                setting.windowSeconds = try entry.value("window_seconds", Double.self, expected: "a number of seconds")
            }
            checks[code] = setting
        }
        return checks
    }

    private static func decodeTariff(_ object: SettingsObject) throws -> [String: TariffEntry] {
        var tariff: [String: TariffEntry] = [:]
        for key in object.allKeys {
            let code = Normalizer.trimmed(key.stringValue)
            guard let entry = try object.object(at: key, allowed: ["unit_price", "max_qty"]) else {
                throw CaseSettingsError.invalidTariffEntry(code: code, reason: "must be an object")
            }
            guard let unitPrice = try entry.value("unit_price", Int.self, expected: "an integer") else {
                throw CaseSettingsError.invalidTariffEntry(code: code, reason: "unit_price is required")
            }
            guard let maxQty = try entry.value("max_qty", Int.self, expected: "an integer") else {
                throw CaseSettingsError.invalidTariffEntry(code: code, reason: "max_qty is required")
            }
            tariff[code] = TariffEntry(unitPrice: unitPrice, maxQty: maxQty)
        }
        return tariff
    }

    /// Writes the same format `init(from:)` reads (snake_case), so settings round-trip.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SettingsKey.self)
        try container.encode(reviewThreshold, forKey: SettingsKey("review_threshold"))
        try container.encode(failThreshold, forKey: SettingsKey("fail_threshold"))
        try container.encode(
            Dictionary(uniqueKeysWithValues: checks.map { ($0.key.rawValue, $0.value) }),
            forKey: SettingsKey("checks"))
        if claimWindow != ClaimWindow() {
            try container.encode(claimWindow, forKey: SettingsKey("claim_window"))
        }
        try container.encodeIfPresent(amountCap, forKey: SettingsKey("amount_cap"))
        try container.encode(blocklists, forKey: SettingsKey("blocklists"))
        try container.encode(tariff, forKey: SettingsKey("tariff"))
        try container.encode(encounterMaxAgeDays, forKey: SettingsKey("encounter_max_age_days"))
        try container.encode(auditLevels, forKey: SettingsKey("audit_levels"))
    }
}
