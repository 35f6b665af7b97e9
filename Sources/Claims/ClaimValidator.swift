import Common
import JSON
import Scoring
import Webhooks

/// Turns a request body into a `ValidatedClaim` or one `ClaimValidationError` listing every bad field.
///
/// Wrong types, malformed timestamps or IPs and oversize values are refused; an email or phone
/// that is a string but not a plausible address is kept, because the engine scores it
/// (MALFORMED_EMAIL / MALFORMED_PHONE) — a fraud signal, not a client bug.
public struct ClaimValidator: Sendable {
    static let commonKeys: Set<String> = ["ref", "attributes"]
    static let settlementKeys: Set<String> = ["claimant", "submission", "amount_claimed"]
    static let healthKeys: Set<String> = [
        "provider", "enrollee_id", "encounter_date", "billed_amount", "diagnoses", "items",
    ]

    /// The most items a health claim may have; also bounds item positions in review URLs.
    public static let maxItems = 500

    let protector: PayoutProtector

    public init(protector: PayoutProtector) { self.protector = protector }

    public func validate(_ body: JSONValue, claimType: ClaimType) throws(ClaimValidationError) -> ValidatedClaim {
        var reader = FieldReader()
        guard case .object(let root) = body else {
            throw ClaimValidationError([.init(field: "(body)", message: "must be a JSON object")])
        }
        let own = claimType == .settlement ? Self.settlementKeys : Self.healthKeys
        let other = claimType == .settlement ? Self.healthKeys : Self.settlementKeys
        for key in root.keys where !own.contains(key) && !Self.commonKeys.contains(key) {
            reader.fail(
                key, other.contains(key) ? "is not used by \(claimType.rawValue) cases" : "is not a known field")
        }
        let ref = reader.string(root["ref"], "ref", max: 100, required: true)
        var echo = JSONObject()
        var canonical = JSONObject()
        echo["ref"] = ref.map(JSONValue.string)
        let claim: Claim
        switch claimType {
        case .settlement:
            claim = .settlement(settlement(root, &reader, &echo, &canonical))
        case .health:
            claim = .health(HealthReader.read(root, &reader, &echo))
        }
        let attributes = self.attributes(root["attributes"], &reader)
        if let attributes { echo["attributes"] = .object(attributes) }
        guard reader.errors.isEmpty, let ref else { throw ClaimValidationError(reader.errors) }
        for entry in echo.entries where canonical[entry.key] == nil { canonical[entry.key] = entry.value }
        let contentHash = Hashing.sha256(JSONWriter.bytes(.object(canonical), sortedKeys: true))
        return ValidatedClaim(ref: ref, claim: claim, echo: echo, contentHash: contentHash)
    }

    private func settlement(
        _ root: JSONObject, _ reader: inout FieldReader, _ echo: inout JSONObject, _ canonical: inout JSONObject
    ) -> SettlementClaim {
        var result = SettlementClaim()
        if let claimant = reader.object(root["claimant"], "claimant") {
            reader.onlyKeys(claimant, ["first_name", "last_name", "email", "phone", "address", "payout"], "claimant")
            var out = JSONObject()
            result.firstName = text(claimant, "first_name", "claimant", 100, &reader, &out)
            result.lastName = text(claimant, "last_name", "claimant", 100, &reader, &out)
            result.email = text(claimant, "email", "claimant", 254, &reader, &out)
            result.phone = text(claimant, "phone", "claimant", 40, &reader, &out)
            if let address = reader.object(claimant["address"], "claimant.address") {
                let keys = ["line1", "line2", "city", "region", "postal_code", "country"]
                reader.onlyKeys(address, Set(keys), "claimant.address")
                var addressOut = JSONObject()
                var values: [String: String] = [:]
                for key in keys {
                    values[key] = text(
                        address, key, "claimant.address", key == "country" ? 60 : 200, &reader, &addressOut)
                }
                result.address = Address(
                    line1: values["line1"], line2: values["line2"], city: values["city"], region: values["region"],
                    postalCode: values["postal_code"], country: values["country"])
                out["address"] = .object(addressOut)
            }
            var canonicalClaimant = out
            if let payout = reader.object(claimant["payout"], "claimant.payout") {
                reader.onlyKeys(payout, ["method", "account"], "claimant.payout")
                var payoutOut = JSONObject()
                var payoutCanonical = JSONObject()
                result.payoutMethod = text(payout, "method", "claimant.payout", 40, &reader, &payoutOut)
                payoutCanonical["method"] = payoutOut["method"]
                if let account = reader.string(payout["account"], "claimant.payout.account", max: 64) {
                    result.payoutAccountHash = protector.hash(account)
                    payoutOut["account"] = .string(protector.mask(account))
                    payoutCanonical["account_hash"] = .string(protector.hash(account))
                }
                out["payout"] = .object(payoutOut)
                canonicalClaimant["payout"] = .object(payoutCanonical)
            }
            echo["claimant"] = .object(out)
            canonical["claimant"] = .object(canonicalClaimant)
        }
        if let submission = reader.object(root["submission"], "submission") {
            let keys: Set<String> = ["ip", "user_agent", "form_started_at", "submitted_at", "device_id", "source"]
            reader.onlyKeys(submission, keys, "submission")
            var out = JSONObject()
            if let ip = reader.string(submission["ip"], "submission.ip", max: 45) {
                if IPAddress(ip) == nil {
                    reader.fail("submission.ip", "must be an IPv4 or IPv6 address")
                } else {
                    result.ip = ip
                    out["ip"] = .string(ip)
                }
            }
            result.userAgent = text(submission, "user_agent", "submission", 1000, &reader, &out)
            result.formStartedAt = time(submission, "form_started_at", "submission", &reader, &out)
            result.submittedAt = time(submission, "submitted_at", "submission", &reader, &out)
            result.deviceId = text(submission, "device_id", "submission", 200, &reader, &out)
            result.source = text(submission, "source", "submission", 200, &reader, &out)
            echo["submission"] = .object(out)
        }
        if let amount = reader.amount(root["amount_claimed"], "amount_claimed") {
            result.amountClaimed = amount
            echo["amount_claimed"] = .double(amount)
        }
        return result
    }

    private func text(
        _ object: JSONObject, _ key: String, _ parent: String, _ max: Int, _ reader: inout FieldReader,
        _ out: inout JSONObject
    ) -> String? {
        let value = reader.string(object[key], "\(parent).\(key)", max: max)
        if let value { out[key] = .string(value) }
        return value
    }

    private func time(
        _ object: JSONObject, _ key: String, _ parent: String, _ reader: inout FieldReader, _ out: inout JSONObject
    ) -> Double? {
        guard let micros = reader.timestamp(object[key], "\(parent).\(key)") else { return nil }
        out[key] = .string(Timestamp.format(micros: micros))
        return Double(micros) / 1_000_000
    }

    /// At most 50 string, number or boolean values.
    private func attributes(_ value: JSONValue?, _ reader: inout FieldReader) -> JSONObject? {
        guard let object = reader.object(value, "attributes") else { return nil }
        guard object.count <= 50 else {
            reader.fail("attributes", "must have at most 50 entries")
            return nil
        }
        for (key, entry) in object.entries {
            let path = "attributes.\(key)"
            if key.isEmpty || key.unicodeScalars.count > 64 { reader.fail(path, "names must be 1 to 64 characters") }
            switch entry {
            case .string(let text) where text.unicodeScalars.count > 500:
                reader.fail(path, "must be at most 500 characters")
            case .string, .int, .double, .bool: break
            default: reader.fail(path, "must be a string, number or boolean")
            }
        }
        return object
    }
}
