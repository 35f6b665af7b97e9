/// One billed line of a health claim, vetted against the case tariff by its `code`.
/// Amounts are integers in the currency's minor or major unit, as the payer's tariff uses them.
public struct HealthItem: Sendable, Codable, Equatable, Hashable {
    public var ref: String?
    public var description: String?
    /// The tariff code; trimmed before lookup. nil or unknown means not in tariff.
    public var code: String?
    public var unitPriceBilled: Int
    public var qtyBilled: Int

    public init(
        ref: String? = nil, description: String? = nil, code: String? = nil, unitPriceBilled: Int,
        qtyBilled: Int
    ) {
        self.ref = ref
        self.description = description
        self.code = code
        self.unitPriceBilled = unitPriceBilled
        self.qtyBilled = qtyBilled
    }

    enum CodingKeys: String, CodingKey {
        case ref, description, code
        case unitPriceBilled = "unit_price_billed"
        case qtyBilled = "qty_billed"
    }
}
