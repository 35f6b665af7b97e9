import Claims
import HTTP

/// The lower sections of the claim page: diagnoses, deductions, sign-offs and the history of
/// every reviewer change (who, when, level, what, before → after).
enum ClaimDetailsView {
    static func diagnoses(_ claim: StoredClaim) -> HTML {
        var rows: [HTML] = []
        if case .array(let values)? = claim.request["diagnoses"] {
            rows = values.map { value in
                "<tr><td>\(value["name"]?.string ?? "—")</td><td class=\"mono\">\(value["icd_code"]?.string ?? "—")</td></tr>"
            }
        }
        return section(
            "Diagnoses", testID: "diagnoses-table", headers: ["Name", "ICD-10 code"], rows: rows,
            empty: "No diagnoses.")
    }

    static func deductions(_ claim: StoredClaim) -> HTML {
        var rows: [HTML] = []
        if case .array(let values)? = claim.result?["deductions"] {
            rows = values.map { value in
                let points = value["points"].flatMap { $0.number }.flatMap { Int(exactly: $0) }.map(String.init) ?? "—"
                return """
                    <tr><td class="mono">\(value["code"]?.string ?? "—")</td><td class="num">\(points)</td>\
                    <td>\(value["detail"]?.string ?? "")</td></tr>
                    """
            }
        }
        return section(
            "Deductions", testID: "deductions-table", headers: ["Code", "Points", "Detail"], rows: rows,
            empty: "No deductions: every check passed.")
    }

    /// `emails` names the reviewers; one whose account is gone keeps the sign-off as "(removed user)".
    static func signOffs(_ records: [SignOffRecord], emails: [Int: String]) -> HTML {
        let rows = records.map { record -> HTML in
            let reviewer = record.reviewerID.flatMap { emails[$0] } ?? "(removed user)"
            return """
                <tr><td>Level \(record.level)</td><td>\(reviewer)</td>\
                <td>\(ReviewComponents.approval(record.decision))</td>\
                <td class="nowrap">\(ReviewComponents.time(record.decidedAt))</td></tr>
                """
        }
        return section(
            "Audit sign-offs", testID: "sign-offs-table", headers: ["Level", "Reviewer", "Decision", "When"],
            rows: rows, empty: "No level signed off yet.")
    }

    static func history(_ records: [HistoryRecord]) -> HTML {
        let rows = records.map { record -> HTML in
            let change: HTML =
                switch (record.entry.before, record.entry.after) {
                case (let before?, let after?): "\(before) → <strong>\(after)</strong>"
                case (nil, let after?): "<span class=\"history-text\">\(after)</span>"
                case (let before?, nil): "\(before) → —"
                case (nil, nil): .empty
                }
            return """
                <tr data-testid="history-row"><td class="nowrap">\(ReviewComponents.time(record.createdAt))</td>\
                <td>\(record.userEmail)</td><td>\(record.level.map { "Level \($0)" } ?? "—")</td>\
                <td><span class="action">\(label(record.entry.action))</span></td>\
                <td>\(record.entry.itemPosition.map(ReviewError.itemNumber) ?? "—")</td><td>\(change)</td></tr>
                """
        }
        return section(
            "History", testID: "history-table", headers: ["When", "Who", "Level", "Action", "Item", "Change"],
            rows: rows, empty: "No reviewer has changed this claim yet.")
    }

    /// `item.qty_approved` → "Approved quantity changed".
    static func label(_ action: String) -> String {
        switch action {
        case "claim.approved": "Claim approved"
        case "claim.rejected": "Claim rejected"
        case "claim.comment": "Comment on claim"
        case "claim.approved_amount": "Approved amount recomputed"
        case "item.approved": "Item approved"
        case "item.rejected": "Item rejected"
        case "item.qty_approved": "Approved quantity changed"
        case "item.unit_price_approved": "Approved unit price changed"
        case "item.comment": "Comment on item"
        default: action
        }
    }

    private static func section(_ title: String, testID: String, headers: [String], rows: [HTML], empty: String)
        -> HTML
    {
        let head = headers.map { "<th>\($0)</th>" as HTML }
        let body: HTML =
            rows.isEmpty ? "<tr><td colspan=\"\(headers.count)\" class=\"empty-row\">\(empty)</td></tr>" : "\(rows)"
        return """
            <h2 class="section-title">\(title)</h2>
            <div class="card table-card">
            <table class="table" data-testid="\(testID)"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>
            </div>
            """
    }
}
