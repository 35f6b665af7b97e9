import Foundation
import Scoring

/// The part of a claim a reviewer can change, and the one rule for changing it: `apply` checks
/// the action against the items, makes the change, recomputes the sub totals and the approved
/// amount (with `VettedItem.approvedTotal`, as auto-vetting does), and says what changed.
///
/// Pure, so the rules are tested without a database; `ClaimReviewer` stores the result.
public struct ReviewState: Sendable, Equatable {
    public var items: [VettedItem]
    /// nil pending, 0 rejected, 1 approved.
    public var approvalStatus: Int?
    public var approvedAmount: Double?

    public init(items: [VettedItem], approvalStatus: Int?, approvedAmount: Double?) {
        self.items = items
        self.approvalStatus = approvalStatus
        self.approvedAmount = approvedAmount
    }

    /// What `apply` did: the history rows to write and the items whose rows must be rewritten.
    public struct Change: Sendable, Equatable {
        public var entries: [ReviewHistoryEntry] = []
        public var changedPositions: [Int] = []
        /// False when the action asked for what already was (same quantity, approving an approved item).
        public var isEmpty: Bool { entries.isEmpty }
    }

    /// Applies `action`; throws (changing nothing) when it is out of range or malformed.
    public mutating func apply(_ action: ReviewAction) throws(ReviewError) -> Change {
        var change = Change()
        switch action {
        case .approveItem(let position):
            try setItemStatus(1, at: position, into: &change)
        case .rejectItem(let position):
            try setItemStatus(0, at: position, into: &change)
        case .setQuantity(let position, let quantity):
            try setApproved(\.qtyApproved, billed: \.qtyBilled, to: quantity, at: position, into: &change)
        case .setUnitPrice(let position, let price):
            try setApproved(\.unitPriceApproved, billed: \.unitPriceBilled, to: price, at: position, into: &change)
        case .commentItem(let position, let text):
            _ = try item(at: position)
            let comment = try Self.validComment(text, position: position)
            try Self.checkRoom(for: comment, in: items[position].comments, position: position)
            items[position].comments.append(comment)
            record("item.comment", position, nil, comment, into: &change)
        case .commentClaim(let text):
            change.entries.append(
                ReviewHistoryEntry(action: "claim.comment", after: try Self.validComment(text, position: nil)))
        case .signOff(let approve):
            if approve {
                for position in items.indices where items[position].approvalStatus == nil {
                    try setItemStatus(1, at: position, into: &change)
                }
            }
            change.entries.append(
                ReviewHistoryEntry(
                    action: approve ? "claim.approved" : "claim.rejected",
                    before: ReviewHistoryEntry.label(approvalStatus),
                    after: ReviewHistoryEntry.label(approve ? 1 : 0)))
            approvalStatus = approve ? 1 : 0
        }
        for position in change.changedPositions { items[position].recomputeSubTotals() }
        let amount = approvalStatus == 0 ? 0 : Double(VettedItem.approvedTotal(items))
        if amount != approvedAmount, !change.isEmpty {
            change.entries.append(
                ReviewHistoryEntry(
                    action: "claim.approved_amount", before: approvedAmount.map(Self.amountText),
                    after: Self.amountText(amount)))
            approvedAmount = amount
        }
        return change
    }

    private func item(at position: Int) throws(ReviewError) -> VettedItem {
        guard items.indices.contains(position) else { throw .itemNotFound(position: position) }
        return items[position]
    }

    /// An approved quantity or unit price: 0 up to the billed value.
    private mutating func setApproved(
        _ approved: WritableKeyPath<VettedItem, Int>, billed: KeyPath<VettedItem, Int>, to value: Int, at position: Int,
        into change: inout Change
    ) throws(ReviewError) {
        let item = try item(at: position)
        let isQuantity = approved == \VettedItem.qtyApproved
        guard (0...item[keyPath: billed]).contains(value) else {
            throw isQuantity
                ? .quantityOutOfRange(position: position, maximum: item[keyPath: billed])
                : .priceOutOfRange(position: position, maximum: item[keyPath: billed])
        }
        guard value != item[keyPath: approved] else { return }
        items[position][keyPath: approved] = value
        record(
            isQuantity ? "item.qty_approved" : "item.unit_price_approved", position, String(item[keyPath: approved]),
            String(value), into: &change)
    }

    private mutating func setItemStatus(_ status: Int, at position: Int, into change: inout Change)
        throws(ReviewError)
    {
        let item = try item(at: position)
        guard item.approvalStatus != status else { return }
        items[position].approvalStatus = status
        record(
            status == 1 ? "item.approved" : "item.rejected", position, ReviewHistoryEntry.label(item.approvalStatus),
            ReviewHistoryEntry.label(status), into: &change)
    }

    private func record(
        _ action: String, _ position: Int, _ before: String?, _ after: String?, into change: inout Change
    ) {
        change.entries.append(ReviewHistoryEntry(action: action, itemPosition: position, before: before, after: after))
        if !change.changedPositions.contains(position) { change.changedPositions.append(position) }
    }

    /// Trimmed, 1 to 500 characters, newlines allowed but no other control characters.
    static func validComment(_ text: String, position: Int?) throws(ReviewError) -> String {
        let comment = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty else { throw .invalidComment(position: position, reason: "Write a comment first.") }
        guard comment.unicodeScalars.count <= ReviewError.commentLimit else {
            throw .invalidComment(
                position: position, reason: "A comment must be at most \(ReviewError.commentLimit) characters.")
        }
        let control = comment.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\r" && $0 != "\t") || $0.value == 0x7F
        }
        guard !control else {
            throw .invalidComment(position: position, reason: "The comment contains characters that are not allowed.")
        }
        return comment
    }

    /// Refuses a comment the item has no room for: at most `ReviewError.commentsPerItem`
    /// comments and `ReviewError.commentBytesPerItem` bytes of them, so the item's TEXT column
    /// cannot overflow however many reviewers comment.
    static func checkRoom(for comment: String, in comments: [String], position: Int) throws(ReviewError) {
        guard comments.count < ReviewError.commentsPerItem else {
            throw .invalidComment(
                position: position,
                reason: "This item already has \(ReviewError.commentsPerItem) comments, the most an item may have.")
        }
        let bytes = comments.reduce(comment.utf8.count) { $0 + $1.utf8.count }
        guard bytes <= ReviewError.commentBytesPerItem else {
            throw .invalidComment(
                position: position,
                reason: "This item's comments would exceed \(ReviewError.commentBytesPerItem) bytes in total; "
                    + "write a shorter comment.")
        }
    }

    /// `4000.00`: amounts as the history shows them.
    public static func amountText(_ amount: Double) -> String { String(format: "%.2f", amount) }
}
