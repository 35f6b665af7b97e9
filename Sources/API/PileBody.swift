import Claims
import HTTP
import JSON

/// The top level of a pile create or add request: `{"ref": "...", "claims": [...]}` (create) or
/// `{"claims": [...]}` (add). The claims themselves are validated one by one afterwards.
struct PileBody {
    let ref: String?
    let claims: [JSONValue]

    init(_ body: JSONValue, creating: Bool) throws(HTTPError) {
        guard case .object(let root) = body else {
            throw .unprocessable([.init(field: "(body)", message: "must be a JSON object")])
        }
        var errors: [HTTPError.FieldError] = []
        let allowed: Set<String> = creating ? ["ref", "claims"] : ["claims"]
        for key in root.keys where !allowed.contains(key) {
            errors.append(
                .init(field: key, message: key == "ref" ? "is set when the pile is created" : "is not a known field"))
        }
        var ref: String?
        if creating {
            if case .string(let text) = root["ref"], !text.isEmpty, text.unicodeScalars.count <= 100,
                !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            {
                ref = text
            } else {
                errors.append(
                    .init(field: "ref", message: "must be a string of 1 to 100 characters (Unicode code points)"))
            }
        }
        var claims: [JSONValue] = []
        switch root["claims"] {
        case .array(let list) where list.count <= PileStore.maxClaimsPerRequest:
            claims = list
        case .array:
            errors.append(
                .init(field: "claims", message: "must hold at most \(PileStore.maxClaimsPerRequest) claims per request")
            )
        case nil where creating:
            break
        default:
            errors.append(.init(field: "claims", message: "must be an array of claims"))
        }
        if !creating, claims.isEmpty, errors.isEmpty {
            errors.append(.init(field: "claims", message: "must hold at least one claim"))
        }
        guard errors.isEmpty else { throw .unprocessable(errors) }
        self.ref = ref
        self.claims = claims
    }
}
