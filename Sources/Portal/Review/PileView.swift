import Claims
import Tenancy

/// One pile: where it stands (status, progress, counts, audit levels, times) and its claims in
/// claim-id order, 50 a page.
enum PileView {
    static func render(
        chrome: PageChrome, environment: Environment, pile: PileRecord, claims: [StoredClaim], next: String?
    ) -> HTML {
        let counts = pile.counts
        let passed = counts.approved + counts.rejected + counts.pending
        let levels: HTML =
            pile.auditLevels == 0
            ? "None: claims are done once auto-vetted"
            : "\(pile.auditLevels) (\(pile.auditLevels == 1 ? "one reviewer" : "\(pile.auditLevels) reviewers") per claim)"
        let failure: HTML =
            pile.status == .failed
            ? """
            <p class="alert" role="alert" data-testid="pile-failure">Vetting stopped after \(pile.attempts) failed \
            tries: \(pile.failure ?? "no reason recorded"). No events were sent for its claims; a pile.failed \
            event was.</p>
            """ : .empty
        let summary: HTML = """
            \(failure)
            <section class="card detail-card">
              <dl class="fields fields-grid" data-testid="pile-summary">
                <div><dt>Status</dt><dd>\(PilesView.status(pile.status))</dd></div>
                <div><dt>Environment</dt><dd>\(Components.environmentBadge(environment.label))</dd></div>
                <div><dt>Vetted</dt><dd>\(ReviewComponents.number(counts.vetted)) of \
            \(ReviewComponents.number(counts.received)) \
            \(ReviewComponents.progress(counts.vetted, of: counts.received, label: "Vetted"))</dd></div>
                <div><dt>Passed every level</dt><dd>\(ReviewComponents.number(passed)) of \
            \(ReviewComponents.number(counts.received)) \
            \(ReviewComponents.progress(passed, of: counts.received, label: "Passed every level"))</dd></div>
                <div><dt>Awaiting audit</dt><dd data-testid="awaiting-audit">\(counts.awaitingAudit)</dd></div>
                <div><dt>Approved</dt><dd data-testid="approved-count">\(counts.approved)</dd></div>
                <div><dt>Rejected</dt><dd data-testid="rejected-count">\(counts.rejected)</dd></div>
                <div><dt>Pending</dt><dd>\(counts.pending)</dd></div>
                <div><dt>Could not be vetted</dt><dd data-testid="failed-count">\(counts.failed)</dd></div>
                <div><dt>Audit levels</dt><dd>\(levels)</dd></div>
                <div><dt>Created</dt><dd>\(ReviewComponents.time(pile.createdAt))</dd></div>
                <div><dt>Submitted</dt><dd>\(ReviewComponents.time(pile.submittedAt))</dd></div>
                <div><dt>Vetted at</dt><dd>\(ReviewComponents.time(pile.vettedAt))</dd></div>
                <div><dt>Vetting Done at</dt><dd>\(ReviewComponents.time(pile.doneAt))</dd></div>
                <div><dt>Failed at</dt><dd>\(ReviewComponents.time(pile.failedAt))</dd></div>
              </dl>
            </section>
            """
        let content: HTML = """
            \(Layout.header(
                title: "Pile #\(pile.id)", subtitle: pile.ref,
                actions: "<a class=\"button\" href=\"\(ReviewPaths.piles(chrome.basePath, environment))\">All piles</a>"))
            \(summary)
            <h2 class="section-title">Claims</h2>
            \(ClaimTableView.render(chrome: chrome, environment: environment, claims: claims, empty: "No claims in this pile yet."))
            \(ReviewComponents.pager(next: next))
            """
        return Layout.page(title: "Pile #\(pile.id)", chrome: chrome, content: content)
    }
}
