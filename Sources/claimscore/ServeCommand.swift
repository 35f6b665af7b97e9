import App
import ArgumentParser
import Database
import Foundation
import Webhooks

#if canImport(Glibc)
    import Glibc
#endif

/// `claimscore serve`: the FastCGI worker pool until SIGTERM or SIGINT.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Open the FastCGI socket and serve until SIGTERM/SIGINT.")

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let config = try options.load()
        let logger = options.logger(config)
        Database.libraryInit()
        signal(SIGPIPE, SIG_IGN)
        // Block the stop signals before any thread exists so only sigwait below receives them.
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

        let delivery = DeliveryThread(options: try config.webhookDeliveryOptions(), logger: logger)
        let application = Application(config: config, logger: logger)
        let server = try application.makeServer()
        let piles = application.makePileWorker()
        server.start()
        delivery.start()
        piles.start()
        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        logger.info("stopping", metadata: ["signal": "\(received)"])
        let pilesStopped = piles.stop()
        let deliveryStopped = delivery.stop()
        let clean = server.stop() && deliveryStopped && pilesStopped
        Foundation.exit(clean ? 0 : 1)
    }
}
