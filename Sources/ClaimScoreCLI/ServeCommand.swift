import App
import ArgumentParser
import Foundation

/// `claimscore serve`: the master. Opens the FastCGI sockets and supervises the worker processes
/// (see `Master`) until SIGTERM/SIGINT; SIGHUP starts a new generation with the re-read config.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Open the FastCGI sockets and run the worker processes until SIGTERM/SIGINT (SIGHUP reloads).")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let config = try options.load()
        let logger = options.logger(config)
        // Workers are this same binary; resolve it now, before anything can change the directory.
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        let master = Master(
            config: config, configFile: options.config.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
            executable: executable, logger: logger, reloadConfig: { try options.load() })
        Foundation.exit(try master.run())
    }
}
