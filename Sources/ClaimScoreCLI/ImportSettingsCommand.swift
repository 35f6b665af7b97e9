import API
import App
import ArgumentParser
import Claims
import Database
import Foundation
import Tenancy

/// `claimscore import-settings`: load a case's scoring settings (JSON) and tariff (CSV).
struct ImportSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-settings",
        abstract: "Replace a case's scoring settings from a JSON file and, optionally, its tariff from a CSV file.",
        discussion: """
            Examples are in sql/examples/. The JSON is validated by the scoring engine before it is stored;
            the CSV has the columns code,unit_price,max_qty and is merged into the JSON's "tariff".
            """)

    @OptionGroup var options: ConfigOptions
    @Option(help: "Organization id (UUID).") var org: String
    @Option(name: .customLong("case"), help: "Case id (UUID).") var caseID: String
    @Option(help: "Settings JSON file.") var settings: String?
    @Option(help: "Tariff CSV file (code,unit_price,max_qty).") var tariff: String?

    func run() throws {
        let config = try options.load()
        Database.libraryInit()
        let db = Connection(config: config.database)
        defer { db.close() }
        let tenants = TenantStore(db: db)
        guard let record = try tenants.caseRecord(orgID: org.lowercased(), caseID: caseID.lowercased()) else {
            throw ValidationError("No case \(caseID) in organization \(org).")
        }
        var json = record.settingsJSON
        if let settings { json = try String(contentsOfFile: settings, encoding: .utf8) }
        if let tariff {
            json = try CaseSettingsLoader.merge(tariffCSV: String(contentsOfFile: tariff, encoding: .utf8), into: json)
        }
        do {
            _ = try CaseSettingsLoader.decode(json)
        } catch {
            throw ValidationError("Settings refused at \(error.field): \(error.description)")
        }
        try tenants.updateSettings(orgID: record.orgID, caseID: record.id, settingsJSON: json)
        print("settings stored for case \(record.name) (\(record.id))")
    }
}
