import Claims
import Scoring

/// The items table of the claim page: billed and approved price and quantity, sub totals,
/// status and comments; for the reviewer at the claim's level, one row of forms under each item
/// (approve, reject, quantity, price, comment), each a plain form post.
enum ClaimItemsView {
    static func render(chrome: PageChrome, model: ClaimPageModel) -> HTML {
        let rows = model.items.enumerated().map { position, item -> HTML in
            let comments: HTML =
                item.comments.isEmpty
                ? "<span class=\"muted\">—</span>"
                : "<ul class=\"comments\">\(item.comments.map { "<li>\($0)</li>" as HTML })</ul>"
            let forms = model.canAct ? reviewRow(chrome, model, position: position, item: item) : .empty
            return """
                <tr id="item-\(position + 1)" data-testid="item-row" data-position="\(position)">\
                <td class="num">\(position + 1)</td>\
                <td><div class="item-name">\(item.description ?? "—")</div>\
                <div class="muted mono">\(item.ref ?? "") \(item.code ?? "")</div></td>\
                <td class="num">\(ReviewComponents.number(item.unitPriceBilled))</td>\
                <td class="num" data-testid="price-approved">\(ReviewComponents.number(item.unitPriceApproved))</td>\
                <td class="num">\(ReviewComponents.number(item.qtyBilled))</td>\
                <td class="num" data-testid="qty-approved">\(ReviewComponents.number(item.qtyApproved))</td>\
                <td class="num">\(ReviewComponents.number(item.subTotalBilled))</td>\
                <td class="num" data-testid="sub-total-approved">\(ReviewComponents.number(item.subTotalApproved))</td>\
                <td>\(ReviewComponents.approval(item.approvalStatus))</td>\
                <td>\(comments)</td></tr>\(forms)
                """
        }
        let body: HTML =
            model.items.isEmpty
            ? "<tr><td colspan=\"10\" class=\"empty-row\">No vetted items.</td></tr>" : "\(rows)"
        return """
            <h2 class="section-title">Items</h2>
            <div class="card table-card">
            <table class="table items-table" data-testid="items-table">
              <thead><tr><th>#</th><th>Item</th><th>Unit price billed</th><th>Unit price approved</th>\
            <th>Qty billed</th><th>Qty approved</th><th>Sub total billed</th><th>Sub total approved</th>\
            <th>Status</th><th>Comments</th></tr></thead>
              <tbody>\(body)</tbody>
            </table>
            </div>
            """
    }

    private static func reviewRow(_ chrome: PageChrome, _ model: ClaimPageModel, position: Int, item: VettedItem)
        -> HTML
    {
        let base = chrome.basePath
        let csrf = Components.csrfField(chrome.csrfToken)
        let problem = model.problem(at: position)
        func value(_ field: String, _ current: Int) -> String {
            problem.flatMap { $0.field == field ? $0.entered : nil } ?? String(current)
        }
        let message: HTML =
            problem.map { "<p class=\"error\" role=\"alert\" data-testid=\"item-problem\">\($0.message)</p>" } ?? .empty
        return """
            <tr class="item-review\(if: problem != nil, " has-error")" data-testid="item-review-\(position)">\
            <td></td><td colspan="9"><div class="item-forms">
              <form class="inline-form" method="post" action="\(model.itemURL(base, position, "approve"))">\(csrf)\
            <button class="button small" type="submit" data-testid="item-approve-\(position)">Approve item</button></form>
              <form class="inline-form" method="post" action="\(model.itemURL(base, position, "reject"))">\(csrf)\
            <button class="button small danger" type="submit" data-testid="item-reject-\(position)">Reject item</button></form>
              <form class="inline-form item-form" method="post" action="\(model.itemURL(base, position, "quantity"))" \
            data-testid="qty-form-\(position)">\(csrf)<label for="qty-\(position)">Qty approved</label>\
            <input id="qty-\(position)" name="\(ReviewForm.quantityField)" type="text" inputmode="numeric" size="6" \
            value="\(value(ReviewForm.quantityField, item.qtyApproved))" required>\
            <button class="button small" type="submit">Set</button></form>
              <form class="inline-form item-form" method="post" action="\(model.itemURL(base, position, "price"))" \
            data-testid="price-form-\(position)">\(csrf)<label for="price-\(position)">Unit price approved</label>\
            <input id="price-\(position)" name="\(ReviewForm.priceField)" type="text" inputmode="numeric" size="8" \
            value="\(value(ReviewForm.priceField, item.unitPriceApproved))" required>\
            <button class="button small" type="submit">Set</button></form>
              <form class="inline-form item-form" method="post" action="\(model.itemURL(base, position, "comment"))" \
            data-testid="comment-form-\(position)">\(csrf)<label for="comment-\(position)">Comment</label>\
            <input id="comment-\(position)" name="\(ReviewForm.commentField)" type="text" \
            maxlength="\(ReviewError.commentLimit)" required>\
            <button class="button small" type="submit">Add</button></form>
            </div>\(message)</td></tr>
            """
    }
}
