import Claims
import Tenancy

/// The Review page: the claims waiting at one audit level, oldest first. A reviewer lands on
/// their own level; anyone may look at another level's queue, read-only.
enum ReviewQueueView {
    struct Model {
        let environment: Environment
        /// The level shown.
        let level: Int
        /// The levels offered by the switcher.
        let levels: ClosedRange<Int>
        /// The member's own review level, if any.
        let ownLevel: Int?
        let claims: [StoredClaim]
        let next: String?
    }

    static func render(chrome: PageChrome, model: Model) -> HTML {
        let base = chrome.basePath
        let switcher = model.levels.map { level -> HTML in
            let active = level == model.level
            return """
                <a class="tab\(if: active, " is-active")" href="\(ReviewPaths.review(base, model.environment, level: level))"\
                \(if: active, " aria-current=\"page\"") data-testid="level-\(level)">Level \(level)\
                \(if: level == model.ownLevel, " (yours)")</a>
                """
        }
        let note: HTML
        if let own = model.ownLevel, own == model.level {
            note = """
                <p class="hint review-note">You review at level \(own): open a claim to change its items, comment, \
                and approve or reject it at this level.</p>
                """
        } else if let own = model.ownLevel {
            note = """
                <p class="notice-info review-note" data-testid="read-only-note">You review at level \(own); this \
                is the level \(model.level) queue, shown read-only.</p>
                """
        } else {
            note = """
                <p class="notice-info review-note" data-testid="read-only-note">You do not review at any audit \
                level in this organization, so these queues are read-only. An owner can give you a level \
                (claimscore create-user --review-level).</p>
                """
        }
        let content: HTML = """
            \(Layout.header(title: "Review", subtitle: "\(chrome.caseRecord.name): claims of piles waiting for a reviewer"))
            \(ReviewComponents.environmentSwitch(current: model.environment) {
                ReviewPaths.review(base, $0, level: model.level)
            })
            <nav class="tabs tabs-secondary" aria-label="Audit level">\(switcher)</nav>
            \(note)
            \(ClaimTableView.render(
                chrome: chrome, environment: model.environment, claims: model.claims,
                empty: "No claims wait at level \(model.level). Claims of submitted piles appear here once auto-vetted."))
            \(ReviewComponents.pager(next: model.next))
            """
        return Layout.page(title: "Review", chrome: chrome, content: content)
    }
}
