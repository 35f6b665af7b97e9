import App
import ArgumentParser
import Database

/// `claimscore migrate`: apply pending `sql/NNN_*.sql` files.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending migrations from sql/, refusing if an applied one changed.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let config = try options.load()
        _ = options.logger(config)
        Database.libraryInit()
        let applied = try Application.migrate(config: config)
        print(applied.isEmpty ? "migrations: up to date" : "migrations applied: \(applied.joined(separator: ", "))")
    }
}
