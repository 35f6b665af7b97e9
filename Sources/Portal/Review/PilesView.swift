import Claims
import Tenancy

/// The Piles page: the case's piles in one environment, newest first, each row read from the
/// pile's own counters (one row per pile, whatever its size).
enum PilesView {
    static func render(chrome: PageChrome, environment: Environment, piles: [PileRecord], next: String?) -> HTML {
        let rows = piles.map { pile -> HTML in
            let href = ReviewPaths.pile(chrome.basePath, pile.id, environment)
            return """
                <tr class="row-link" data-href="\(href)" data-testid="pile-row">\
                <td><a class="row-anchor" href="\(href)">#\(pile.id)</a></td>\
                <td class="break">\(pile.ref)</td>\
                <td>\(status(pile.status))</td>\
                <td class="num">\(ReviewComponents.number(pile.counts.received))</td>\
                <td>\(ReviewComponents.number(pile.counts.vetted)) \
                \(ReviewComponents.progress(pile.counts.vetted, of: pile.counts.received, label: "Vetted"))</td>\
                <td class="num">\(ReviewComponents.number(pile.counts.awaitingAudit))</td>\
                <td class="num">\(ReviewComponents.number(pile.counts.approved))</td>\
                <td class="num">\(ReviewComponents.number(pile.counts.rejected))</td>\
                <td class="nowrap">\(ReviewComponents.time(pile.createdAt))</td></tr>
                """
        }
        let body: HTML =
            piles.isEmpty
            ? """
            <tr><td colspan="9" class="empty-row">No \(environment.label.lowercased()) piles yet. Piles are sent \
            through the API (POST …/piles) and appear here as they arrive.</td></tr>
            """
            : "\(rows)"
        let content: HTML = """
            \(Layout.header(title: "Piles", subtitle: "\(chrome.caseRecord.name): claims sent in batches, auto-vetted, then audited"))
            \(ReviewComponents.environmentSwitch(current: environment) { ReviewPaths.piles(chrome.basePath, $0) })
            <div class="card table-card">
            <table class="table" data-testid="piles-table">
              <thead><tr><th>Pile ID</th><th>Ref</th><th>Status</th><th>Claims received</th><th>Vetted</th>\
            <th>Awaiting audit</th><th>Approved</th><th>Rejected</th><th>Created</th></tr></thead>
              <tbody>\(body)</tbody>
            </table>
            </div>
            \(ReviewComponents.pager(next: next))
            """
        return Layout.page(title: "Piles", chrome: chrome, content: content)
    }

    /// The status label of the source document ('Vetting Done'), as a badge.
    static func status(_ status: PileRecord.Status) -> HTML {
        "<span class=\"pile-status pile-\(status.rawValue)\" data-testid=\"pile-status\">\(status.label)</span>"
    }
}
