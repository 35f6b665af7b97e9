import JSON
import Scoring

extension VettedItem {
    /// An item of a stored result (`result_json["items"][n]`, as `ClaimDocument.item` wrote it);
    /// nil when the entry is not an item object.
    public init?(stored value: JSONValue) {
        guard case .object(let object) = value else { return nil }
        func int(_ key: String) -> Int? {
            if case .int(let number)? = object[key] { return Int(exactly: number) }
            return object[key]?.number.flatMap { Int(exactly: $0) }
        }
        guard let unitPriceBilled = int("unit_price_billed"), let qtyBilled = int("qty_billed") else { return nil }
        var comments: [String] = []
        if case .array(let values)? = object["comments"] { comments = values.compactMap(\.string) }
        self.init(
            ref: object["ref"]?.string, description: object["description"]?.string, code: object["code"]?.string,
            unitPriceBilled: unitPriceBilled, unitPriceApproved: int("unit_price_approved") ?? unitPriceBilled,
            qtyBilled: qtyBilled, qtyApproved: int("qty_approved") ?? qtyBilled,
            subTotalBilled: int("sub_total_billed") ?? 0, subTotalApproved: int("sub_total_approved") ?? 0,
            comments: comments, approvalStatus: int("approval_status"))
    }

    /// The vetted items of a stored claim, in claim order (empty before vetting).
    public static func stored(in claim: StoredClaim) -> [VettedItem] {
        guard case .array(let values)? = claim.result?["items"] else { return [] }
        return values.compactMap(VettedItem.init(stored:))
    }
}
