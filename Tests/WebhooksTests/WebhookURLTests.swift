import Testing
import Webhooks

@Suite struct WebhookURLTests {
    let policy = AddressPolicy()

    @Test(arguments: [
        ("https://hooks.example.com/claimscore", "https://hooks.example.com/claimscore"),
        ("http://example.com", "http://example.com"),
        ("HTTPS://Hooks.Example.COM:8443/In?Token=AbC", "https://hooks.example.com:8443/In?Token=AbC"),
        ("  https://example.com/x  \n", "https://example.com/x"),
        ("https://93.184.215.14/hook", "https://93.184.215.14/hook"),
        ("https://[2606:4700:4700::1111]:443/hook", "https://[2606:4700:4700::1111]:443/hook"),
        ("https://example.com/path/@user?q=a@b", "https://example.com/path/@user?q=a@b"),
        ("https://my_host.example.com./x", "https://my_host.example.com./x"),
        ("https://example.com?x=1", "https://example.com?x=1"),
        ("https://example.com:65535/", "https://example.com:65535/"),
        ("https://xn--bcher-kva.example/", "https://xn--bcher-kva.example/"),
    ])
    func acceptableURLsAreNormalised(input: String, stored: String) throws {
        let url = try WebhookURL(validating: input, policy: policy)
        #expect(url.absoluteString == stored)
    }

    @Test func partsAreExposedForTheHTTPClient() throws {
        let url = try WebhookURL(validating: "HTTPS://[2606:4700::1]:8443/x", policy: policy)
        #expect(url.scheme == "https")
        #expect(url.host == "2606:4700::1")
        #expect(url.port == 8443)
        #expect(url.address == IPAddress("2606:4700::1"))
        let named = try WebhookURL(validating: "http://example.com/x", policy: policy)
        #expect(named.port == nil && named.address == nil && named.host == "example.com")
    }

    @Test(arguments: [
        ("", WebhookURLError.missing),
        ("   ", .missing),
        ("ftp://example.com/", .unsupportedScheme),
        ("example.com/hook", .unsupportedScheme),
        ("javascript:alert(1)", .unsupportedScheme),
        ("https:/example.com", .unsupportedScheme),
        ("https://exa mple.com/", .invalidCharacter),
        ("https://example.com/a b", .invalidCharacter),
        ("https://example.com\\@127.0.0.1/", .invalidCharacter),
        ("https://bücher.example/", .invalidCharacter),
        ("https://example.com/\u{0}", .invalidCharacter),
        ("https://example.com/#frag", .containsFragment),
        ("https://example.com#@127.0.0.1", .containsFragment),
        ("https://user:pass@example.com/", .containsCredentials),
        ("https://user@example.com/", .containsCredentials),
        ("https://example.com@127.0.0.1/", .containsCredentials),
        ("https://", .missingHost),
        ("https:///path", .missingHost),
        ("https://:443/", .missingHost),
        ("https://exa%6Dple.com/", .invalidHost),
        ("https://-example.com/", .invalidHost),
        ("https://example..com/", .invalidHost),
        ("https://::1/", .invalidHost),
        ("https://[::1/", .invalidHost),
        ("https://[127.0.0.1]/", .invalidHost),
        ("https://[fe80::1%25eth0]/", .invalidHost),
        ("https://[2606:4700::1]x/", .invalidHost),
        ("https://127.1/", .nonStandardIPAddress),
        ("https://2130706433/", .nonStandardIPAddress),
        ("https://0x7f000001/", .nonStandardIPAddress),
        ("https://0x7f.0.0.1/", .nonStandardIPAddress),
        ("https://1.2.3.4.5/", .nonStandardIPAddress),
        ("https://example.com:0/", .invalidPort),
        ("https://example.com:65536/", .invalidPort),
        ("https://example.com:/", .invalidPort),
        ("https://example.com:8o/", .invalidPort),
        ("https://example.com:000443/", .invalidPort),
        ("https://[2606:4700::1]:/", .invalidPort),
    ])
    func unacceptableURLsAreRefusedWithTheRightError(input: String, error: WebhookURLError) {
        #expect(throws: error) { try WebhookURL(validating: input, policy: policy) }
    }

    @Test func overlongURLIsRefused() throws {
        let base = "https://example.com/"
        let fits = base + String(repeating: "a", count: 2000 - base.count)
        #expect(try WebhookURL(validating: fits, policy: policy).absoluteString == fits)
        #expect(throws: WebhookURLError.tooLong) { try WebhookURL(validating: fits + "a", policy: policy) }
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address"),
        ("http://[::1]/hook", "::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/hook", "::ffff:127.0.0.1 is a loopback address"),
        ("http://0.0.0.0/", "0.0.0.0 is the unspecified address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
        ("https://192.168.0.10/", "192.168.0.10 is a private address"),
        ("http://localhost:3000/", "localhost is a loopback address"),
        ("http://api.LOCALHOST./", "api.localhost. is a loopback address"),
    ])
    func nonPublicLiteralHostsAreRefusedAtSaveTime(input: String, detail: String) {
        #expect(throws: WebhookURLError.addressNotAllowed(detail: detail)) {
            try WebhookURL(validating: input, policy: policy)
        }
    }

    @Test func allowListedLoopbackIsAcceptedAtSaveTime() throws {
        let policy = try AddressPolicy(allowList: "127.0.0.0/8, ::1/128")
        #expect(try WebhookURL(validating: "http://127.0.0.1:8080/hook", policy: policy).port == 8080)
        #expect(try WebhookURL(validating: "http://[::1]/hook", policy: policy).host == "::1")
        #expect(try WebhookURL(validating: "http://localhost:3000/", policy: policy).host == "localhost")
        #expect(throws: WebhookURLError.self) { try WebhookURL(validating: "http://10.0.0.1/", policy: policy) }
    }

    @Test func errorMessagesAreSentencesForTheForm() {
        #expect(WebhookURLError.unsupportedScheme.message == "URL must start with http:// or https://")
        #expect(WebhookURLError.containsCredentials.message == "URL must not contain a user name or password")
        #expect(WebhookURLError.tooLong.message == "URL must be at most 2000 characters long")
        #expect(
            WebhookURLError.addressNotAllowed(detail: "127.0.0.1 is a loopback address").message
                == "URL must point to a public address: 127.0.0.1 is a loopback address")
        #expect("\(WebhookURLError.invalidPort)" == WebhookURLError.invalidPort.message)
    }
}
