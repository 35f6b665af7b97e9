import Claims
import Foundation
import HTTP
import Tenancy

/// Pieces the Piles, Review and claim pages share: the environment switch, progress bars,
/// status badges, amounts and the "next page" link.
enum ReviewComponents {
    /// Production | Sandbox as two tabs; `url` builds the page's URL for an environment.
    static func environmentSwitch(current: Environment, url: (Environment) -> String) -> HTML {
        let links = Environment.allCases.map { environment -> HTML in
            let active = environment == current
            return """
                <a class="tab\(if: active, " is-active")" href="\(url(environment))"\
                \(if: active, " aria-current=\"page\"") data-testid="env-\(environment.rawValue)">\(environment.label)</a>
                """
        }
        return "<nav class=\"tabs\" aria-label=\"Environment\">\(links)</nav>"
    }

    /// A `<progress>` bar (no inline style needed) with the percentage beside it.
    static func progress(_ done: Int, of total: Int, label: String) -> HTML {
        let percent = total > 0 ? min(100, done * 100 / total) : 0
        return """
            <span class="progress-cell"><progress class="progress" value="\(done)" max="\(max(total, 1))" \
            aria-label="\(label)">\(percent)%</progress><span class="progress-text">\(percent)%</span></span>
            """
    }

    /// nil pending, 0 rejected, 1 approved, as a coloured badge.
    static func approval(_ status: Int?) -> HTML {
        switch status {
        case 1: "<span class=\"badge badge-on\">Approved</span>"
        case 0: "<span class=\"badge badge-rejected\">Rejected</span>"
        default: "<span class=\"badge badge-off\">Pending</span>"
        }
    }

    static func determination(_ value: String?) -> HTML {
        guard let value else { return "<span class=\"muted\">Not scored</span>" }
        return "<span class=\"determination determination-\(value)\">\(value.capitalized)</span>"
    }

    /// Where a claim is in its audit: "Level 2", "Passed", or "—" outside audits.
    static func stage(_ claim: StoredClaim) -> HTML {
        if let stage = claim.auditStage { return "<span class=\"tag\">Level \(stage)</span>" }
        return claim.vettedAt == nil ? "<span class=\"muted\">—</span>" : "<span class=\"muted\">Passed</span>"
    }

    /// `12,500.00`; "—" when there is no amount.
    static func amount(_ value: Double?) -> String {
        guard let value, value.isFinite, abs(value) < 1e15 else { return "—" }
        let cents = Int64((abs(value) * 100).rounded())
        let sign = value < 0 && cents > 0 ? "-" : ""
        let fraction = cents % 100
        return sign + grouped(cents / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `12,500`: item prices, quantities and sub totals.
    static func number(_ value: Int) -> String { (value < 0 ? "-" : "") + grouped(Int64(value).magnitude) }

    private static func grouped<T: BinaryInteger>(_ value: T) -> String {
        let digits = Array(String(value))
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { output.append(",") }
            output.append(digit)
        }
        return output
    }

    /// A moment of a claim or pile, to the minute, or "—".
    static func time(_ micros: Int64?) -> String {
        guard let micros, micros > 0 else { return "—" }
        return Components.time(Date(timeIntervalSince1970: Double(micros) / 1_000_000))
    }

    /// "Next page →" when there may be more rows.
    static func pager(next: String?) -> HTML {
        guard let next else { return .empty }
        return
            "<p class=\"pager\"><a class=\"button small\" href=\"\(next)\" data-testid=\"next-page\">Next page →</a></p>"
    }

    /// A field of a claim's request (`provider`, `name`), for tables: text and numbers as they
    /// are, anything else "—".
    static func field(_ claim: StoredClaim, _ key: String, _ inner: String? = nil) -> String {
        var value = claim.request[key]
        if let inner { value = value?[inner] }
        switch value {
        case .string(let text)?: return text
        case .int(let number)?: return String(number)
        case .double(let number)?: return amount(number)
        default: return "—"
        }
    }
}
