/// One row of a claim's review history before it is stored: what changed, on which item, from
/// what to what. Who and when are added by `ClaimReviewer` when it writes the row.
public struct ReviewHistoryEntry: Sendable, Equatable {
    /// `claim.approved`, `claim.rejected`, `claim.comment`, `claim.approved_amount`, `item.approved`,
    /// `item.rejected`, `item.qty_approved`, `item.unit_price_approved` or `item.comment`.
    public var action: String
    public var itemPosition: Int?
    public var before: String?
    public var after: String?

    public init(action: String, itemPosition: Int? = nil, before: String? = nil, after: String? = nil) {
        self.action = action
        self.itemPosition = itemPosition
        self.before = before
        self.after = after
    }

    /// How an approval status reads in the history: `approved`, `rejected` or `pending`.
    public static func label(_ status: Int?) -> String {
        switch status {
        case 1: "approved"
        case 0: "rejected"
        default: "pending"
        }
    }
}
