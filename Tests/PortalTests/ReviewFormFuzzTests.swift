import Claims
import HTTP
import TestSupport
import Testing

@testable import Portal

/// The reviewer's forms with random and adversarial input from a fixed seed: parsing returns an
/// action, nil or a `Problem`, and every message built from what came in (item numbers from
/// positions up to Int.max) is produced without a trap.
struct ReviewFormFuzzTests {
    static let texts = [
        "", " ", "0", "-0", "1", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "999999999999999", "1000000000000000", "1e18", "0x7fffffffffffffff", "١٢", "１２", "12\u{0}", "1\n2",
        String(repeating: "9", count: 10_000), String(repeating: "é", count: 600), "\u{202E}3", "+5", " 42 ",
    ]
    static let positions = [0, 1, 499, 500, 32_767, Int.max - 1, Int.max]

    @Test func randomFormsNeverTrap() {
        var random = SplitMix64(seed: 0x5EED_F0A5)
        let actions = ["approve", "reject", "quantity", "price", "comment", "delete", "", "APPROVE"]
        var parsed = 0
        for _ in 0..<20_000 {
            let action = actions.randomElement(using: &random) ?? ""
            let position =
                random.next() % 2 == 0
                ? (Self.positions.randomElement(using: &random) ?? 0) : Int(truncatingIfNeeded: random.next() >> 1)
            let value =
                random.next() % 2 == 0
                ? (Self.texts.randomElement(using: &random) ?? "")
                : String(
                    decoding: (0..<Int(random.next() % 24)).map { _ in UInt8(truncatingIfNeeded: random.next()) },
                    as: UTF8.self)
            let form = QueryItems([
                (ReviewForm.quantityField, value), (ReviewForm.priceField, value), (ReviewForm.commentField, value),
            ])
            do {
                if let action = try ReviewForm.itemAction(action, position: position, form: form) {
                    parsed += 1
                    _ = ReviewForm.problem(.itemNotFound(position: position), form: form).message
                    _ = action
                }
            } catch {
                #expect(error.position == position && error.status == 422)
            }
            _ = ReviewForm.claimAction(action, form: form)
        }
        #expect(parsed > 0)
    }

    @Test(arguments: positions)
    func messagesForExtremePositionsAreBuilt(position: Int) {
        let errors: [ReviewError] = [
            .itemNotFound(position: position), .quantityOutOfRange(position: position, maximum: Int.max),
            .priceOutOfRange(position: position, maximum: Int.min), .invalidComment(position: position, reason: "x"),
        ]
        for error in errors {
            let problem = ReviewForm.problem(error, form: QueryItems([]))
            #expect(!problem.message.isEmpty && problem.position == position)
        }
        #expect(ReviewError.itemNumber(position).hasPrefix("#"))
    }
}
