import Foundation
import JSON
import Scoring

/// Decodes a case's stored settings JSON into `CaseSettings` with the engine's own validation.
public enum CaseSettingsLoader {
    public static func decode(_ json: String) throws(CaseSettingsError) -> CaseSettings {
        do {
            return try JSONDecoder().decode(CaseSettings.self, from: Data(json.utf8))
        } catch let error as CaseSettingsError {
            throw error
        } catch {
            throw .wrongType(field: "(settings)", expected: "a JSON object of case settings")
        }
    }

    /// Merges a tariff CSV (`code,unit_price,max_qty` with an optional header) into settings JSON.
    public static func merge(tariffCSV: String, into json: String) throws -> String {
        guard var object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw CaseSettingsError.wrongType(field: "(settings)", expected: "a JSON object")
        }
        var tariff = object["tariff"] as? [String: Any] ?? [:]
        for (number, line) in tariffCSV.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if number == 0, fields.first?.lowercased() == "code" { continue }
            guard fields.count == 3, !fields[0].isEmpty, let price = Int(fields[1]), let quantity = Int(fields[2])
            else {
                throw CaseSettingsError.invalidTariffEntry(
                    code: "line \(number + 1)", reason: "expected code,unit_price,max_qty with whole numbers")
            }
            tariff[fields[0]] = ["unit_price": price, "max_qty": quantity]
        }
        object["tariff"] = tariff
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
