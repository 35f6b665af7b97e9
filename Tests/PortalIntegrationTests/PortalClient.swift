import Foundation
import Portal
import TestSupport

/// A signed-in browser as nginx sees it: the session cookie on every request, the session's CSRF
/// token in every form unless a test says otherwise.
struct PortalClient {
    let sessionToken: String
    let csrfToken: String
    let user: PortalUser

    func get(_ path: String) throws -> HTTPResult {
        try RawHTTPClient.send("GET", path, headers: ["Cookie": "cs_session=\(sessionToken)"])
    }

    /// Which CSRF token a form carries.
    enum CSRF {
        case valid
        case missing
        case wrong(String)
    }

    /// Posts a form the way the page's own form would, or with a missing or foreign token.
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: CSRF = .valid) throws -> HTTPResult {
        var all = fields
        switch csrf {
        case .valid: all.append(("csrf_token", csrfToken))
        case .wrong(let token): all.append(("csrf_token", token))
        case .missing: break
        }
        return try RawHTTPClient.send(
            "POST", path,
            headers: [
                "Cookie": "cs_session=\(sessionToken)", "Content-Type": "application/x-www-form-urlencoded",
            ], body: Array(FormEncoding.encode(all).utf8))
    }
}

/// `application/x-www-form-urlencoded` bodies, as a browser sends them.
enum FormEncoding {
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._*")
        return (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "").replacingOccurrences(
            of: "%20", with: "+")
    }
}
