import API
import App
import HTTP
import JSON
import Testing

/// The served OpenAPI document and the router cannot drift apart: every `/api/` route is in the
/// document with its method, and the document names no operation the router does not serve.
struct OpenAPICoverageTests {
    /// `/api/v1/orgs/:org/cases/:case` and `/api/v1/orgs/{org_id}/cases/{case_id}` both become
    /// `/api/v1/orgs/{}/cases/{}`: the parameter names differ, their places must not.
    static func shape(_ path: String) -> String {
        path.split(separator: "/").map { piece in
            piece.hasPrefix(":") || piece.hasPrefix("{") ? "{}" : String(piece)
        }.joined(separator: "/")
    }

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    /// (method, shape) of every operation in the served document.
    static func documented() throws -> Set<String> {
        guard case .object(let root) = try JSONParser.parse(OpenAPIDocument.render(), limits: .trusted),
            case .object(let paths)? = root["paths"]
        else { throw HTTPError.badRequest("the OpenAPI document has no paths") }
        var operations: Set<String> = []
        for (path, item) in paths.entries {
            guard case .object(let item) = item else { continue }
            for method in item.keys where methods.contains(method) {
                operations.insert(method.uppercased() + " " + shape(path))
            }
        }
        return operations
    }

    static func served() -> Set<String> {
        Set(
            Routes.make().registered.filter { $0.pattern.hasPrefix("/api/") }.map {
                $0.method + " " + shape($0.pattern)
            })
    }

    @Test func everyAPIRouteIsDocumentedWithItsMethod() throws {
        let documented = try Self.documented()
        let missing = Self.served().subtracting(documented).sorted()
        #expect(missing.isEmpty, "routes missing from openapi.json: \(missing)")
        #expect(Self.served().count >= 11)
    }

    @Test func theDocumentDescribesNoOperationTheRouterDoesNotServe() throws {
        let phantom = try Self.documented().subtracting(Self.served()).sorted()
        #expect(phantom.isEmpty, "documented but not routed: \(phantom)")
    }

    @Test func everyOperationDocumentsTheErrorsEveryRequestCanMeet() throws {
        guard case .object(let root) = try JSONParser.parse(OpenAPIDocument.render(), limits: .trusted),
            case .object(let paths)? = root["paths"]
        else { throw HTTPError.badRequest("the OpenAPI document has no paths") }
        for (path, item) in paths.entries {
            guard case .object(let item) = item else { continue }
            for (method, operation) in item.entries where Self.methods.contains(method) {
                guard case .object(let operation) = operation, case .object(let responses)? = operation["responses"]
                else {
                    Issue.record("\(method) \(path) has no responses")
                    continue
                }
                // Any request can be too large (checked before routing) or meet an outage.
                #expect(responses["413"] != nil, "\(method) \(path) lacks 413")
                #expect(responses["503"] != nil, "\(method) \(path) lacks 503")
                if path.hasPrefix("/api/v1/orgs/") {
                    for status in ["400", "401", "404", "429", "500"] {
                        #expect(responses[status] != nil, "\(method) \(path) lacks \(status)")
                    }
                }
            }
        }
    }
}
