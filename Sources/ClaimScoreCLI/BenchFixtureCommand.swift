import App
import ArgumentParser
import Database
import Foundation
import Tenancy

/// `claimscore bench-fixture`: an organization with a settlement and a health case and a
/// production key, for the benchmark; prints shell assignments.
struct BenchFixtureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-fixture", abstract: "Create a benchmark organization, two cases and a key; print them.",
        shouldDisplay: false)

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let config = try options.load()
        Database.libraryInit()
        let db = Connection(config: config.database)
        defer { db.close() }
        let tenants = TenantStore(db: db)
        let org = try tenants.createOrganization(name: "Benchmark \(UUID().uuidString.prefix(8))")
        let settlement = try tenants.createCase(orgID: org.id, name: "Bench Settlement", claimType: .settlement)
        let tariff =
            #"{"tariff": {"DRG-0042": {"unit_price": 2000, "max_qty": 3}, "LAB-0001": {"unit_price": 1500, "max_qty": 1}}}"#
        let health = try tenants.createCase(
            orgID: org.id, name: "Bench Health", claimType: .health, settingsJSON: tariff)
        let key = try ApiKeyStore(db: db).create(
            orgID: org.id, environment: .production, name: "Benchmark", description: "", createdBy: nil)
        print("BENCH_ORG=\(org.id)")
        print("BENCH_SETTLEMENT=\(settlement.id)")
        print("BENCH_HEALTH=\(health.id)")
        print("BENCH_KEY=\(key.plaintext)")
    }
}
