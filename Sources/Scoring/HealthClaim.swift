/// The fields of a health (provider) claim that vetting looks at. Optional where the API
/// allows it; a claim without items, enrollee, provider or encounter date is `insufficient`.
public struct HealthClaim: Sendable, Codable, Equatable, Hashable {
    /// Provider identity for duplicate encounters: the id, else the code.
    public var providerId: Int?
    public var providerCode: String?
    /// The patient; duplicate encounters and the claimant key.
    public var enrolleeId: Int?
    /// Unix seconds (the API sends midnight UTC of the encounter day).
    public var encounterDate: Double?
    /// Compared with the sum of the items' billed sub totals; nil skips that check.
    public var billedAmount: Double?
    /// Each `icdCode` is checked for ICD-10 shape.
    public var diagnoses: [Diagnosis]
    /// Vetted one by one against the tariff.
    public var items: [HealthItem]

    public init(
        providerId: Int? = nil, providerCode: String? = nil, enrolleeId: Int? = nil,
        encounterDate: Double? = nil, billedAmount: Double? = nil, diagnoses: [Diagnosis] = [],
        items: [HealthItem] = []
    ) {
        self.providerId = providerId
        self.providerCode = providerCode
        self.enrolleeId = enrolleeId
        self.encounterDate = encounterDate
        self.billedAmount = billedAmount
        self.diagnoses = diagnoses
        self.items = items
    }

    enum CodingKeys: String, CodingKey {
        case diagnoses, items
        case providerId = "provider_id"
        case providerCode = "provider_code"
        case enrolleeId = "enrollee_id"
        case encounterDate = "encounter_date"
        case billedAmount = "billed_amount"
    }
}
