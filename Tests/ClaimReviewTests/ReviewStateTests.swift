import JSON
import Scoring
import Testing

@testable import Claims

/// The review rules without a database: ranges, recomputed sub totals and approved amount,
/// sign-offs, comments, and the history each change leaves.
struct ReviewStateTests {
    /// Item 0: 2 × 2500 billed, 2 × 2000 approved (approved). Item 1: 1 × 1500, pending.
    static func state(status: Int? = nil) -> ReviewState {
        let items = [
            VettedItem(
                ref: "it-1", description: "Drug", code: "DRG-0042", unitPriceBilled: 2500, unitPriceApproved: 2000,
                qtyBilled: 2, qtyApproved: 2, subTotalBilled: 5000, subTotalApproved: 4000,
                comments: ["unit price reduced to tariff 2000"], approvalStatus: 1),
            VettedItem(
                ref: "it-2", description: "Test", code: "LAB-0001", unitPriceBilled: 1500, unitPriceApproved: 1500,
                qtyBilled: 1, qtyApproved: 1, subTotalBilled: 1500, subTotalApproved: 1500, comments: [],
                approvalStatus: nil),
        ]
        return ReviewState(items: items, approvalStatus: status, approvedAmount: 5500)
    }

    @Test func aQuantityChangeRecomputesTheSubTotalAndTheApprovedAmount() throws {
        var state = Self.state()
        let change = try state.apply(.setQuantity(position: 0, quantity: 1))
        #expect(state.items[0].qtyApproved == 1 && state.items[0].subTotalApproved == 2000)
        #expect(state.items[0].subTotalBilled == 5000)
        #expect(state.approvedAmount == 3500)
        #expect(change.changedPositions == [0])
        #expect(
            change.entries == [
                ReviewHistoryEntry(action: "item.qty_approved", itemPosition: 0, before: "2", after: "1"),
                ReviewHistoryEntry(action: "claim.approved_amount", before: "5500.00", after: "3500.00"),
            ])
    }

    @Test(arguments: [-1, 3, Int.max])
    func quantitiesOutsideZeroToBilledAreRefusedAndChangeNothing(quantity: Int) {
        var state = Self.state()
        #expect(throws: ReviewError.quantityOutOfRange(position: 0, maximum: 2)) {
            try state.apply(.setQuantity(position: 0, quantity: quantity))
        }
        #expect(state == Self.state())
    }

    @Test func pricesAreCappedAtTheBilledUnitPriceAndZeroIsAllowed() throws {
        var state = Self.state()
        #expect(throws: ReviewError.priceOutOfRange(position: 0, maximum: 2500)) {
            try state.apply(.setUnitPrice(position: 0, price: 2501))
        }
        _ = try state.apply(.setUnitPrice(position: 0, price: 0))
        #expect(state.items[0].subTotalApproved == 0 && state.approvedAmount == 1500)
        #expect(throws: ReviewError.itemNotFound(position: 2)) { try state.apply(.approveItem(position: 2)) }
    }

    @Test func rejectingAnItemLeavesItOutOfTheApprovedAmount() throws {
        var state = Self.state()
        let change = try state.apply(.rejectItem(position: 1))
        #expect(state.items[1].approvalStatus == 0 && state.approvedAmount == 4000)
        #expect(
            change.entries.first
                == ReviewHistoryEntry(
                    action: "item.rejected", itemPosition: 1, before: "pending", after: "rejected"))
    }

    @Test func askingForWhatAlreadyIsChangesNothingAndRecordsNothing() throws {
        var state = Self.state()
        #expect(try state.apply(.approveItem(position: 0)).isEmpty)
        #expect(try state.apply(.setQuantity(position: 0, quantity: 2)).isEmpty)
        #expect(try state.apply(.setUnitPrice(position: 1, price: 1500)).isEmpty)
        #expect(state == Self.state())
    }

    @Test func approvingTheClaimApprovesPendingItemsAndRejectingZeroesTheAmount() throws {
        var state = Self.state()
        let approved = try state.apply(.signOff(approve: true))
        #expect(state.approvalStatus == 1 && state.items.map(\.approvalStatus) == [1, 1])
        #expect(approved.entries.map(\.action) == ["item.approved", "claim.approved"])
        #expect(state.approvedAmount == 5500)

        let rejected = try state.apply(.signOff(approve: false))
        #expect(state.approvalStatus == 0 && state.approvedAmount == 0)
        #expect(
            rejected.entries == [
                ReviewHistoryEntry(action: "claim.rejected", before: "approved", after: "rejected"),
                ReviewHistoryEntry(action: "claim.approved_amount", before: "5500.00", after: "0.00"),
            ])
        // While the claim stays rejected, item edits keep its approved amount at 0.
        _ = try state.apply(.setQuantity(position: 0, quantity: 1))
        #expect(state.approvedAmount == 0)
    }

    @Test func commentsAreTrimmedAppendedToTheItemAndChecked() throws {
        var state = Self.state()
        let change = try state.apply(.commentItem(position: 0, text: "  one dose only \n"))
        #expect(state.items[0].comments == ["unit price reduced to tariff 2000", "one dose only"])
        #expect(change.entries == [ReviewHistoryEntry(action: "item.comment", itemPosition: 0, after: "one dose only")])
        #expect(try state.apply(.commentClaim(text: "line one\nline two")).entries.first?.after == "line one\nline two")
        for bad in ["", "   ", String(repeating: "x", count: 501), "bell\u{07}"] {
            #expect(throws: ReviewError.self) { try state.apply(.commentItem(position: 1, text: bad)) }
        }
        #expect(state.items[1].comments.isEmpty)
    }

    @Test func storedItemsReadBackAsWritten() throws {
        let items = Self.state().items
        let values = items.map(ClaimDocument.item)
        #expect(values.compactMap(VettedItem.init(stored:)) == items)
        #expect(VettedItem(stored: .string("not an item")) == nil)
        #expect(VettedItem(stored: .object(JSONObject([("ref", .string("x"))]))) == nil)
    }

    @Test func errorsCarryTheirStatusAndTheFormTheyBelongTo() {
        #expect(ReviewError.quantityOutOfRange(position: 1, maximum: 2).status == 422)
        #expect(ReviewError.quantityOutOfRange(position: 1, maximum: 2).itemPosition == 1)
        #expect(ReviewError.alreadySignedOff(level: 1).status == 409)
        #expect(ReviewError.alreadySignedOff(level: 1).itemPosition == nil)
        #expect(ReviewError.stageChanged(current: nil).message.contains("passed every audit level"))
        #expect(ReviewError.claimNotFound.status == 404)
    }
}
