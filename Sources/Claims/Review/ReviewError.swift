/// Why a reviewer's change was refused; nothing was written in any of these cases. Each carries
/// the HTTP status the portal answers with and a sentence for the person who tried.
public enum ReviewError: Error, Sendable, Equatable {
    /// No such claim in this case and environment (or another tenant's): 404.
    case claimNotFound
    /// No item at that position: 404.
    case itemNotFound(position: Int)
    /// The claim no longer waits at the reviewer's level (someone signed it off meanwhile): 409.
    case stageChanged(current: Int?)
    /// This reviewer already signed the claim off at another level; two levels mean two people: 409.
    case alreadySignedOff(level: Int)
    case quantityOutOfRange(position: Int, maximum: Int)
    case priceOutOfRange(position: Int, maximum: Int)
    /// A comment that is empty, too long or holds control characters.
    case invalidComment(position: Int?, reason: String)

    /// The most Unicode scalars one comment may have (`claim_history.after_value` is VARCHAR(1000)).
    public static let commentLimit = 500
    /// The most comments one item may carry, vetting's and reviewers' together, and their total
    /// size in UTF-8 bytes: `claim_items.comments` is a TEXT column (65,535 bytes) holding them as
    /// a JSON array, so without a bound the 33rd long comment overflowed it.
    public static let commentsPerItem = 20
    public static let commentBytesPerItem = 16_384

    /// "#3" for position 2, computed without overflow: the position may come straight from a URL
    /// (Int.max + 1 fits in UInt; a negative position + 1 cannot overflow).
    public static func itemNumber(_ position: Int) -> String {
        position >= 0 ? "#\(UInt(position) + 1)" : "#\(position + 1)"
    }

    public var status: Int {
        switch self {
        case .claimNotFound, .itemNotFound: 404
        case .stageChanged, .alreadySignedOff: 409
        case .quantityOutOfRange, .priceOutOfRange, .invalidComment: 422
        }
    }

    /// The item whose form should show the message; nil for the claim's own forms.
    public var itemPosition: Int? {
        switch self {
        case .itemNotFound(let position), .quantityOutOfRange(let position, _), .priceOutOfRange(let position, _):
            position
        case .invalidComment(let position, _): position
        case .claimNotFound, .stageChanged, .alreadySignedOff: nil
        }
    }

    public var message: String {
        switch self {
        case .claimNotFound: "There is no such claim in this case."
        case .itemNotFound(let position): "The claim has no item \(Self.itemNumber(position))."
        case .stageChanged(let current):
            current.map { "This claim now waits at level \($0), so nothing was changed." }
                ?? "This claim has passed every audit level, so nothing was changed."
        case .alreadySignedOff(let level):
            "You signed this claim off at level \(level). Another reviewer must sign it off at this level; "
                + "nothing was changed."
        case .quantityOutOfRange(_, let maximum):
            "The approved quantity must be a whole number from 0 to \(maximum) (the billed quantity)."
        case .priceOutOfRange(_, let maximum):
            "The approved unit price must be a whole number from 0 to \(maximum) (the billed unit price)."
        case .invalidComment(_, let reason): reason
        }
    }
}
