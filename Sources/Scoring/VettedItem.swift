/// One item after vetting, in the shape of the pile webhook payload (`items[n]`), so the API
/// layer can encode it as is.
public struct VettedItem: Sendable, Codable, Equatable, Hashable {
    public var ref: String?
    public var description: String?
    public var code: String?
    public var unitPriceBilled: Int
    public var unitPriceApproved: Int
    public var qtyBilled: Int
    public var qtyApproved: Int
    /// `unitPriceBilled * qtyBilled` (saturating).
    public var subTotalBilled: Int
    /// `unitPriceApproved * qtyApproved` (saturating).
    public var subTotalApproved: Int
    /// Why vetting changed the item, e.g. "unit price reduced to tariff 2000".
    public var comments: [String]
    /// nil pending (claim in review), 0 rejected, 1 approved.
    public var approvalStatus: Int?

    public init(
        ref: String?, description: String?, code: String?, unitPriceBilled: Int, unitPriceApproved: Int,
        qtyBilled: Int, qtyApproved: Int, subTotalBilled: Int, subTotalApproved: Int, comments: [String],
        approvalStatus: Int?
    ) {
        self.ref = ref
        self.description = description
        self.code = code
        self.unitPriceBilled = unitPriceBilled
        self.unitPriceApproved = unitPriceApproved
        self.qtyBilled = qtyBilled
        self.qtyApproved = qtyApproved
        self.subTotalBilled = subTotalBilled
        self.subTotalApproved = subTotalApproved
        self.comments = comments
        self.approvalStatus = approvalStatus
    }

    /// A claim's approved amount: the approved sub totals of the items not rejected. Auto-vetting
    /// and reviewers' edits both compute it here, so the two can never disagree.
    public static func approvedTotal(_ items: [VettedItem]) -> Int {
        items.reduce(0) { total, item in
            guard item.approvalStatus != 0 else { return total }
            return Scorer.adding(total, item.subTotalApproved)
        }
    }

    /// Recomputes both sub totals after a reviewer changed a price or a quantity.
    public mutating func recomputeSubTotals() {
        subTotalBilled = Scorer.multiplying(unitPriceBilled, qtyBilled)
        subTotalApproved = Scorer.multiplying(unitPriceApproved, qtyApproved)
    }

    enum CodingKeys: String, CodingKey {
        case ref, description, code, comments
        case unitPriceBilled = "unit_price_billed"
        case unitPriceApproved = "unit_price_approved"
        case qtyBilled = "qty_billed"
        case qtyApproved = "qty_approved"
        case subTotalBilled = "sub_total_billed"
        case subTotalApproved = "sub_total_approved"
        case approvalStatus = "approval_status"
    }

    /// Writes `approval_status` as an explicit `null` when pending, as the payload promises.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(ref, forKey: .ref)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(code, forKey: .code)
        try container.encode(unitPriceBilled, forKey: .unitPriceBilled)
        try container.encode(unitPriceApproved, forKey: .unitPriceApproved)
        try container.encode(qtyBilled, forKey: .qtyBilled)
        try container.encode(qtyApproved, forKey: .qtyApproved)
        try container.encode(subTotalBilled, forKey: .subTotalBilled)
        try container.encode(subTotalApproved, forKey: .subTotalApproved)
        try container.encode(comments, forKey: .comments)
        try container.encode(approvalStatus, forKey: .approvalStatus)
    }
}
