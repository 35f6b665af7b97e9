import Foundation
import Logging
import Synchronization

/// Bounds how often one repeated error is logged: the first occurrence of a key is logged at once,
/// then at most one line per `interval` for that key, carrying `repeated: N`, the occurrences left
/// out since the previous line. During a MariaDB outage every request and every loop iteration
/// fails the same way; without this the log grew by thousands of lines a second and drowned
/// whatever else happened.
///
/// A key is the message and the error's kind (its type and enum case, not its text, which often
/// holds ids or addresses), so distinct failures still each get their first line. One throttle per
/// process (`shared`); the clock is injected so tests need not wait.
public final class LogThrottle: Sendable {
    private struct Entry {
        var lastLogged: TimeInterval
        var suppressed: Int
    }

    /// The shortest time between two lines of one key.
    public let interval: TimeInterval
    /// Keys remembered at most; beyond that the quiet ones are forgotten (bounded memory).
    public let maximumKeys: Int
    private let now: @Sendable () -> TimeInterval
    private let entries = Mutex<[String: Entry]>([:])

    /// The process's throttle: one line per key per 10 seconds.
    public static let shared = LogThrottle()

    public init(
        interval: TimeInterval = 10, maximumKeys: Int = 1024,
        now: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }
    ) {
        self.interval = interval
        self.maximumKeys = maximumKeys
        self.now = now
    }

    /// Whether a line for `key` is due now: nil when it is to be left out (and counted), otherwise
    /// how many occurrences were left out since the key's previous line (0 the first time).
    public func admit(_ key: String) -> Int? {
        let time = now()
        return entries.withLock { entries in
            if var entry = entries[key] {
                guard time - entry.lastLogged >= interval else {
                    entry.suppressed += 1
                    entries[key] = entry
                    return nil
                }
                entries[key] = Entry(lastLogged: time, suppressed: 0)
                return entry.suppressed
            }
            if entries.count >= maximumKeys {
                entries = entries.filter { time - $0.value.lastLogged < interval }
                if entries.count >= maximumKeys { entries.removeAll() }
            }
            entries[key] = Entry(lastLogged: time, suppressed: 0)
            return 0
        }
    }

    /// The kind of an error for a key: its type and, for an enum, its case without the values
    /// (`DatabaseError.unavailable`), so one outage is one key whatever each message says.
    public static func kind(of error: any Error) -> String {
        let described = String(describing: error)
        let caseName = described.prefix { $0 != "(" && $0 != ":" && $0 != " " }
        return "\(type(of: error)).\(caseName)"
    }
}

extension Logger {
    /// Logs through `throttle`, keyed by `message` and the kind of `error`; a line after a quiet
    /// spell carries `repeated` with the count left out.
    public func throttled(
        _ level: Logger.Level, _ message: Logger.Message, error: any Error, metadata: Logger.Metadata = [:],
        throttle: LogThrottle = .shared
    ) {
        guard self.logLevel <= level else { return }
        guard let repeated = throttle.admit("\(message)|\(LogThrottle.kind(of: error))") else { return }
        var metadata = metadata
        metadata["error"] = "\(error)"
        if repeated > 0 { metadata["repeated"] = "\(repeated)" }
        log(level: level, message, metadata: metadata)
    }
}
