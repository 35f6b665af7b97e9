import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// What reviewers' changes do, through nginx: items rewritten in both places with sub totals and
/// the approved amount recomputed, history rows, sign-offs moving the claim level by level, the
/// pile's counters and status, and one `claim.reviewed` outbox event per sign-off.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct ReviewBehaviourTests {
    func history(_ claimID: Int) throws -> [String] {
        try TestDatabase.connect().fixtureQuery(
            """
            SELECT CONCAT_WS('|', level, action, IFNULL(item_position, '-'), IFNULL(before_value, '-'),
              IFNULL(after_value, '-')) AS line FROM claim_history WHERE claim_id = ? ORDER BY id
            """, claimID
        ).map { try $0.string("line") }
    }

    @Test func quantityPriceAndStatusChangesRecomputeSubTotalsAndTheApprovedAmountWithHistory() throws {
        let audit = try ReviewFixture.audit(claims: 1)
        let claimID = audit.claimIDs[0]
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        #expect(try reviewer.post(audit.itemAction(0, item: 0, "quantity"), [("qty_approved", " 1 ")]).status == 303)
        var snapshot = try ReviewFixture.snapshot(claimID)
        #expect(snapshot.approvedAmount == 3500)
        #expect(snapshot.itemRows[0] == "0|2000|1|1|[\"unit price reduced to tariff 2000\"]")
        var items = try ReviewFixture.resultItems(claimID)
        #expect(items[0]["qty_approved"] as? Int == 1 && items[0]["sub_total_approved"] as? Int == 2000)
        #expect(items[0]["sub_total_billed"] as? Int == 5000)

        #expect(
            try reviewer.post(audit.itemAction(0, item: 0, "price"), [("unit_price_approved", "1800")]).status == 303)
        #expect(try reviewer.post(audit.itemAction(0, item: 1, "reject")).status == 303)
        #expect(
            try reviewer.post(audit.itemAction(0, item: 0, "comment"), [("comment", "one dose only")]).status == 303)
        snapshot = try ReviewFixture.snapshot(claimID)
        #expect(snapshot.approvedAmount == 1800)
        #expect(
            snapshot.itemRows == [
                "0|1800|1|1|[\"unit price reduced to tariff 2000\",\"one dose only\"]", "1|1500|1|0|[]",
            ])
        items = try ReviewFixture.resultItems(claimID)
        #expect(items[0]["unit_price_approved"] as? Int == 1800 && items[0]["sub_total_approved"] as? Int == 1800)
        #expect(items[0]["comments"] as? [String] == ["unit price reduced to tariff 2000", "one dose only"])
        #expect(items[1]["approval_status"] as? Int == 0)
        #expect(snapshot.stage == 1 && snapshot.approvalStatus == nil && snapshot.events == 0)
        #expect(
            try history(claimID) == [
                "1|item.qty_approved|0|2|1", "1|claim.approved_amount|-|5500.00|3500.00",
                "1|item.unit_price_approved|0|2000|1800", "1|claim.approved_amount|-|3500.00|3300.00",
                "1|item.rejected|1|pending|rejected", "1|claim.approved_amount|-|3300.00|1800.00",
                "1|item.comment|0|-|one dose only",
            ])
        let rows = try TestDatabase.connect().fixtureQuery(
            "SELECT DISTINCT user_id, user_email FROM claim_history WHERE claim_id = ?", claimID)
        #expect(rows.count == 1)
        #expect(try rows.first?.string("user_email") == reviewer.user.email)

        let page = try reviewer.get(audit.claim(0))
        #expect(page.text.contains("Comment added to item #1."))
        #expect(page.text.contains("Approved quantity changed") && page.text.contains("2 → <strong>1</strong>"))
        #expect(page.text.contains("one dose only") && page.text.contains("1,800.00"))
    }

    @Test func signOffAtBothLevelsMovesTheClaimAndThePileCounters() throws {
        let audit = try ReviewFixture.audit(claims: 2)
        let claimID = audit.claimIDs[0]
        let first = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let second = try ReviewFixture.client(.reviewer, level: 2, in: audit.tenant)
        // A level-2 reviewer cannot act before level 1 signed off.
        #expect(try second.post(audit.claimAction(0, "approve")).status == 403)

        let approved = try first.post(audit.claimAction(0, "approve"))
        #expect(approved.status == 303)
        var snapshot = try ReviewFixture.snapshot(claimID)
        #expect(snapshot.stage == 2 && snapshot.approvalStatus == 1 && snapshot.approvedAmount == 5500)
        #expect(snapshot.itemRows.map { $0.split(separator: "|")[3] } == ["1", "1"])  // the pending item too
        #expect(try ReviewFixture.pileCounts(audit.pileID) == ("in_audit", 2, 0, 0))
        #expect(
            try first.get(audit.claim(0)).text.contains(
                "Claim approved at level 1. It now waits for a level 2 reviewer."))

        #expect(try second.post(audit.claimAction(0, "reject")).status == 303)
        snapshot = try ReviewFixture.snapshot(claimID)
        #expect(snapshot.stage == nil && snapshot.approvalStatus == 0 && snapshot.approvedAmount == 0)
        #expect(snapshot.audits == 2)
        #expect(try ReviewFixture.pileCounts(audit.pileID) == ("in_audit", 1, 0, 1))
        let audits = try TestDatabase.connect().fixtureQuery(
            "SELECT level, reviewer_id, decision FROM claim_audits WHERE claim_id = ? ORDER BY level", claimID)
        #expect(
            try audits.map { [try $0.int("level"), try $0.int("reviewer_id"), try $0.int("decision")] } == [
                [1, first.user.id, 1], [2, second.user.id, 0],
            ])
        let lines = try history(claimID)
        #expect(
            lines.contains("1|item.approved|1|pending|approved")
                && lines.contains("1|claim.approved|-|pending|approved"))
        #expect(lines.contains("2|claim.rejected|-|approved|rejected"))
        #expect(lines.contains("2|claim.approved_amount|-|5500.00|0.00"))
        // Past every level, nobody changes it any more.
        #expect(try second.post(audit.itemAction(0, item: 0, "approve")).status == 403)
        let page = try second.get(audit.claim(0)).text
        #expect(page.contains("Passed every level (2)"))
    }

    @Test func theLastClaimPassingItsLastLevelHandsThePileToTheWorker() throws {
        let audit = try ReviewFixture.audit(claims: 2)
        let first = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let second = try ReviewFixture.client(.admin, level: 2, in: audit.tenant)
        for index in 0..<2 { #expect(try first.post(audit.claimAction(index, "approve")).status == 303) }
        #expect(try second.post(audit.claimAction(0, "approve")).status == 303)
        #expect(try ReviewFixture.pileCounts(audit.pileID) == ("in_audit", 1, 1, 0))
        // Hold the pile worker's own lock on the pile, so the background worker cannot finish the
        // pile between the sign-off and the reads below (it skips a pile another connection holds).
        let holder = TestDatabase.connect()
        defer { holder.close() }
        let lock = "claimscore.pile.\(audit.pileID)"
        #expect(try holder.fixtureFirst("SELECT GET_LOCK(?, 5) AS got", lock)?.optionalInt("got") == 1)
        #expect(try second.post(audit.claimAction(1, "reject")).status == 303)
        #expect(try ReviewFixture.pileCounts(audit.pileID) == ("finishing", 0, 1, 1))
        // The worker writes claim.pile_vetting_done, not the portal.
        let events = "SELECT COUNT(*) AS n FROM webhook_events WHERE type = 'claim.pile_vetting_done' AND pile_id = ?"
        #expect(try PortalFixture.count(events, audit.pileID) == 0)
        let pile = try first.get("\(audit.base)/piles/\(audit.pileID)").text
        #expect(pile.contains(">Finishing<"))
        // Released, the worker finishes it: one event per claim (bounded wait, 20 s).
        _ = try holder.fixtureFirst("SELECT RELEASE_LOCK(?) AS released", lock)
        for _ in 0..<200 where try ReviewFixture.pileCounts(audit.pileID).status != "vetting_done" {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(try ReviewFixture.pileCounts(audit.pileID).status == "vetting_done")
        #expect(try PortalFixture.count(events, audit.pileID) == 2)
    }

    @Test func everySignOffEnqueuesOneClaimReviewedEventWithTheClaimDocument() throws {
        let audit = try ReviewFixture.audit(claims: 1)
        let claimID = audit.claimIDs[0]
        let first = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let second = try ReviewFixture.client(.reviewer, level: 2, in: audit.tenant)
        #expect(try first.post(audit.itemAction(0, item: 0, "quantity"), [("qty_approved", "1")]).status == 303)
        #expect(try first.post(audit.claimAction(0, "comment"), [("comment", "ok at level 1")]).status == 303)
        #expect(try ReviewFixture.snapshot(claimID).events == 0)  // only sign-offs announce
        #expect(try first.post(audit.claimAction(0, "approve")).status == 303)
        #expect(try second.post(audit.claimAction(0, "approve")).status == 303)

        let rows = try TestDatabase.connect().fixtureQuery(
            """
            SELECT org_id, case_id, environment, pile_id, payload FROM webhook_events
            WHERE claim_id = ? AND type = 'claim.reviewed' ORDER BY id
            """, claimID)
        #expect(rows.count == 2)
        let documents = try rows.map { row -> [String: Any] in
            #expect(row.isNull("pile_id"))
            #expect(try row.string("org_id") == audit.tenant.org.id && row.string("environment") == "production")
            return try JSONSerialization.jsonObject(with: Data(try row.string("payload").utf8)) as? [String: Any] ?? [:]
        }
        #expect(documents.map { $0["id"] as? Int } == [claimID, claimID])
        #expect(documents.map { $0["pile_id"] as? Int } == [audit.pileID, audit.pileID])
        #expect(documents[0]["audit_stage"] as? Int == 2 && documents[1]["audit_stage"] is NSNull)
        #expect(documents.map { $0["approval_status"] as? Int } == [1, 1])
        #expect(documents.map { $0["approved_amount"] as? Double } == [3500, 3500])
        let items = documents[1]["items"] as? [[String: Any]] ?? []
        #expect(items.map { $0["qty_approved"] as? Int } == [1, 1])
        #expect(items.map { $0["approval_status"] as? Int } == [1, 1])
        for key in ["ref", "provider", "enrollee_id", "billed_amount", "vetted_at", "diagnoses", "encounter_date"] {
            #expect(documents[1][key] != nil, "\(key)")
        }
    }

    @Test func queuesPilesAndPagesFollowTheClaimsAndStayInTheirEnvironment() throws {
        let audit = try ReviewFixture.audit(claims: 2, ref: "PILE-<b>\"x\"")
        let sandbox = try ReviewFixture.audit(claims: 1, environment: "sandbox")
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        var queue = try reviewer.get(audit.base + "/review").text
        #expect(queue.contains("Level 1 (yours)"))
        #expect(audit.claimIDs.allSatisfy { queue.contains("data-claim-id=\"\($0)\"") })
        #expect(try reviewer.post(audit.claimAction(0, "approve")).status == 303)
        queue = try reviewer.get(audit.base + "/review").text
        #expect(
            !queue.contains("data-claim-id=\"\(audit.claimIDs[0])\"")
                && queue.contains("data-claim-id=\"\(audit.claimIDs[1])\""))
        let levelTwo = try reviewer.get(audit.base + "/review?level=2").text
        #expect(levelTwo.contains("data-claim-id=\"\(audit.claimIDs[0])\"") && levelTwo.contains("shown read-only"))
        #expect(try reviewer.get(audit.base + "/review?level=9").status == 404)

        let piles = try reviewer.get(audit.base + "/piles").text
        #expect(piles.contains("#\(audit.pileID)") && piles.contains("In audit"))
        #expect(piles.contains("PILE-&lt;b&gt;&quot;x&quot;") && !piles.contains("PILE-<b>"))
        #expect(!(try reviewer.get(audit.base + "/piles?env=sandbox").text.contains("#\(audit.pileID)<")))
        let pile = try reviewer.get("\(audit.base)/piles/\(audit.pileID)").text
        #expect(audit.claimIDs.allSatisfy { pile.contains("data-claim-id=\"\($0)\"") })
        #expect(pile.contains("<progress class=\"progress\" value=\"2\" max=\"2\""))

        // Sandbox piles and queues are only under ?env=sandbox.
        let sandboxReviewer = try ReviewFixture.client(.reviewer, level: 1, in: sandbox.tenant)
        #expect(!(try sandboxReviewer.get(sandbox.base + "/review").text.contains("data-claim-id=")))
        #expect(
            try sandboxReviewer.get(sandbox.base + "/review?env=sandbox").text.contains(
                "data-claim-id=\"\(sandbox.claimIDs[0])\""))
        #expect(try sandboxReviewer.get(sandbox.base + "/piles?env=sandbox").text.contains("#\(sandbox.pileID)<"))
    }

    @Test func keysetPagesWalkThePileWithoutRepeats() throws {
        let audit = try ReviewFixture.audit(claims: 53)
        let viewer = try PortalFixture.client(.viewer, in: audit.tenant)
        let first = try viewer.get("\(audit.base)/piles/\(audit.pileID)").text
        let ids = { (page: String) in audit.claimIDs.filter { page.contains("data-claim-id=\"\($0)\"") } }
        #expect(ids(first) == Array(audit.claimIDs.prefix(50)))
        #expect(first.contains("/piles/\(audit.pileID)?after=\(audit.claimIDs[49])"))
        let second = try viewer.get("\(audit.base)/piles/\(audit.pileID)?after=\(audit.claimIDs[49])").text
        #expect(ids(second) == Array(audit.claimIDs.suffix(3)) && !second.contains("Next page"))
        let queue = try viewer.get("\(audit.base)/review?after=\(audit.claimIDs[49])").text
        #expect(ids(queue) == Array(audit.claimIDs.suffix(3)))
        #expect(queue.contains("You do not review at any audit level"))
    }

    @Test func itemTextIsEscapedOnTheClaimPage() throws {
        let hostile = "\"\u{0301} onmouseover=\"alert(1)\"<script>x</script>"
        let audit = try ReviewFixture.audit(claims: 1, description: hostile)
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        #expect(try reviewer.post(audit.itemAction(0, item: 0, "comment"), [("comment", "<img src=x>")]).status == 303)
        let page = try reviewer.get(audit.claim(0)).text
        #expect(!page.contains("<script>x") && !page.contains("\"\u{0301} onmouseover"))
        #expect(page.contains("&lt;script&gt;x") && page.contains("&lt;img src=x&gt;") && !page.contains("<img src=x>"))
    }
}
