import Testing

@testable import HTTP

struct FormAndCookieTests {
    @Test func formDecodingHandlesPlusPercentAndRepeatedFields() throws {
        var request = Request(method: "POST", path: "/")
        request.headers.set("content-type", "application/x-www-form-urlencoded")
        request.body = Array("name=Ada+Obi&note=caf%C3%A9%20%26+co&role=a&role=b&empty=".utf8)
        let form = try FormData.decode(request)
        #expect(form["name"] == "Ada Obi")
        #expect(form["note"] == "café & co")
        #expect(form.values("role") == ["a", "b"])
        #expect(form["empty"] == "")
        #expect(form["missing"] == nil)
    }

    @Test func formDecodingRejectsOtherContentTypes() {
        var request = Request(method: "POST", path: "/")
        request.headers.set("content-type", "application/json")
        #expect(throws: HTTPError.self) { try FormData.decode(request) }
    }

    @Test func formDecodingRejectsInvalidUTF8() {
        var request = Request(method: "POST", path: "/")
        request.headers.set("content-type", "application/x-www-form-urlencoded")
        request.body = Array("name=%FF%FE".utf8)
        #expect(throws: HTTPError.self) { try FormData.decode(request) }
    }

    @Test func setCookieIsHttpOnlyLaxAndSecureOnlyWhenAsked() {
        let plain = Cookies.setCookie(name: "sid", value: "v", maxAge: 60, secure: false)
        #expect(plain == "sid=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60")
        #expect(Cookies.setCookie(name: "sid", value: "v", maxAge: nil, secure: true).hasSuffix("; Secure"))
    }

    @Test func headersAreCaseInsensitiveAndSetReplaces() {
        var headers = Headers()
        headers.add("Set-Cookie", "a=1")
        headers.add("set-cookie", "b=2")
        #expect(headers.values("SET-COOKIE") == ["a=1", "b=2"])
        headers.set("Content-Type", "text/html")
        headers.set("content-type", "application/json")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers.values("content-type").count == 1)
    }
}
