import Scoring
import TestSupport
import Testing

@testable import Claims

/// Review actions with random and extreme numbers and texts, from a fixed seed: `apply` changes
/// the state or throws a `ReviewError` with a message, never traps, and every approved amount
/// stays within the billed one.
struct ReviewStateFuzzTests {
    static let numbers = [0, 1, -1, 2, 1_500, 2_500, Int.max, Int.min, Int.max - 1, 1 << 62]
    static let texts = [
        "", " ", "ok", "\u{0}", "a\nb", String(repeating: "😀", count: 501), String(repeating: "x", count: 500),
    ]

    @Test func randomActionsNeverTrapAndKeepAmountsBounded() {
        var random = SplitMix64(seed: 0xA11_0CA7E)
        var refusals = 0
        for _ in 0..<200 {
            var state = ReviewStateTests.state()
            let billed = VettedItem.approvedTotal(
                state.items.map { item in
                    var copy = item
                    copy.unitPriceApproved = item.unitPriceBilled
                    copy.qtyApproved = item.qtyBilled
                    copy.approvalStatus = 1
                    copy.recomputeSubTotals()
                    return copy
                })
            for _ in 0..<50 {
                let position =
                    random.next() % 4 == 0
                    ? (Self.numbers.randomElement(using: &random) ?? 0) : Int(random.next() % 3)
                let number = Self.numbers.randomElement(using: &random) ?? 0
                let text = Self.texts.randomElement(using: &random) ?? ""
                let action: ReviewAction =
                    switch random.next() % 7 {
                    case 0: .approveItem(position: position)
                    case 1: .rejectItem(position: position)
                    case 2: .setQuantity(position: position, quantity: number)
                    case 3: .setUnitPrice(position: position, price: number)
                    case 4: .commentItem(position: position, text: text)
                    case 5: .commentClaim(text: text)
                    default: .signOff(approve: random.next() % 2 == 0)
                    }
                do {
                    _ = try state.apply(action)
                } catch {
                    refusals += 1
                    #expect(!error.message.isEmpty)
                }
                #expect((state.approvedAmount ?? 0) >= 0 && (state.approvedAmount ?? 0) <= Double(billed))
                #expect(state.items.allSatisfy { $0.comments.count <= ReviewError.commentsPerItem })
            }
        }
        #expect(refusals > 0)
    }
}
