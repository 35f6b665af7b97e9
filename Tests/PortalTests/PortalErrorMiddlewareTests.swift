import Database
import HTTP
import Logging
import Testing
import Webhooks

@testable import Portal

/// Whatever a portal page throws becomes an HTML page with the right status, never problem+json.
struct PortalErrorMiddlewareTests {
    final class Context: PortalContext {
        let db = Connection(config: DatabaseConfig())
        let logger = Logger(label: "test")
        let portalSettings: PortalSettings
        var classified: [String] = []

        init() throws {
            portalSettings = PortalSettings(
                secretBox: try SecretBox(keyBytes: Array(repeating: 7, count: 32)), addressPolicy: AddressPolicy(),
                serverKey: Array(repeating: 7, count: 32), sessionHours: 1, secureCookies: false)
        }

        func failure(for error: any Error, request: Request) -> ServerFailure {
            classified.append("\(error)")
            if case DatabaseError.unavailable = error { return .unavailable("The database is unavailable.") }
            return .internalError
        }
    }

    private func answer(_ error: any Error) throws -> (Response, Context) {
        let context = try Context()
        let response = try PortalErrorMiddleware<Context>().handle(
            Request(method: "GET", path: "/orgs/x/cases/y/audit-log"), context: context
        ) { _, _ in throw error }
        return (response, context)
    }

    private func isHTML(_ response: Response) -> Bool {
        response.headers["content-type"]?.hasPrefix("text/html") == true
    }

    @Test func aDatabaseOutageIsThe503PageWithRetryAfter() throws {
        let (response, context) = try answer(DatabaseError.unavailable("socket gone"))
        #expect(response.status == 503 && isHTML(response))
        #expect(response.headers["retry-after"] == "1")
        #expect(String(decoding: response.body, as: UTF8.self).contains("Temporarily unavailable"))
        #expect(context.classified.count == 1, "the application classifies (and logs) it once")
    }

    @Test func anUnexpectedErrorIsThe500PageThatSaysNothingInternal() throws {
        struct Boom: Error {}
        let (response, _) = try answer(Boom())
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(response.status == 500 && isHTML(response))
        #expect(!body.contains("Boom"))
    }

    @Test func clientErrorsFromBelowKeepTheirStatusAsAPage() throws {
        let (tooLarge, _) = try answer(HTTPError.payloadTooLarge(limit: 10))
        #expect(tooLarge.status == 413 && isHTML(tooLarge))
        let (missing, _) = try answer(HTTPError.notFound())
        #expect(missing.status == 404 && isHTML(missing))
    }

    @Test func portalErrorsRenderThemselves() throws {
        let (forbidden, _) = try answer(PortalError.forbidden)
        #expect(forbidden.status == 403 && isHTML(forbidden))
        let (signIn, _) = try answer(PortalError.signInRequired(returnTo: "/orgs/x"))
        #expect(signIn.status == 303 && signIn.headers["location"]?.hasPrefix("/login?next=") == true)
    }
}
