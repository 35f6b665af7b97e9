import Common
import JSON
import Scoring

/// The health-claim half of validation: provider, enrollee, encounter, diagnoses and items.
enum HealthReader {
    static func read(_ root: JSONObject, _ reader: inout FieldReader, _ echo: inout JSONObject) -> HealthClaim {
        var claim = HealthClaim()
        if let provider = reader.object(root["provider"], "provider") {
            reader.onlyKeys(provider, ["id", "name", "code"], "provider")
            var out = JSONObject()
            if let id = reader.integer(provider["id"], "provider.id", range: 0...Int64(Int32.max)) {
                claim.providerId = Int(id)
                out["id"] = .int(id)
            }
            if let name = reader.string(provider["name"], "provider.name", max: 200) { out["name"] = .string(name) }
            if let code = reader.string(provider["code"], "provider.code", max: 50) {
                claim.providerCode = code
                out["code"] = .string(code)
            }
            echo["provider"] = .object(out)
        }
        if let enrollee = reader.integer(root["enrollee_id"], "enrollee_id", range: 0...Int64(Int32.max)) {
            claim.enrolleeId = Int(enrollee)
            echo["enrollee_id"] = .int(enrollee)
        }
        if let micros = reader.timestamp(root["encounter_date"], "encounter_date") {
            claim.encounterDate = Double(micros) / 1_000_000
            echo["encounter_date"] = .string(Timestamp.format(micros: micros))
        }
        if let billed = reader.amount(root["billed_amount"], "billed_amount") {
            claim.billedAmount = billed
            echo["billed_amount"] = .double(billed)
        }
        var diagnoses: [JSONValue] = []
        for (index, value) in reader.array(root["diagnoses"], "diagnoses", max: 50).enumerated() {
            let path = "diagnoses[\(index)]"
            guard let object = reader.object(value, path) else {
                reader.fail(path, "must be an object")
                continue
            }
            reader.onlyKeys(object, ["name", "icd_code"], path)
            let name = reader.string(object["name"], "\(path).name", max: 200)
            let code = reader.string(object["icd_code"], "\(path).icd_code", max: 16)
            claim.diagnoses.append(Diagnosis(name: name, icdCode: code))
            diagnoses.append(
                .object(
                    JSONObject([
                        ("name", name.map(JSONValue.string) ?? .null),
                        ("icd_code", code.map(JSONValue.string) ?? .null),
                    ])))
        }
        if root["diagnoses"] != nil { echo["diagnoses"] = .array(diagnoses) }
        var items: [JSONValue] = []
        for (index, value) in reader.array(root["items"], "items", max: ClaimValidator.maxItems).enumerated() {
            let path = "items[\(index)]"
            guard let object = reader.object(value, path) else {
                reader.fail(path, "must be an object")
                continue
            }
            reader.onlyKeys(object, ["ref", "description", "code", "unit_price_billed", "qty_billed"], path)
            let ref = reader.string(object["ref"], "\(path).ref", max: 100)
            let description = reader.string(object["description"], "\(path).description", max: 500)
            let code = reader.string(object["code"], "\(path).code", max: 50)
            let price = reader.integer(
                object["unit_price_billed"], "\(path).unit_price_billed", range: 0...FieldReader.maxUnitPrice,
                required: true)
            let quantity = reader.integer(
                object["qty_billed"], "\(path).qty_billed", range: 1...FieldReader.maxQuantity, required: true)
            guard let price, let quantity else { continue }
            claim.items.append(
                HealthItem(
                    ref: ref, description: description, code: code, unitPriceBilled: Int(price),
                    qtyBilled: Int(quantity)))
            items.append(
                .object(
                    JSONObject([
                        ("ref", ref.map(JSONValue.string) ?? .null),
                        ("description", description.map(JSONValue.string) ?? .null),
                        ("code", code.map(JSONValue.string) ?? .null), ("unit_price_billed", .int(price)),
                        ("qty_billed", .int(quantity)),
                    ])))
        }
        if root["items"] != nil { echo["items"] = .array(items) }
        return claim
    }
}
