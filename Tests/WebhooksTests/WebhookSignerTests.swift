import Foundation
import Testing
import Webhooks

@Suite struct WebhookSignerTests {
    // The Standard Webhooks specification's published test vector (also in the svix and
    // standard-webhooks libraries' tests); matching it is what makes their verifiers accept us.
    static let vectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let vectorID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let vectorTimestamp = 1_614_265_330
    static let vectorBody = Data(#"{"test": 2432232314}"#.utf8)
    static let vectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static let vectorNow = Date(timeIntervalSince1970: 1_614_265_330)

    let signer: WebhookSigner

    init() throws {
        signer = WebhookSigner(secret: try WebhookSecret(parsing: Self.vectorSecret))
    }

    @Test func signatureMatchesTheSpecificationTestVector() {
        let signature = signer.sign(id: Self.vectorID, timestamp: Self.vectorTimestamp, body: Self.vectorBody)
        #expect(signature == Self.vectorSignature)
    }

    @Test func signingTakesByteArraysAsWellAsData() {
        let signature = signer.sign(id: Self.vectorID, timestamp: Self.vectorTimestamp, body: Array(Self.vectorBody))
        #expect(signature == Self.vectorSignature)
    }

    @Test func specificationTestVectorVerifies() throws {
        try signer.verify(
            id: Self.vectorID, timestamp: String(Self.vectorTimestamp), signatures: Self.vectorSignature,
            body: Self.vectorBody, now: Self.vectorNow)
    }

    @Test func tamperedBodyFailsVerification() {
        let tampered = Data(#"{"test": 2432232315}"#.utf8)
        #expect(throws: SignatureVerificationError.noMatchingSignature) {
            try signer.verify(
                id: Self.vectorID, timestamp: String(Self.vectorTimestamp), signatures: Self.vectorSignature,
                body: tampered, now: Self.vectorNow)
        }
    }

    @Test func changedMessageIDFailsVerification() {
        #expect(throws: SignatureVerificationError.noMatchingSignature) {
            try signer.verify(
                id: "msg_other", timestamp: String(Self.vectorTimestamp), signatures: Self.vectorSignature,
                body: Self.vectorBody, now: Self.vectorNow)
        }
    }

    @Test func changedTimestampFailsVerification() {
        #expect(throws: SignatureVerificationError.noMatchingSignature) {
            try signer.verify(
                id: Self.vectorID, timestamp: String(Self.vectorTimestamp + 1), signatures: Self.vectorSignature,
                body: Self.vectorBody, now: Self.vectorNow)
        }
    }

    @Test func anotherSecretFailsVerification() {
        let other = WebhookSigner(secret: WebhookSecret.generate())
        #expect(throws: SignatureVerificationError.noMatchingSignature) {
            try other.verify(
                id: Self.vectorID, timestamp: String(Self.vectorTimestamp), signatures: Self.vectorSignature,
                body: Self.vectorBody, now: Self.vectorNow)
        }
    }

    @Test func anyMatchingSignatureAmongSeveralIsAccepted() throws {
        let header = "v1,Zm9yZ2VkIHNpZ25hdHVyZSBmb3IgYW4gb2xkIGtleQ== v1a,c29tZXRoaW5n \(Self.vectorSignature)"
        try signer.verify(
            id: Self.vectorID, timestamp: String(Self.vectorTimestamp), signatures: header,
            body: Self.vectorBody, now: Self.vectorNow)
    }

    @Test func signatureUnderAnotherVersionLabelIsIgnored() {
        let header = Self.vectorSignature.replacingOccurrences(of: "v1,", with: "v2,")
        #expect(throws: SignatureVerificationError.noMatchingSignature) {
            try signer.verify(
                id: Self.vectorID, timestamp: String(Self.vectorTimestamp), signatures: header,
                body: Self.vectorBody, now: Self.vectorNow)
        }
    }

    @Test(arguments: ["", "v1,", "v1", "garbage"])
    func emptyOrMalformedSignatureHeaderFails(header: String) {
        #expect(throws: SignatureVerificationError.noMatchingSignature) {
            try signer.verify(
                id: Self.vectorID, timestamp: String(Self.vectorTimestamp), signatures: header,
                body: Self.vectorBody, now: Self.vectorNow)
        }
    }

    @Test(arguments: [(-300.0, true), (300.0, true), (-301.0, false), (301.0, false)])
    func timestampIsAcceptedOnlyWithinFiveMinutes(offset: Double, accepted: Bool) {
        let now = Self.vectorNow.addingTimeInterval(offset)
        let result = Result { () throws(SignatureVerificationError) in
            try signer.verify(
                id: Self.vectorID, timestamp: String(Self.vectorTimestamp), signatures: Self.vectorSignature,
                body: Self.vectorBody, now: now)
        }
        switch (result, accepted) {
        case (.success, true): break
        case (.failure(let error), false): #expect(error == (offset > 0 ? .timestampTooOld : .timestampTooNew))
        default: Issue.record("offset \(offset): got \(result), expected accepted=\(accepted)")
        }
    }

    @Test(arguments: ["", "abc", "-1614265330", "+1614265330", " 1614265330", "1614265330.0", "99999999999999999999"])
    func nonNumericTimestampIsRejected(timestamp: String) {
        #expect(throws: SignatureVerificationError.invalidTimestamp) {
            try signer.verify(
                id: Self.vectorID, timestamp: timestamp, signatures: Self.vectorSignature,
                body: Self.vectorBody, now: Self.vectorNow)
        }
    }

    @Test func freshSignatureRoundTripsThroughVerify() throws {
        let secret = WebhookSecret.generate()
        let signer = WebhookSigner(secret: secret)
        let body = Data(#"{"type":"webhook.test","timestamp":"2026-11-22T10:04:10.120Z","data":{}}"#.utf8)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let signature = signer.sign(id: "msg_abc", timestamp: 1_795_000_000, body: body)
        #expect(signature.hasPrefix("v1,"))
        #expect(Data(base64Encoded: String(signature.dropFirst(3)))?.count == 32)
        try signer.verify(id: "msg_abc", timestamp: "1795000000", signatures: signature, body: body, now: now)
    }
}
