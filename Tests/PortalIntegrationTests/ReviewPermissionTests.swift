import Database
import Foundation
import Portal
import Tenancy
import TestSupport
import Testing

/// Who may change a claim in audit, through nginx: only a member who may review, at the level the
/// claim waits at, once per claim; everyone else gets 403 (or 404 for other tenants' claims) and
/// nothing changes.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"))
struct ReviewPermissionTests {
    /// Every action a reviewer can post, with valid input.
    static func actions(_ audit: ReviewFixture.Audit, _ index: Int) -> [(String, [(String, String)])] {
        [
            (audit.claimAction(index, "approve"), []), (audit.claimAction(index, "reject"), []),
            (audit.claimAction(index, "comment"), [("comment", "looks fine")]),
            (audit.itemAction(index, item: 0, "approve"), []), (audit.itemAction(index, item: 1, "reject"), []),
            (audit.itemAction(index, item: 0, "quantity"), [("qty_approved", "1")]),
            (audit.itemAction(index, item: 0, "price"), [("unit_price_approved", "1800")]),
            (audit.itemAction(index, item: 0, "comment"), [("comment", "checked")]),
        ]
    }

    @Test func aLevelOneReviewerActsAtLevelOneButGets403AtALevelTwoClaim() throws {
        let audit = try ReviewFixture.audit(claims: 2)
        try TestDatabase.connect().fixtureExecute("UPDATE claims SET audit_stage = 2 WHERE id = ?", audit.claimIDs[1])
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let changed = try reviewer.post(audit.itemAction(0, item: 0, "quantity"), [("qty_approved", "1")])
        #expect(changed.status == 303)
        #expect(changed.header("location") == audit.claim(0))
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]).history > 0)

        let before = try ReviewFixture.snapshot(audit.claimIDs[1])
        for (path, fields) in Self.actions(audit, 1) {
            #expect(try reviewer.post(path, fields).status == 403, "\(path)")
        }
        #expect(try ReviewFixture.snapshot(audit.claimIDs[1]) == before)
        // The page shows the level-2 claim read-only, with the reason.
        let page = try reviewer.get(audit.claim(1))
        #expect(page.status == 200)
        #expect(page.text.contains("You review at level 1, so it is shown read-only."))
        #expect(!page.text.contains("data-testid=\"sign-off-approve\""))
    }

    @Test func theSameReviewerCannotSignOffASecondLevel() throws {
        let audit = try ReviewFixture.audit(claims: 1)
        let user = try PortalFixture.user(.reviewer, in: audit.tenant)
        try ReviewFixture.setLevel(user, 1, in: audit.tenant)
        let reviewer = try PortalFixture.client(for: user)
        #expect(try reviewer.post(audit.claimAction(0, "approve")).status == 303)
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]).stage == 2)

        // Moved to level 2, the same person may edit there but not sign the claim off again.
        try ReviewFixture.setLevel(user, 2, in: audit.tenant)
        let before = try ReviewFixture.snapshot(audit.claimIDs[0])
        for action in ["approve", "reject"] {
            let refused = try reviewer.post(audit.claimAction(0, action))
            #expect(refused.status == 409)
            #expect(refused.text.contains("You signed this claim off at level 1."))
            #expect(refused.text.contains("Another reviewer must sign it off at this level; nothing was changed."))
        }
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]) == before)
        #expect(before.stage == 2 && before.audits == 1 && before.events == 1)
        // A second reviewer at level 2 can.
        let second = try ReviewFixture.client(.reviewer, level: 2, in: audit.tenant)
        #expect(try second.post(audit.claimAction(0, "approve")).status == 303)
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]).stage == nil)
    }

    @Test(arguments: [Role.viewer, .developer])
    func viewersAndDevelopersGet403OnEveryActionEvenWithALevel(role: Role) throws {
        let audit = try ReviewFixture.audit(claims: 1)
        // A level written straight into the row must not turn a read-only role into a reviewer.
        let member = try ReviewFixture.client(role, level: 1, in: audit.tenant)
        let before = try ReviewFixture.snapshot(audit.claimIDs[0])
        for (path, fields) in Self.actions(audit, 0) {
            #expect(try member.post(path, fields).status == 403, "\(path)")
        }
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]) == before)
        let page = try member.get(audit.claim(0))
        #expect(page.status == (role == .viewer ? 200 : 403))
        #expect(!page.text.contains("data-testid=\"qty-form-0\""))
        for path in ["/piles", "/piles/\(audit.pileID)", "/review"] {
            #expect(try member.get(audit.base + path).status == (role == .viewer ? 200 : 403), "\(path)")
        }
    }

    @Test func ownersAndAdminsWithoutALevelOnlyLook() throws {
        let audit = try ReviewFixture.audit(claims: 1)
        let owner = try PortalFixture.client(.owner, in: audit.tenant)
        #expect(try owner.post(audit.claimAction(0, "approve")).status == 403)
        #expect(try owner.get(audit.claim(0)).text.contains("You do not review at any level"))
        let admin = try ReviewFixture.client(.admin, level: 1, in: audit.tenant)
        #expect(try admin.post(audit.itemAction(0, item: 0, "approve")).status == 303)
    }

    @Test func anotherTenantsOrEnvironmentsClaimIs404() throws {
        let mine = try ReviewFixture.audit(claims: 1)
        let theirs = try ReviewFixture.audit(claims: 1)
        let sandbox = try ReviewFixture.audit(claims: 1, environment: "sandbox")
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: mine.tenant)
        let foreign = theirs.claimIDs[0]
        // Their claim id under our case, their case, and our claim asked for in the other environment.
        for path in [
            "\(mine.base)/claims/\(foreign)", "\(theirs.base)/claims/\(foreign)", "\(mine.claim(0))?env=sandbox",
            "\(mine.base)/claims/not-a-number", "\(mine.base)/piles/\(theirs.pileID)",
        ] {
            #expect(try reviewer.get(path).status == 404, "\(path)")
        }
        let before = try ReviewFixture.snapshot(foreign)
        #expect(try reviewer.post("\(mine.base)/claims/\(foreign)/approve").status == 404)
        #expect(
            try reviewer.post("\(mine.base)/claims/\(foreign)/items/0/quantity", [("qty_approved", "1")]).status == 404)
        #expect(try reviewer.post("\(theirs.base)/claims/\(foreign)/approve").status == 404)
        #expect(try ReviewFixture.snapshot(foreign) == before)
        // A sandbox claim is found only with ?env=sandbox, and only by members of its organization.
        let sandboxReviewer = try ReviewFixture.client(.reviewer, level: 1, in: sandbox.tenant)
        #expect(try sandboxReviewer.get(sandbox.claim(0)).status == 200)
        #expect(try sandboxReviewer.get("\(sandbox.base)/claims/\(sandbox.claimIDs[0])").status == 404)
        #expect(try sandboxReviewer.post("\(sandbox.base)/claims/\(sandbox.claimIDs[0])/approve").status == 404)
        #expect(try ReviewFixture.snapshot(sandbox.claimIDs[0]).stage == 1)
        // Unknown actions and item positions are not found either.
        #expect(try reviewer.post(mine.claimAction(0, "delete")).status == 404)
        #expect(try reviewer.post(mine.itemAction(0, item: 7, "approve")).status == 404)
        #expect(try reviewer.post(mine.itemAction(0, item: 0, "explode")).status == 404)
    }

    @Test func aWrongOrMissingCSRFTokenIsRefusedAndChangesNothing() throws {
        let audit = try ReviewFixture.audit(claims: 1)
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let stranger = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let before = try ReviewFixture.snapshot(audit.claimIDs[0])
        for (path, fields) in Self.actions(audit, 0) {
            #expect(try reviewer.post(path, fields, csrf: .wrong(stranger.csrfToken)).status == 403, "\(path)")
            #expect(try reviewer.post(path, fields, csrf: .missing).status == 403, "\(path)")
        }
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]) == before)
    }

    @Test(arguments: [
        ("quantity", "qty_approved", "-1", "The approved quantity must be a whole number from 0 to 2"),
        ("quantity", "qty_approved", "3", "The approved quantity must be a whole number from 0 to 2"),
        ("quantity", "qty_approved", "two", "The approved quantity must be a whole number, such as 2."),
        ("quantity", "qty_approved", "1.5", "The approved quantity must be a whole number, such as 2."),
        ("quantity", "qty_approved", "", "The approved quantity must be a whole number, such as 2."),
        ("price", "unit_price_approved", "-5", "The approved unit price must be a whole number from 0 to 2500"),
        ("price", "unit_price_approved", "2501", "The approved unit price must be a whole number from 0 to 2500"),
        ("price", "unit_price_approved", "99999999999999999999", "The approved unit price must be a whole number,"),
        ("comment", "comment", "   ", "Write a comment first."),
    ])
    func badInputIsAMessageOnTheFormAndChangesNothing(action: String, field: String, value: String, message: String)
        throws
    {
        let audit = try ReviewFixture.audit(claims: 1)
        let reviewer = try ReviewFixture.client(.reviewer, level: 1, in: audit.tenant)
        let before = try ReviewFixture.snapshot(audit.claimIDs[0])
        let result = try reviewer.post(audit.itemAction(0, item: 0, action), [(field, value)])
        #expect(result.status == 422)
        #expect(result.text.contains(message))
        #expect(result.text.contains("data-testid=\"item-problem\""))
        #expect(try ReviewFixture.snapshot(audit.claimIDs[0]) == before)
    }
}
