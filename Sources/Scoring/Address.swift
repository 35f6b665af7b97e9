/// A postal address as the claimant typed it; the engine normalises it for matching.
public struct Address: Sendable, Codable, Equatable, Hashable {
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var region: String?
    public var postalCode: String?
    /// Country, ideally ISO 3166-1 alpha-2 ("US"); a few common names are folded to codes.
    public var country: String?

    public init(
        line1: String? = nil, line2: String? = nil, city: String? = nil, region: String? = nil,
        postalCode: String? = nil, country: String? = nil
    ) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
    }

    enum CodingKeys: String, CodingKey {
        case line1, line2, city, region, country
        case postalCode = "postal_code"
    }
}
