import Testing

@testable import Scoring

/// Item vetting against the tariff and the arithmetic of the pile webhook payload.
struct HealthVettingTests {
    @Test("Items within the tariff are approved as billed and the claim is approved")
    func cleanHealthClaimIsApproved() throws {
        let result = Fixture.vet(Fixture.health())
        #expect(result.score == 1000)
        #expect(result.determination == .pass)
        #expect(result.approvalStatus == 1)
        #expect(result.approvedAmount == 5500)
        let first = try #require(result.items.first)
        #expect(
            first
                == VettedItem(
                    ref: "it-1", description: "Artemether/Lumefantrine", code: "DRG-0042", unitPriceBilled: 2000,
                    unitPriceApproved: 2000, qtyBilled: 2, qtyApproved: 2, subTotalBilled: 4000, subTotalApproved: 4000,
                    comments: [], approvalStatus: 1))
    }

    @Test("A unit price above the tariff is reduced to it, with a comment, and sub totals follow")
    func priceAboveTariffIsReduced() throws {
        var claim = Fixture.health()
        claim.items[0].unitPriceBilled = 2500
        claim.billedAmount = 6500
        let result = Fixture.vet(claim)
        let item = try #require(result.items.first)
        #expect(item.unitPriceApproved == 2000)
        #expect(item.subTotalBilled == 5000)
        #expect(item.subTotalApproved == 4000)
        #expect(item.comments == ["unit price reduced to tariff 2000"])
        #expect(item.approvalStatus == 1)
        #expect(result.approvedAmount == 5500)
        #expect(result.codes == [.itemPriceAboveTariff])
        #expect(result.deduction(.itemPriceAboveTariff)?.detail == "1 item priced above tariff: it-1")
    }

    @Test("A unit price at or below the tariff is left alone")
    func priceAtTariffIsKept() {
        var claim = Fixture.health()
        claim.items[0].unitPriceBilled = 1999
        claim.billedAmount = 5498
        let result = Fixture.vet(claim)
        #expect(result.items[0].unitPriceApproved == 1999)
        #expect(result.codes.isEmpty)
    }

    @Test("A quantity above the tariff maximum is reduced to it, with a comment")
    func quantityAboveLimitIsReduced() {
        var claim = Fixture.health()
        claim.items[1].qtyBilled = 3
        claim.billedAmount = 8500
        let result = Fixture.vet(claim)
        #expect(result.items[1].qtyApproved == 1)
        #expect(result.items[1].subTotalApproved == 1500)
        #expect(result.items[1].comments == ["quantity reduced to tariff limit 1"])
        #expect(result.codes == [.itemQtyAboveLimit])
        #expect(result.approvedAmount == 5500)
    }

    @Test("A quantity exactly at the tariff maximum is approved in full")
    func quantityAtLimitIsKept() {
        var claim = Fixture.health()
        claim.items[0].qtyBilled = 3
        claim.billedAmount = 7500
        let result = Fixture.vet(claim)
        #expect(result.items[0].qtyApproved == 3)
        #expect(result.codes.isEmpty)
    }

    @Test("Price and quantity both above the tariff are both reduced, with both comments")
    func priceAndQuantityBothReduced() {
        var claim = Fixture.health()
        claim.items[0] = HealthItem(ref: "it-1", code: "DRG-0042", unitPriceBilled: 3000, qtyBilled: 5)
        claim.billedAmount = 16500
        let item = Fixture.vet(claim).items[0]
        #expect(item.subTotalBilled == 15000)
        #expect(item.subTotalApproved == 6000)
        #expect(item.comments == ["unit price reduced to tariff 2000", "quantity reduced to tariff limit 3"])
    }

    @Test("An item whose code is not in the tariff is rejected; the others are still approved")
    func itemNotInTariffIsRejected() {
        var claim = Fixture.health()
        claim.items.append(HealthItem(ref: "it-3", code: "XRAY-9", unitPriceBilled: 700, qtyBilled: 2))
        claim.billedAmount = 6900
        let result = Fixture.vet(claim)
        let rejected = result.items[2]
        #expect(rejected.qtyApproved == 0)
        #expect(rejected.subTotalApproved == 0)
        #expect(rejected.approvalStatus == 0)
        #expect(rejected.comments == ["code XRAY-9 is not in the tariff"])
        #expect(result.codes == [.itemNotInTariff])
        #expect(result.approvedAmount == 5500)
        #expect(result.approvalStatus == 1)
    }

    @Test("A tariff code matches despite surrounding spaces")
    func tariffCodeIsTrimmed() {
        var claim = Fixture.health()
        claim.items[0].code = " DRG-0042 "
        #expect(Fixture.vet(claim).codes.isEmpty)
    }

    @Test("When every item is rejected the claim is rejected with approved amount 0")
    func allItemsRejectedRejectsClaim() {
        var claim = Fixture.health()
        claim.items = [HealthItem(ref: "x", code: "NOPE", unitPriceBilled: 100, qtyBilled: 1)]
        claim.billedAmount = 100
        let result = Fixture.vet(claim)
        #expect(result.approvalStatus == 0)
        #expect(result.approvedAmount == 0)
        #expect(result.determination == .pass)
    }

    @Test("A claim in review is pending: claim and accepted items have approval status nil")
    func reviewLeavesApprovalPending() {
        var claim = Fixture.health()
        claim.items.append(HealthItem(ref: "it-3", code: "XRAY-9", unitPriceBilled: 700, qtyBilled: 1))
        claim.billedAmount = 6200
        let settings = Fixture.settings(.itemNotInTariff, points: 250)
        let result = Fixture.vet(claim, settings: settings)
        #expect(result.determination == .review)
        #expect(result.approvalStatus == nil)
        #expect(result.items.map(\.approvalStatus) == [nil, nil, 0])
        #expect(result.approvedAmount == 5500)
    }

    @Test("A failed claim is rejected: claim and items have approval status 0 and nothing is approved")
    func failRejectsClaimAndItems() {
        var claim = Fixture.health()
        claim.encounterDate = Fixture.now + 30 * Fixture.day
        let settings = Fixture.settings(.futureEncounter, points: 500)
        let result = Fixture.vet(claim, settings: settings)
        #expect(result.determination == .fail)
        #expect(result.approvalStatus == 0)
        #expect(result.items.map(\.approvalStatus) == [0, 0])
        #expect(result.approvedAmount == 0)
    }

    @Test("The approved total counts approved and pending items, never rejected ones")
    func approvedTotalSkipsRejectedItems() {
        var items = Fixture.vet(Fixture.health(), settings: CaseSettings()).items
        let full = VettedItem.approvedTotal(items)
        #expect(full == items.reduce(0) { $0 + $1.subTotalApproved })
        items[0].approvalStatus = nil
        #expect(VettedItem.approvedTotal(items) == full)
        items[0].approvalStatus = 0
        #expect(VettedItem.approvedTotal(items) == full - items[0].subTotalApproved)
        items[1].qtyApproved = 0
        items[1].recomputeSubTotals()
        #expect(items[1].subTotalApproved == 0)
        #expect(items[1].subTotalBilled == items[1].unitPriceBilled * items[1].qtyBilled)
    }

    @Test("With no tariff configured, items are approved as billed and no item check fires")
    func emptyTariffSkipsItemChecks() {
        let result = Fixture.vet(Fixture.health(), settings: CaseSettings())
        #expect(result.codes.isEmpty)
        #expect(result.items.map(\.qtyApproved) == [2, 1])
    }

    @Test("A disabled tariff check neither deducts nor changes the item")
    func disabledTariffCheckLeavesItem() {
        var claim = Fixture.health()
        claim.items[0].unitPriceBilled = 2500
        claim.billedAmount = 6500
        var settings = CaseSettings(tariff: Fixture.tariff)
        settings.checks[.itemPriceAboveTariff] = CheckSetting(enabled: false, points: 25)
        let result = Fixture.vet(claim, settings: settings)
        #expect(result.items[0].unitPriceApproved == 2500)
        #expect(result.codes.isEmpty)
    }

    @Test("Sub totals saturate instead of trapping on absurd billed values")
    func subTotalsSaturate() {
        var claim = Fixture.health()
        claim.items = [HealthItem(ref: "big", code: "DRG-0042", unitPriceBilled: Int.max / 2, qtyBilled: 3)]
        let result = Fixture.vet(claim)
        #expect(result.items[0].subTotalBilled == Int.max)
        #expect(result.items[0].subTotalApproved == 6000)
    }

    @Test("A vetted item encodes every payload field, with approval_status null when pending")
    func vettedItemEncodesPayloadShape() throws {
        let item = VettedItem(
            ref: "it-1", description: "d", code: "c", unitPriceBilled: 1, unitPriceApproved: 1, qtyBilled: 1,
            qtyApproved: 1, subTotalBilled: 1, subTotalApproved: 1, comments: [], approvalStatus: nil)
        let json = try JSONTestCoder.encode(item)
        for key in [
            "\"unit_price_billed\"", "\"unit_price_approved\"", "\"qty_billed\"", "\"qty_approved\"",
            "\"sub_total_billed\"", "\"sub_total_approved\"", "\"comments\"", "\"approval_status\":null",
        ] {
            #expect(json.contains(key), "missing \(key) in \(json)")
        }
    }
}
