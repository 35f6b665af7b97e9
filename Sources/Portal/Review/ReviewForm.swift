import Claims
import Foundation
import HTTP

/// Turns a review form post into a `ReviewAction`. Only the shape of the input is judged here
/// (a whole number, a known action); ranges against the billed values are the review rules' job
/// (`ReviewState.apply`), so both kinds of refusal reach the person as a message on the form.
enum ReviewForm {
    /// What was wrong with the input, for the form it came from.
    struct Problem: Error, Equatable {
        let position: Int?
        let message: String
        /// The field the message is about, and what the person typed in it (shown again).
        var field: String = ""
        var entered: String = ""
        var status: Int = 422
    }

    /// Field names of the forms.
    static let quantityField = "qty_approved"
    static let priceField = "unit_price_approved"
    static let commentField = "comment"
    /// The most digits a quantity or price may have: the column holds 64-bit values, and no
    /// billed value comes near this.
    static let maxDigits = 15

    /// `POST …/claims/{id}/{action}`; nil for an unknown action (404).
    static func claimAction(_ name: String, form: QueryItems) -> ReviewAction? {
        switch name {
        case "approve": .signOff(approve: true)
        case "reject": .signOff(approve: false)
        case "comment": .commentClaim(text: form[commentField] ?? "")
        default: nil
        }
    }

    /// `POST …/claims/{id}/items/{position}/{action}`; nil for an unknown action (404), a
    /// `Problem` for a value that is not a whole number.
    static func itemAction(_ name: String, position: Int, form: QueryItems) throws(Problem) -> ReviewAction? {
        switch name {
        case "approve": return .approveItem(position: position)
        case "reject": return .rejectItem(position: position)
        case "comment": return .commentItem(position: position, text: form[commentField] ?? "")
        case "quantity":
            let quantity = try number(
                form, quantityField, position, "The approved quantity must be a whole number, such as 2.")
            return .setQuantity(position: position, quantity: quantity)
        case "price":
            let price = try number(
                form, priceField, position, "The approved unit price must be a whole number, such as 2000.")
            return .setUnitPrice(position: position, price: price)
        default: return nil
        }
    }

    private static func number(_ form: QueryItems, _ field: String, _ position: Int, _ message: String)
        throws(Problem) -> Int
    {
        let text = form[field] ?? ""
        guard let value = wholeNumber(text) else {
            throw Problem(position: position, message: message, field: field, entered: text)
        }
        return value
    }

    /// Digits only, with an optional leading minus (so a negative number reaches the range rule
    /// and its message), surrounding spaces ignored.
    static func wholeNumber(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.hasPrefix("-") ? trimmed.dropFirst() : trimmed[...]
        guard !digits.isEmpty, digits.count <= maxDigits, digits.utf8.allSatisfy({ (48...57).contains($0) })
        else { return nil }
        return Int(trimmed)
    }

    /// A refused review as the form shows it.
    static func problem(_ error: ReviewError, form: QueryItems) -> Problem {
        let field: String =
            switch error {
            case .quantityOutOfRange: quantityField
            case .priceOutOfRange: priceField
            case .invalidComment: commentField
            default: ""
            }
        return Problem(
            position: error.itemPosition, message: error.message, field: field, entered: form[field] ?? "",
            status: error.status)
    }
}
