import Database

/// Why the portal's delivery action could not be done; the cases map to a message in the drawer.
public enum DeliveryLogError: Error, Sendable, CustomStringConvertible {
    /// No webhook with that id.
    case webhookNotFound
    /// No event with that id in the webhook's case and environment (another tenant's event is
    /// reported the same way, never resent).
    case eventNotFound
    /// A disabled webhook receives nothing, resends and test events included: enable it first.
    case webhookDisabled
    case database(DatabaseError)

    public var description: String {
        switch self {
        case .webhookNotFound: "no such webhook"
        case .eventNotFound: "no such event for this webhook"
        case .webhookDisabled: "the webhook is disabled; enable it to send events to it"
        case .database(let error): error.description
        }
    }
}
