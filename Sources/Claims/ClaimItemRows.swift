import Database
import JSON
import Scoring

/// The `claim_items` row of a vetted item, declared once for the two statements that write it:
/// the vetting insert (`ClaimStore.insertItems`) and a reviewer's upsert (`ClaimOutcomeWriter`).
enum ClaimItemRows {
    static let columns: SQLColumns = [
        "claim_id", "position", "ref", "description", "code", "unit_price_billed", "unit_price_approved",
        "qty_billed", "qty_approved", "approval_status", "comments",
    ]

    /// The values for `columns`, in their order.
    static func values(claimID: Int, position: Int, _ item: VettedItem) -> [any Bindable] {
        [
            claimID, position, item.ref, item.description, item.code, item.unitPriceBilled, item.unitPriceApproved,
            item.qtyBilled, item.qtyApproved, item.approvalStatus,
            JSONWriter.string(.array(item.comments.map(JSONValue.string))),
        ]
    }

    /// `(?, ?, …)` binding one row's values, for a single-row statement such as an upsert.
    static func tuple(_ values: [any Bindable]) -> SQL {
        "(" + SQL.joined(values.map { value in "\(value)" }, separator: ", ") + ")"
    }
}
