/// What a payer pays for one tariff code: at most `unitPrice` per unit, at most `maxQty` units.
public struct TariffEntry: Sendable, Codable, Equatable, Hashable {
    /// Same unit as the items' `unit_price_billed`; never negative.
    public var unitPrice: Int
    /// At least 1.
    public var maxQty: Int

    public init(unitPrice: Int, maxQty: Int) {
        self.unitPrice = unitPrice
        self.maxQty = maxQty
    }

    enum CodingKeys: String, CodingKey {
        case unitPrice = "unit_price"
        case maxQty = "max_qty"
    }
}
