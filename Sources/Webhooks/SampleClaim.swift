import Common
import Foundation

/// The claim sent with `webhook.test`: shaped like real event data (API.md "Claim (response and
/// webhook data)"; for health cases every field of the pile payload in seed 001, with its types),
/// so a receiver's parser is exercised by the test button, not just its signature check. Ids are
/// 0 and refs start with `TEST-` so nobody mistakes it for a real claim.
enum SampleClaim {
    static func json(health: Bool, caseID: String, environment: String, now: Date) -> String {
        let time = quoted(RFC3339.format(now))
        let common = """
            "id":0,"ref":"TEST-0001","case_id":\(quoted(caseID)),"environment":\(quoted(environment)),\
            "received_at":\(time),"scored_at":\(time)
            """
        if health {
            return """
                {\(common),"pile_id":0,\
                "provider":{"id":17,"name":"Sample Clinic","code":"SMP-017"},\
                "encounter_date":"2026-11-01T00:00:00.000000Z","enrollee_id":99812,\
                "billed_amount":5000.0,"approved_amount":4000.0,"approval_status":1,"vetted_at":\(time),\
                "score":1000,"determination":"pass","deductions":[],\
                "diagnoses":[{"name":"Malaria","icd_code":"B54"}],\
                "items":[{"ref":"TEST-it-1","description":"Artemether/Lumefantrine 80/480","code":"DRG-0042",\
                "unit_price_billed":2500,"unit_price_approved":2000,"qty_billed":2,"qty_approved":2,\
                "sub_total_billed":5000,"sub_total_approved":4000,\
                "comments":["unit price reduced to tariff 2000"],"approval_status":1}]}
                """
        }
        return """
            {\(common),"pile_id":null,\
            "claimant":{"first_name":"Test","last_name":"Claimant","email":"test@example.com",\
            "phone":"+15555550123","address":{"line1":"1 Main St","line2":"","city":"Springfield",\
            "region":"IL","postal_code":"62701","country":"US"},"payout":{"method":"ach","account":"********6789"}},\
            "amount_claimed":25.0,"score":850,"determination":"pass",\
            "deductions":[{"code":"IP_VELOCITY","points":150,"detail":"4 claims from 203.0.113.7 in 1 h"}]}
            """
    }

    /// A JSON string literal; the values here are ids and fixed words, but escaping keeps the
    /// document valid whatever they hold.
    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
