/// The fields of a settlement claim that scoring looks at, flattened from the API's
/// `claimant`, `submission` and `amount_claimed`. Every field is optional because the API allows
/// it; what is missing is either skipped by a check or makes the claim `insufficient`.
public struct SettlementClaim: Sendable, Codable, Equatable, Hashable {
    /// With `lastName`: duplicate claimant by name and address; either one names the claimant.
    public var firstName: String?
    public var lastName: String?
    /// Syntax, disposable domain, blocklist and duplicate claimant; the preferred claimant key.
    public var email: String?
    /// Syntax (E.164-like), blocklist and duplicate claimant.
    public var phone: String?
    /// Completeness, household limit, near-duplicate address; nil counts as incomplete.
    public var address: Address?
    /// Kept for context; reuse is judged on the account hash alone, whatever the method.
    public var payoutMethod: String?
    /// Hashed by the caller on arrival: the raw account number never reaches the engine.
    public var payoutAccountHash: String?
    /// IP velocity and blocklist.
    public var ip: String?
    /// Automated user agent; nil (an integrator that sends none) is not judged, blank is.
    public var userAgent: String?
    /// Unix seconds.
    public var formStartedAt: Double?
    /// Unix seconds.
    public var submittedAt: Double?
    /// Device reuse across claimants.
    public var deviceId: String?
    /// Campaign or channel; carried for context, not scored.
    public var source: String?
    /// Compared with the case's `amountCap`.
    public var amountClaimed: Double?

    public init(
        firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil,
        address: Address? = nil, payoutMethod: String? = nil, payoutAccountHash: String? = nil,
        ip: String? = nil, userAgent: String? = nil, formStartedAt: Double? = nil,
        submittedAt: Double? = nil, deviceId: String? = nil, source: String? = nil,
        amountClaimed: Double? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.address = address
        self.payoutMethod = payoutMethod
        self.payoutAccountHash = payoutAccountHash
        self.ip = ip
        self.userAgent = userAgent
        self.formStartedAt = formStartedAt
        self.submittedAt = submittedAt
        self.deviceId = deviceId
        self.source = source
        self.amountClaimed = amountClaimed
    }

    enum CodingKeys: String, CodingKey {
        case email, phone, address, ip, source
        case firstName = "first_name"
        case lastName = "last_name"
        case payoutMethod = "payout_method"
        case payoutAccountHash = "payout_account_hash"
        case userAgent = "user_agent"
        case formStartedAt = "form_started_at"
        case submittedAt = "submitted_at"
        case deviceId = "device_id"
        case amountClaimed = "amount_claimed"
    }
}
