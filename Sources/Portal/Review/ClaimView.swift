import Claims
import Tenancy

/// The claim page: header with status, score, determination and approval; the audit card (sign
/// off or why not); the items; diagnoses and deductions; sign-offs and the history.
enum ClaimView {
    static func render(chrome: PageChrome, model: ClaimPageModel) -> HTML {
        let claim = model.claim
        let pileLink: HTML =
            claim.pileID.map {
                "<a href=\"\(ReviewPaths.pile(chrome.basePath, $0, model.environment))\">Pile #\($0)</a>"
            } ?? "—"
        let summary: HTML = """
            <section class="card detail-card">
              <dl class="fields fields-grid" data-testid="claim-summary">
                <div><dt>Approval</dt><dd data-testid="claim-approval">\(ReviewComponents.approval(claim.approvalStatus))</dd></div>
                <div><dt>Determination</dt><dd>\(ReviewComponents.determination(claim.determination))</dd></div>
                <div><dt>Score</dt><dd>\(claim.score.map(String.init) ?? "—")</dd></div>
                <div><dt>Audit</dt><dd data-testid="claim-stage">\(stageText(model))</dd></div>
                <div><dt>Billed</dt><dd>\(ReviewComponents.amount(claim.request["billed_amount"]?.number))</dd></div>
                <div><dt>Approved amount</dt><dd data-testid="approved-amount">\(ReviewComponents.amount(claim.approvedAmount))</dd></div>
                <div><dt>Provider</dt><dd>\(ReviewComponents.field(claim, "provider", "name")) \
            <span class="muted">\(ReviewComponents.field(claim, "provider", "code"))</span></dd></div>
                <div><dt>Enrollee</dt><dd>\(ReviewComponents.field(claim, "enrollee_id"))</dd></div>
                <div><dt>Encounter</dt><dd>\(String(ReviewComponents.field(claim, "encounter_date").prefix(10)))</dd></div>
                <div><dt>Pile</dt><dd>\(pileLink)</dd></div>
                <div><dt>Received</dt><dd>\(ReviewComponents.time(claim.receivedAt))</dd></div>
                <div><dt>Vetted</dt><dd>\(ReviewComponents.time(claim.vettedAt))</dd></div>
                <div><dt>Environment</dt><dd>\(Components.environmentBadge(model.environment.label))</dd></div>
              </dl>
            </section>
            """
        let vettingError: HTML =
            claim.vettingError.map {
                """
                <p class="alert" role="alert" data-testid="vetting-error">This claim could not be vetted: \($0). \
                It has no score and waits for no reviewer; the rest of its pile went on without it.</p>
                """
            } ?? .empty
        let content: HTML = """
            \(Layout.header(title: "Claim #\(claim.id)", subtitle: claim.ref, actions: backLinks(chrome, model)))
            \(vettingError)
            \(summary)
            \(auditCard(chrome, model))
            \(ClaimItemsView.render(chrome: chrome, model: model))
            \(ClaimDetailsView.diagnoses(claim))
            \(ClaimDetailsView.deductions(claim))
            \(ClaimDetailsView.signOffs(model.signOffs, emails: model.reviewerEmails))
            \(ClaimDetailsView.history(model.history))
            """
        return Layout.page(title: "Claim #\(claim.id)", chrome: chrome, content: content)
    }

    private static func backLinks(_ chrome: PageChrome, _ model: ClaimPageModel) -> HTML {
        let level = model.claim.auditStage ?? model.ownLevel
        return """
            <a class="button" href="\(ReviewPaths.review(chrome.basePath, model.environment, level: level))">Review queue</a>
            """
    }

    private static func stageText(_ model: ClaimPageModel) -> String {
        guard let levels = model.auditLevels else { return "Not in a pile" }
        if let stage = model.claim.auditStage { return "Waiting at level \(stage) of \(levels)" }
        if levels == 0 { return "No audit levels" }
        return model.claim.vettedAt == nil ? "Not vetted yet" : "Passed every level (\(levels))"
    }

    /// The sign-off card for the reviewer at the claim's level; otherwise why the page is read-only.
    private static func auditCard(_ chrome: PageChrome, _ model: ClaimPageModel) -> HTML {
        let base = chrome.basePath
        let problem = model.problem(at: nil)
        let alert: HTML =
            problem.map { "<p class=\"alert\" role=\"alert\" data-testid=\"claim-problem\">\($0.message)</p>" }
            ?? .empty
        guard model.canAct, let stage = model.claim.auditStage else {
            return "\(alert)<p class=\"notice-info\" data-testid=\"read-only-note\">\(readOnlyReason(model))</p>"
        }
        let last = stage >= (model.auditLevels ?? 0)
        return """
            <section class="card audit-card" data-testid="sign-off">
              <div class="section-head"><h2>Level \(stage) sign-off</h2></div>
              \(alert)
              <p class="hint">Approving approves every pending item and \(last
                ? "completes the claim's audit (this is the last level)."
                : "passes the claim to level \(stage + 1).") Rejecting sets the approved amount to 0. \
            Either way ClaimScore sends a claim.reviewed webhook event.</p>
              <div class="audit-actions">
                <form class="inline-form" method="post" action="\(model.actionURL(base, "approve"))">\
            \(Components.csrfField(chrome.csrfToken))<button class="button primary" type="submit" \
            data-testid="sign-off-approve">Approve claim</button></form>
                <form class="inline-form" method="post" action="\(model.actionURL(base, "reject"))">\
            \(Components.csrfField(chrome.csrfToken))<button class="button danger" type="submit" \
            data-testid="sign-off-reject">Reject claim</button></form>
              </div>
              <form class="comment-form" method="post" action="\(model.actionURL(base, "comment"))" \
            data-testid="claim-comment-form">\(Components.csrfField(chrome.csrfToken))
                <label for="claim-comment">Comment on the claim</label>
                <textarea id="claim-comment" name="\(ReviewForm.commentField)" rows="2" \
            maxlength="\(ReviewError.commentLimit)" required>\(problem?.entered ?? "")</textarea>
                <button class="button small" type="submit">Add comment</button>
              </form>
            </section>
            """
    }

    private static func readOnlyReason(_ model: ClaimPageModel) -> String {
        guard let stage = model.claim.auditStage, model.claim.pileID != nil else {
            return "This claim is not waiting for a reviewer, so it is shown read-only."
        }
        guard let own = model.ownLevel else {
            return
                "This claim waits for a level \(stage) reviewer. You do not review at any level, so it is shown read-only."
        }
        return "This claim waits for a level \(stage) reviewer. You review at level \(own), so it is shown read-only."
    }
}
