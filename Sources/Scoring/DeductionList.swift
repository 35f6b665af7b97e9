/// Collects one claim's deductions, applying the case's per-check settings in one place so
/// the checks themselves only decide whether they failed.
struct DeductionList {
    let checks: [DeductionCode: CheckSetting]
    private(set) var deductions: [Deduction] = []

    init(checks: [DeductionCode: CheckSetting]) {
        self.checks = checks
    }

    func isEnabled(_ code: DeductionCode) -> Bool {
        checks[code]?.enabled ?? false
    }

    /// The check's limit; a missing one falls back to the catalogue default, then 0.
    func limit(_ code: DeductionCode) -> Int {
        checks[code]?.limit ?? code.defaultSetting.limit ?? 0
    }

    func window(_ code: DeductionCode) -> Double? {
        checks[code]?.windowSeconds
    }

    /// Records a failed check, once per code; ignored when the check is disabled.
    mutating func add(_ code: DeductionCode, _ detail: String) {
        guard let setting = checks[code], setting.enabled, !deductions.contains(where: { $0.code == code }) else {
            return
        }
        deductions.append(Deduction(code: code, points: setting.points, detail: detail))
    }
}
