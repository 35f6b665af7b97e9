import Database

/// The events a webhook can receive; the raw values are the `type` field receivers switch on, so
/// they are part of the public contract and must never change.
public enum WebhookEventType: String, Sendable, Hashable, CaseIterable {
    /// A claim on the real-time path was scored.
    case claimScored = "claim.scored"
    /// A pile reached `vetting_done`; one event per claim, in claim-id order.
    case claimPileVettingDone = "claim.pile_vetting_done"
    /// A reviewer changed a claim's outcome in the portal.
    case claimReviewed = "claim.reviewed"
    /// The pile worker gave up on a pile after repeated failures (`data` is the pile, status `failed`).
    case pileFailed = "pile.failed"
    /// An admin pressed "Send test event".
    case webhookTest = "webhook.test"
}

/// Binds as its raw value (the contract's `type`), never as an SQL literal.
extension WebhookEventType: SQLEnum {}
