import Database

/// Production or Sandbox: every key, claim, pile and event belongs to exactly one.
public enum Environment: String, Sendable, CaseIterable, Codable {
    case production
    case sandbox

    /// The label the portal shows ("Production", "Sandbox").
    public var label: String { self == .production ? "Production" : "Sandbox" }
}

/// Binds and decodes as its raw value, so no environment is ever written into SQL as a literal.
extension Environment: SQLEnum {}
