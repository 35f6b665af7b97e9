/// Why a settings file was refused. `field` is the JSON path (for problem+json `errors`),
/// `description` a sentence an admin can act on.
public enum CaseSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownField(String)
    case unknownCheck(String)
    case wrongType(field: String, expected: String)
    case thresholdOutOfRange(field: String, value: Int)
    case failAboveReview(fail: Int, review: Int)
    case negativePoints(DeductionCode, Int)
    case negativeLimit(DeductionCode, Int)
    case nonPositiveWindow(DeductionCode, Double)
    case claimWindowReversed(start: Double, end: Double)
    case invalidAmountCap(Double)
    case invalidTariffEntry(code: String, reason: String)
    case nonPositiveEncounterMaxAge(Int)
    case auditLevelsOutOfRange(Int)

    /// JSON path of the offending value, e.g. `checks.IP_VELOCITY.points`.
    public var field: String {
        switch self {
        case .unknownField(let path): path
        case .unknownCheck(let name): "checks.\(name)"
        case .wrongType(let field, _): field
        case .thresholdOutOfRange(let field, _): field
        case .failAboveReview: "fail_threshold"
        case .negativePoints(let code, _): "checks.\(code.rawValue).points"
        case .negativeLimit(let code, _): "checks.\(code.rawValue).limit"
        case .nonPositiveWindow(let code, _): "checks.\(code.rawValue).window_seconds"
        case .claimWindowReversed: "claim_window"
        case .invalidAmountCap: "amount_cap"
        case .invalidTariffEntry(let code, _): "tariff.\(code)"
        case .nonPositiveEncounterMaxAge: "encounter_max_age_days"
        case .auditLevelsOutOfRange: "audit_levels"
        }
    }

    public var description: String {
        switch self {
        case .unknownField(let path):
            "unknown setting \"\(path)\" (check the spelling; keys are snake_case)"
        case .unknownCheck(let name):
            "unknown check \"\(name)\"; known checks: "
                + DeductionCode.allCases.map(\.rawValue).joined(separator: ", ")
        case .wrongType(let field, let expected):
            "\(field) must be \(expected)"
        case .thresholdOutOfRange(let field, let value):
            "\(field) must be between 0 and 1000, not \(value)"
        case .failAboveReview(let fail, let review):
            "fail_threshold (\(fail)) must not be above review_threshold (\(review))"
        case .negativePoints(let code, let points):
            "points of \(code.rawValue) must not be negative, not \(points)"
        case .negativeLimit(let code, let limit):
            "limit of \(code.rawValue) must not be negative, not \(limit)"
        case .nonPositiveWindow(let code, let seconds):
            "window_seconds of \(code.rawValue) must be a positive number of seconds, not \(seconds)"
        case .claimWindowReversed(let start, let end):
            "claim_window.end (\(end)) is before claim_window.start (\(start))"
        case .invalidAmountCap(let cap):
            "amount_cap must be a non-negative number, not \(cap)"
        case .invalidTariffEntry(let code, let reason):
            "tariff entry \"\(code)\": \(reason)"
        case .nonPositiveEncounterMaxAge(let days):
            "encounter_max_age_days must be at least 1, not \(days)"
        case .auditLevelsOutOfRange(let levels):
            "audit_levels must be 0, 1, 2 or 3, not \(levels)"
        }
    }
}
