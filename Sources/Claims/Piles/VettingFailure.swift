import Database
import JSON
import Scoring

/// Sorts the pile worker's failures by whose they are, and words them for the client (stored on
/// the claim or the pile, so never SQL or server internals).
enum VettingFailure {
    /// The database is gone: nobody's fault, and nothing can be recorded; the worker backs off
    /// as a whole and no pile is charged a try.
    static func isOutage(_ error: any Error) -> Bool {
        if case .unavailable? = error as? DatabaseError { return true }
        return false
    }

    /// Could this failure be caused by a claim of the batch (and so be isolated by vetting the
    /// batch's claims apart)? Not when it is about the pile or its case, a lock conflict (the
    /// transaction already retried it), or an outage.
    static func mayBeAClaim(_ error: any Error) -> Bool {
        switch error {
        case is PileWorkError: false
        case let error as DatabaseError:
            switch error {
            case .unavailable, .retryable: false
            default: true
            }
        default: true
        }
    }

    /// Why one claim could not be vetted, as stored in `claims.vetting_error`.
    static func claimReason(_ error: any Error) -> String {
        switch error {
        case DatabaseError.duplicateKey(let key):
            "its vetting result could not be stored (duplicate key \(key.isEmpty ? "?" : key))"
        case DatabaseError.failed(let code, _):
            "its vetting result could not be stored (database error \(code))"
        case DatabaseError.typeMismatch(let column, let expected, _):
            "the stored claim could not be read (\(column) is not \(expected))"
        case DatabaseError.missingColumn(let column):
            "the stored claim could not be read (\(column) is missing)"
        case let error as JSONParser.Failure: "the stored claim could not be read (\(error.description))"
        default: "the claim could not be vetted (\(String(describing: type(of: error))))"
        }
    }

    /// Why a turn of a pile failed, as stored in `piles.failure`.
    static func pileReason(_ error: any Error) -> String {
        switch error {
        case let error as PileWorkError: error.description
        case DatabaseError.retryable(let code, _): "the database kept reporting lock conflicts (error \(code))"
        case DatabaseError.failed(let code, _): "database error \(code)"
        case let error as DatabaseError: "database error: \(error.description.prefix(80))"
        default: "the pile could not be worked on (\(String(describing: type(of: error))))"
        }
    }
}

/// Why the pile worker could not go on with a pile, whatever its claims: tried again with back-off,
/// then the pile is parked as failed.
enum PileWorkError: Error, CustomStringConvertible {
    case caseMissing(String)
    case settingsInvalid(CaseSettingsError)

    var description: String {
        switch self {
        case .caseMissing(let id): "the pile's case \(id) no longer exists"
        case .settingsInvalid(let error): "the case's settings are invalid: \(error.description)"
        }
    }
}
