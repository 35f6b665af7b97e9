import Testing

@testable import Scoring

/// The hand-written validators that replace regular expressions on the hot path.
struct ValidatorTests {
    @Test(
        "Valid email addresses are accepted",
        arguments: ["a@b.co", "ada.obi+x@example.com", "o'brien@sub.example.co.uk", "ü@exämple.de", " x@y.io "])
    func validEmails(email: String) {
        #expect(Validators.isValidEmail(email))
    }

    @Test(
        "Malformed email addresses are refused",
        arguments: [
            "", "plain", "@example.com", "a@", "a@b", "a@@b.com", ".a@b.com", "a.@b.com", "a..b@c.com", "a b@c.com",
            "a@-b.com", "a@b-.com", "a@b..com", "a@b.c", "a@b.123", "a@b.com.",
            String(repeating: "x", count: 65) + "@b.com",
        ])
    func malformedEmails(email: String) {
        #expect(!Validators.isValidEmail(email))
    }

    @Test(
        "E.164-like phones are accepted",
        arguments: [
            "+15555550123", "+44 20 7946 0958", "(555) 555-0123", "555.555.0123", "5550123", "+123456789012345",
        ])
    func validPhones(phone: String) {
        #expect(Validators.isValidPhone(phone))
    }

    @Test(
        "Malformed phones are refused",
        arguments: [
            "", "555012", "+1234567890123456", "+0 555 555 0123", "555-CALL-NOW", "1+5555550123", "++15555550123",
            "555_555_0123",
        ])
    func malformedPhones(phone: String) {
        #expect(!Validators.isValidPhone(phone))
    }

    @Test(
        "Well-formed ICD-10 codes match ^[A-TV-Z][0-9][0-9AB](\\.?[0-9A-TV-Z]{1,4})?$",
        arguments: ["B54", "A00", "A01.0", "A010", "S52.521A", "S52521A", "O9A.11", "Z99.89", "c50.9"])
    func validICD10(code: String) {
        #expect(Validators.isValidICD10(code))
    }

    @Test(
        "Malformed ICD-10 codes are refused",
        arguments: ["", "B5", "U07.1", "5B4", "BB4", "B5C", "B54.", "B54.12345", "B54..1", "B54.U", "B54-1", "B54 1"])
    func malformedICD10(code: String) {
        #expect(!Validators.isValidICD10(code))
    }

    @Test("Detail formatting: durations, amounts and dates read as people write them")
    func detailFormatting() {
        #expect(DetailFormat.duration(3600) == "1 h")
        #expect(DetailFormat.duration(1800) == "30 min")
        #expect(DetailFormat.duration(172_800) == "2 d")
        #expect(DetailFormat.duration(90) == "90 s")
        #expect(DetailFormat.amount(12500) == "12500.00")
        #expect(DetailFormat.amount(0.105) == "0.11")
        #expect(DetailFormat.amount(-2.5) == "-2.50")
        #expect(DetailFormat.date(0) == "1970-01-01")
        #expect(DetailFormat.date(951_782_400) == "2000-02-29")
        #expect(DetailFormat.date(-86_400) == "1969-12-31")
        #expect(DetailFormat.floor(-0.5) == -1)
    }
}
