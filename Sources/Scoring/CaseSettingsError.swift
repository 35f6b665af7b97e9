/// Why a settings file was refused. `field` is the JSON path (for problem+json `errors`),
/// `description` a sentence an admin can act on.
public enum CaseSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownField(String)
    case unknownCheck(String)
    case wrongType(field: String, expected: String)
    case thresholdOutOfRange(field: String, value: Int)
    case failAboveReview(fail: Int, review: Int)
    /// A value outside its documented range (`SettingRanges`); `allowed` says which.
    case outOfRange(field: String, allowed: String, value: String)
    /// `window_seconds` not above 0 or beyond `SettingRanges.windowSeconds`.
    case nonPositiveWindow(DeductionCode, Double)
    case claimWindowReversed(start: Double, end: Double)
    case invalidTariffEntry(code: String, reason: String)
    case auditLevelsOutOfRange(Int)

    /// JSON path of the offending value, e.g. `checks.IP_VELOCITY.points`.
    public var field: String {
        switch self {
        case .unknownField(let path): path
        case .unknownCheck(let name): "checks.\(name)"
        case .wrongType(let field, _): field
        case .thresholdOutOfRange(let field, _): field
        case .failAboveReview: "fail_threshold"
        case .outOfRange(let field, _, _): field
        case .nonPositiveWindow(let code, _): "checks.\(code.rawValue).window_seconds"
        case .claimWindowReversed: "claim_window"
        case .invalidTariffEntry(let code, _): "tariff.\(code)"
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
        case .outOfRange(let field, let allowed, let value):
            "\(field) must be from \(allowed), not \(value)"
        case .nonPositiveWindow(let code, let seconds):
            "window_seconds of \(code.rawValue) must be above 0 and at most "
                + "\(SettingRanges.text(SettingRanges.windowSeconds.upperBound)) (10 years), not \(seconds)"
        case .claimWindowReversed(let start, let end):
            "claim_window.end (\(end)) is before claim_window.start (\(start))"
        case .invalidTariffEntry(let code, let reason):
            "tariff entry \"\(code)\": \(reason)"
        case .auditLevelsOutOfRange(let levels):
            "audit_levels must be 0, 1, 2 or 3, not \(levels)"
        }
    }
}
