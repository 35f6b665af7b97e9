import Scoring
import Synchronization

/// One `Scorer` per case settings version, built once and shared by every thread.
///
/// The case row is read on every request anyway (tenancy check), so a settings change is seen
/// by the very next claim: the cache is keyed by the settings text itself.
public final class ScorerCache: Sendable {
    private let scorers = Mutex<[String: (settings: String, scorer: Scorer)]>([:])

    public init() {}

    /// The scorer for these settings, or the settings' validation error.
    public func scorer(caseID: String, settingsJSON: String) throws(CaseSettingsError) -> Scorer {
        if let cached = scorers.withLock({ $0[caseID] }), cached.settings == settingsJSON { return cached.scorer }
        let settings = try CaseSettingsLoader.decode(settingsJSON)
        let scorer = Scorer(settings: settings)
        scorers.withLock { $0[caseID] = (settingsJSON, scorer) }
        return scorer
    }
}
