import Claims
import Tenancy

/// The table of claims on the pile page and the review queue: enough to pick a claim, each row a
/// link to the claim page.
enum ClaimTableView {
    static func render(chrome: PageChrome, environment: Environment, claims: [StoredClaim], empty: String) -> HTML {
        let rows = claims.map { claim -> HTML in
            let href = ReviewPaths.claim(chrome.basePath, claim.id, environment)
            return """
                <tr class="row-link" data-href="\(href)" data-testid="claim-row" data-claim-id="\(claim.id)">\
                <td><a class="row-anchor" href="\(href)">#\(claim.id)</a></td>\
                <td class="break">\(claim.ref)</td>\
                <td>\(ReviewComponents.field(claim, "provider", "name"))</td>\
                <td>\(ReviewComponents.field(claim, "enrollee_id"))</td>\
                <td class="num">\(ReviewComponents.amount(claim.request["billed_amount"]?.number))</td>\
                <td class="num">\(ReviewComponents.amount(claim.approvedAmount))</td>\
                <td>\(ReviewComponents.determination(claim.determination))</td>\
                <td>\(ReviewComponents.approval(claim.approvalStatus))</td>\
                <td>\(ReviewComponents.stage(claim))</td></tr>
                """
        }
        let body: HTML = claims.isEmpty ? "<tr><td colspan=\"9\" class=\"empty-row\">\(empty)</td></tr>" : "\(rows)"
        return """
            <div class="card table-card">
            <table class="table" data-testid="claims-table">
              <thead><tr><th>Claim</th><th>Ref</th><th>Provider</th><th>Enrollee</th><th>Billed</th><th>Approved</th>\
            <th>Determination</th><th>Approval</th><th>Waiting at</th></tr></thead>
              <tbody>\(body)</tbody>
            </table>
            </div>
            """
    }
}
