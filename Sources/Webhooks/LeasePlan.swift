/// Which webhooks one lease round takes deliveries from, and how many from each: round-robin over
/// the webhooks with due work, so a webhook's backlog (however old) never takes another's turn.
///
/// Pure, so fairness is tested without a database. Webhooks are visited in id order starting
/// after the last one served in the previous round and wrapping around; each gets up to its own
/// budget (free in-flight slots, or one probe for a half-open breaker), the round stops at its
/// total budget or after `maximumWebhooks` webhooks, and the next round starts where this one
/// stopped. Every webhook with due work and a free slot is thus served within
/// ⌈webhooks with due work ÷ webhooks per round⌉ rounds.
public struct LeasePlan: Sendable, Hashable {
    /// One webhook with due work and how many of its deliveries this process may lease now.
    public struct Candidate: Sendable, Hashable {
        public let webhookID: String
        public let budget: Int
        /// Half-open breaker: the one delivery is a probe, claimed on the webhook row first.
        public let probe: Bool

        public init(webhookID: String, budget: Int, probe: Bool = false) {
            self.webhookID = webhookID
            self.budget = budget
            self.probe = probe
        }
    }

    /// One webhook's share of the round.
    public struct Pick: Sendable, Hashable {
        public let webhookID: String
        public let count: Int
        public let probe: Bool

        public init(webhookID: String, count: Int, probe: Bool) {
            self.webhookID = webhookID
            self.count = count
            self.probe = probe
        }
    }

    public let picks: [Pick]
    /// Where the next round starts: the last webhook served, or the previous cursor.
    public let cursor: String?

    /// Plans a round of at most `total` deliveries from at most `maximumWebhooks` webhooks,
    /// starting after `cursor`.
    public init(candidates: [Candidate], after cursor: String?, total: Int, maximumWebhooks: Int) {
        let ordered = candidates.filter { $0.budget > 0 }.sorted { $0.webhookID < $1.webhookID }
        let start = cursor.flatMap { last in ordered.firstIndex { $0.webhookID > last } } ?? 0
        var remaining = total
        var picks: [Pick] = []
        for candidate in ordered[start...] + ordered[..<start] where remaining > 0 && picks.count < maximumWebhooks {
            let count = min(candidate.budget, remaining)
            picks.append(Pick(webhookID: candidate.webhookID, count: count, probe: candidate.probe))
            remaining -= count
        }
        self.picks = picks
        self.cursor = picks.last?.webhookID ?? cursor
    }
}
