import Database
import Foundation
import Tenancy
import TestSupport
import Testing

/// `claimscore import-settings` refuses every out-of-range setting with a message naming the
/// key and stores nothing; `window_seconds: 1e13` once passed and killed the process on the next
/// claim.
@Suite(.enabled(if: TestEnvironment.hasStack, "needs the test stack (.ci/test)"), .serialized)
struct SettingsImportTests {
    let binary = ProcessInfo.processInfo.environment["CLAIMSCORE_TEST_BIN"] ?? ""
    let config = ProcessInfo.processInfo.environment["CLAIMSCORE_TEST_CONFIG"] ?? ""

    /// Exit status and standard error of one import.
    private func importSettings(_ json: String, into tenant: PortalFixture.Tenant) throws -> (Int32, String) {
        let directory = FileManager.default.temporaryDirectory
        let file = directory.appendingPathComponent("settings-\(UUID().uuidString).json")
        let errors = directory.appendingPathComponent("settings-\(UUID().uuidString).err")
        try json.write(to: file, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(at: file)
            try? FileManager.default.removeItem(at: errors)
        }
        let command = [
            binary, "import-settings", "--config", config, "--org", tenant.org.id, "--case", tenant.caseRecord.id,
            "--settings", file.path,
        ].map { "'\($0)'" }.joined(separator: " ")
        let status = TestEnvironment.run(["/bin/bash", "-c", "\(command) </dev/null >/dev/null 2>'\(errors.path)'"])
        return (status, (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    @Test(
        arguments: [
            (#"{"checks": {"IP_VELOCITY": {"window_seconds": 1e13}}}"#, "IP_VELOCITY"),
            (#"{"checks": {"IP_VELOCITY": {"points": 5000}}}"#, "checks.IP_VELOCITY.points"),
            (#"{"amount_cap": 1e15}"#, "amount_cap"),
            (#"{"encounter_max_age_days": 100000}"#, "encounter_max_age_days"),
            (#"{"claim_window": {"start": 1e17}}"#, "claim_window.start"),
            (#"{"tariff": {"X": {"unit_price": 10, "max_qty": 5000000}}}"#, "tariff.X.max_qty"),
        ])
    func outOfRangeSettingsAreRefusedNamingTheKey(json: String, key: String) throws {
        let tenant = try PortalFixture.tenant()
        let before = try TenantStore(db: TestDatabase.connect()).caseRecord(
            orgID: tenant.org.id, caseID: tenant.caseRecord.id)?.settingsJSON
        let (status, message) = try importSettings(json, into: tenant)
        #expect(status != 0)
        #expect(message.contains(key), "\(message)")
        let after = try TenantStore(db: TestDatabase.connect()).caseRecord(
            orgID: tenant.org.id, caseID: tenant.caseRecord.id)?.settingsJSON
        #expect(after == before)
    }

    @Test func inRangeSettingsAreStored() throws {
        let tenant = try PortalFixture.tenant()
        let json = #"{"checks": {"IP_VELOCITY": {"window_seconds": 315360000}}}"#
        let (status, message) = try importSettings(json, into: tenant)
        #expect(status == 0, "\(message)")
        let stored = try TenantStore(db: TestDatabase.connect()).caseRecord(
            orgID: tenant.org.id, caseID: tenant.caseRecord.id)?.settingsJSON
        #expect(stored == json)
    }
}
