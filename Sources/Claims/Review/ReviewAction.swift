/// One change a reviewer makes to a claim waiting at their audit level. Item positions are
/// 0-based, as in `claim_items.position` and `result_json["items"]`.
public enum ReviewAction: Sendable, Equatable {
    case approveItem(position: Int)
    case rejectItem(position: Int)
    /// The approved quantity, 0 up to the billed quantity.
    case setQuantity(position: Int, quantity: Int)
    /// The approved unit price, 0 up to the billed unit price.
    case setUnitPrice(position: Int, price: Int)
    /// Appended to the item's `comments`, so it reaches the pile payload's `items[n].comments`.
    case commentItem(position: Int, text: String)
    /// Kept in the claim's history only: the pile payload has no claim-level comments.
    case commentClaim(text: String)
    /// Signs the claim off at the reviewer's level: approved (1) or rejected (0).
    case signOff(approve: Bool)

    /// Sign-offs move the claim to the next level and announce `claim.reviewed`.
    public var isSignOff: Bool {
        if case .signOff = self { return true }
        return false
    }

    /// The item the action is about, if any.
    public var itemPosition: Int? {
        switch self {
        case .approveItem(let position), .rejectItem(let position), .setQuantity(let position, _),
            .setUnitPrice(let position, _), .commentItem(let position, _):
            position
        case .commentClaim, .signOff: nil
        }
    }
}
