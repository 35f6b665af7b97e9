import Claims
import HTTP
import Testing

@testable import Portal

/// Parsing of the reviewer's forms: whole numbers, known actions, and where a message goes.
struct ReviewFormTests {
    @Test(arguments: [("2", 2), (" 7 ", 7), ("0", 0), ("-1", -1), ("000123", 123)])
    func wholeNumbersAreDigitsWithAnOptionalMinus(text: String, value: Int) {
        #expect(ReviewForm.wholeNumber(text) == value)
    }

    @Test(arguments: ["", " ", "-", "1.5", "1e3", "two", "+3", "١٢", "1 000", "9999999999999999", "--1", "0x10"])
    func anythingElseIsNotANumber(text: String) {
        #expect(ReviewForm.wholeNumber(text) == nil)
    }

    @Test func itemFormsBecomeActionsAndUnknownOnesAreNil() throws {
        let form = QueryItems([("qty_approved", "1"), ("unit_price_approved", "1800"), ("comment", "ok")])
        #expect(
            try ReviewForm.itemAction("quantity", position: 2, form: form) == .setQuantity(position: 2, quantity: 1))
        #expect(try ReviewForm.itemAction("price", position: 0, form: form) == .setUnitPrice(position: 0, price: 1800))
        #expect(try ReviewForm.itemAction("comment", position: 1, form: form) == .commentItem(position: 1, text: "ok"))
        #expect(try ReviewForm.itemAction("approve", position: 1, form: form) == .approveItem(position: 1))
        #expect(try ReviewForm.itemAction("delete", position: 1, form: form) == nil)
        #expect(ReviewForm.claimAction("approve", form: form) == .signOff(approve: true))
        #expect(ReviewForm.claimAction("reject", form: form) == .signOff(approve: false))
        #expect(ReviewForm.claimAction("comment", form: form) == .commentClaim(text: "ok"))
        #expect(ReviewForm.claimAction("items", form: form) == nil)
    }

    @Test func aNumberThatIsNotWholeIsAProblemOnItsOwnField() {
        let form = QueryItems([("unit_price_approved", "12.50")])
        #expect(
            throws: ReviewForm.Problem(
                position: 3, message: "The approved unit price must be a whole number, such as 2000.",
                field: "unit_price_approved", entered: "12.50")
        ) { try ReviewForm.itemAction("price", position: 3, form: form) }
    }

    @Test func refusedChangesKeepWhatWasTypedInTheirField() {
        let form = QueryItems([("qty_approved", "5")])
        let problem = ReviewForm.problem(.quantityOutOfRange(position: 0, maximum: 2), form: form)
        #expect(problem.field == "qty_approved" && problem.entered == "5" && problem.position == 0)
        #expect(problem.status == 422)
        let signed = ReviewForm.problem(.alreadySignedOff(level: 1), form: form)
        #expect(signed.position == nil && signed.status == 409 && signed.entered.isEmpty)
    }

    @Test func pathsCarryTheEnvironmentOnlyForSandbox() {
        #expect(ReviewPaths.claim("/b", 5, .production) == "/b/claims/5")
        #expect(ReviewPaths.claim("/b", 5, .sandbox) == "/b/claims/5?env=sandbox")
        #expect(ReviewPaths.review("/b", .sandbox, level: 2, after: 9) == "/b/review?env=sandbox&level=2&after=9")
        #expect(ReviewPaths.piles("/b", .production, before: 3) == "/b/piles?before=3")
        #expect(ReviewPaths.positiveID("0") == nil && ReviewPaths.positiveID("x") == nil)
    }

    @Test func amountsAndNumbersAreGroupedForPeople() {
        #expect(ReviewComponents.amount(12500) == "12,500.00")
        #expect(ReviewComponents.amount(0.5) == "0.50")
        #expect(ReviewComponents.amount(nil) == "—")
        #expect(ReviewComponents.number(1_234_567) == "1,234,567")
        #expect(ReviewComponents.number(-1500) == "-1,500")
    }
}
