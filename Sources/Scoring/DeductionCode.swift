/// The catalogue of checks. Raw values are a public contract (API responses, webhooks, case
/// settings, the OpenAPI catalogue): never rename one, only add.
public enum DeductionCode: String, Sendable, Codable, Equatable, Hashable, CaseIterable, CodingKeyRepresentable {
    // Settlement cases.
    case duplicateClaimant = "DUPLICATE_CLAIMANT"
    case householdLimit = "HOUSEHOLD_LIMIT"
    case nearDuplicateAddress = "NEAR_DUPLICATE_ADDRESS"
    case ipVelocity = "IP_VELOCITY"
    case deviceReuse = "DEVICE_REUSE"
    case payoutReuse = "PAYOUT_REUSE"
    case disposableEmail = "DISPOSABLE_EMAIL"
    case malformedEmail = "MALFORMED_EMAIL"
    case malformedPhone = "MALFORMED_PHONE"
    case incompleteAddress = "INCOMPLETE_ADDRESS"
    case fastFormFill = "FAST_FORM_FILL"
    case automatedUserAgent = "AUTOMATED_USER_AGENT"
    case outsideClaimWindow = "OUTSIDE_CLAIM_WINDOW"
    case blocklisted = "BLOCKLISTED"
    case amountAboveCap = "AMOUNT_ABOVE_CAP"
    // Health cases.
    case malformedICD10 = "MALFORMED_ICD10"
    case duplicateEncounter = "DUPLICATE_ENCOUNTER"
    case futureEncounter = "FUTURE_ENCOUNTER"
    case staleEncounter = "STALE_ENCOUNTER"
    case billedAmountMismatch = "BILLED_AMOUNT_MISMATCH"
    case itemNotInTariff = "ITEM_NOT_IN_TARIFF"
    case itemPriceAboveTariff = "ITEM_PRICE_ABOVE_TARIFF"
    case itemQtyAboveLimit = "ITEM_QTY_ABOVE_LIMIT"

    /// The case type whose claims this check looks at.
    public var claimType: ClaimType {
        switch self {
        case .malformedICD10, .duplicateEncounter, .futureEncounter, .staleEncounter, .billedAmountMismatch,
            .itemNotInTariff, .itemPriceAboveTariff, .itemQtyAboveLimit:
            .health
        default:
            .settlement
        }
    }

    /// Points deducted unless the case overrides them; tuned so one weak signal alone still
    /// passes (1000 − 150 = 850) while strong ones (duplicates, blocklist) reach review or fail.
    public var defaultPoints: Int {
        switch self {
        case .duplicateClaimant: 400
        case .householdLimit: 150
        case .nearDuplicateAddress: 100
        case .ipVelocity: 150
        case .deviceReuse: 200
        case .payoutReuse: 300
        case .disposableEmail: 150
        case .malformedEmail: 100
        case .malformedPhone: 50
        case .incompleteAddress: 100
        case .fastFormFill: 150
        case .automatedUserAgent: 200
        case .outsideClaimWindow: 400
        case .blocklisted: 1000
        case .amountAboveCap: 100
        case .malformedICD10: 100
        case .duplicateEncounter: 400
        case .futureEncounter: 400
        case .staleEncounter: 300
        case .billedAmountMismatch: 100
        case .itemNotInTariff: 50
        case .itemPriceAboveTariff: 25
        case .itemQtyAboveLimit: 25
        }
    }

    /// The setting used when a case says nothing about this check. Where `limit` and
    /// `windowSeconds` matter, their meaning is given in `summary`.
    public var defaultSetting: CheckSetting {
        switch self {
        case .duplicateClaimant: CheckSetting(points: defaultPoints, limit: 0)
        case .householdLimit: CheckSetting(points: defaultPoints, limit: 2)
        case .nearDuplicateAddress: CheckSetting(points: defaultPoints, limit: 0)
        case .ipVelocity: CheckSetting(points: defaultPoints, limit: 3, windowSeconds: 3600)
        case .deviceReuse: CheckSetting(points: defaultPoints, limit: 0)
        case .payoutReuse: CheckSetting(points: defaultPoints, limit: 0)
        case .fastFormFill: CheckSetting(points: defaultPoints, limit: 30)
        case .duplicateEncounter: CheckSetting(points: defaultPoints, limit: 0)
        default: CheckSetting(points: defaultPoints)
        }
    }

    /// One line for the OpenAPI and README catalogue, including what `limit` and
    /// `window_seconds` mean for the check.
    public var summary: String {
        switch self {
        case .duplicateClaimant:
            "Same normalised email, phone, or name and address as more than `limit` earlier claims (default 0)."
        case .householdLimit:
            "More than `limit` claims (default 2) from the same normalised address."
        case .nearDuplicateAddress:
            "More than `limit` other claimants (default 0) at an address one character or one unit number away."
        case .ipVelocity:
            "More than `limit` claims (default 3) from one IP address within `window_seconds` (default 3600)."
        case .deviceReuse:
            "Device id already used by more than `limit` other claimants (default 0)."
        case .payoutReuse:
            "Payout account already used by more than `limit` other claimants (default 0)."
        case .disposableEmail:
            "Email domain is a known disposable (throw-away) mail service."
        case .malformedEmail:
            "Email address is not syntactically valid."
        case .malformedPhone:
            "Phone number is not E.164-like (7 to 15 digits, optional leading +)."
        case .incompleteAddress:
            "Address lacks line 1, city, country, or both postal code and region."
        case .fastFormFill:
            "Form submitted less than `limit` seconds (default 30) after it was started."
        case .automatedUserAgent:
            "User agent is blank or names a script, headless browser, bot or crawler."
        case .outsideClaimWindow:
            "Submitted before the case's claim window opened or after it closed."
        case .blocklisted:
            "Email, email domain, IP address or phone is on the case's blocklist."
        case .amountAboveCap:
            "Amount claimed is above the case's cap."
        case .malformedICD10:
            "A diagnosis code is not a well-formed ICD-10 code."
        case .duplicateEncounter:
            "Same enrollee, provider and encounter date as more than `limit` earlier claims (default 0)."
        case .futureEncounter:
            "Encounter date is in the future (one day of grace for time zones)."
        case .staleEncounter:
            "Encounter date is older than the case's `encounter_max_age_days` (default 365)."
        case .billedAmountMismatch:
            "Billed amount differs from the sum of the items' billed sub totals by more than 0.005."
        case .itemNotInTariff:
            "An item's code is not in the case tariff; the item is rejected."
        case .itemPriceAboveTariff:
            "An item's unit price is above the tariff; the approved price is reduced to the tariff."
        case .itemQtyAboveLimit:
            "An item's quantity is above the tariff's maximum; the approved quantity is reduced."
        }
    }
}
