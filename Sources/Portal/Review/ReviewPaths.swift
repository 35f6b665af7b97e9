import HTTP
import Tenancy

/// The URLs of the Piles, Review and claim pages. The environment rides in `?env=` (absent means
/// Production), so every link and form keeps the environment the person is looking at, and a
/// claim of the other environment is simply not found.
enum ReviewPaths {
    /// The environment a request asks for: `?env=sandbox`, otherwise Production.
    static func environment(_ request: Request) -> Environment {
        request.query["env"] == Environment.sandbox.rawValue ? .sandbox : .production
    }

    static func piles(_ base: String, _ environment: Environment, before: Int? = nil) -> String {
        base + "/piles" + query(environment, [("before", before)])
    }

    static func pile(_ base: String, _ id: Int, _ environment: Environment, after: Int? = nil) -> String {
        base + "/piles/\(id)" + query(environment, [("after", after)])
    }

    static func review(_ base: String, _ environment: Environment, level: Int? = nil, after: Int? = nil) -> String {
        base + "/review" + query(environment, [("level", level), ("after", after)])
    }

    static func claim(_ base: String, _ id: Int, _ environment: Environment) -> String {
        base + "/claims/\(id)" + query(environment, [])
    }

    /// `POST …/claims/{id}/{action}`: comment, approve, reject.
    static func claimAction(_ base: String, _ id: Int, _ environment: Environment, _ action: String) -> String {
        base + "/claims/\(id)/\(action)" + query(environment, [])
    }

    /// `POST …/claims/{id}/items/{position}/{action}`: approve, reject, quantity, price, comment.
    static func itemAction(_ base: String, _ id: Int, position: Int, _ environment: Environment, _ action: String)
        -> String
    {
        base + "/claims/\(id)/items/\(position)/\(action)" + query(environment, [])
    }

    /// A positive integer from a path segment or query value, or nil.
    static func positiveID(_ text: String?) -> Int? {
        guard let text, let value = Int(text), value > 0 else { return nil }
        return value
    }

    private static func query(_ environment: Environment, _ items: [(String, Int?)]) -> String {
        var parts = environment == .sandbox ? ["env=sandbox"] : []
        for (name, value) in items { if let value { parts.append("\(name)=\(value)") } }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
}
