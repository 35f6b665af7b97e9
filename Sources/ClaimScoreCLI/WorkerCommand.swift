import App
import ArgumentParser
import Database
import FastCGI
import Foundation
import Webhooks

#if canImport(Glibc)
    import Glibc
#endif

/// `claimscore worker`: one worker process, started only by the `serve` master (hidden). It
/// serves the API and portal pools on the sockets it inherited (descriptors 3 and 4), runs this
/// process's delivery thread and pile worker, writes one byte to descriptor 5 once it accepts,
/// and drains on SIGTERM. It dies with the master (PR_SET_PDEATHSIG), so no orphan keeps serving.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "A worker process of `serve` (started by it; not for direct use).",
        shouldDisplay: false)

    @OptionGroup var options: ConfigOptions
    @Option(name: .long, help: "The master's pid: the worker exits if it is not its parent.")
    var masterPid: Int32
    @Option(name: .long, help: "The slot this worker fills (for the logs).")
    var slot = 0
    @Option(name: .long, help: "The master's generation (reloads) this worker belongs to.")
    var generation = 1

    func run() throws {
        guard ParentDeath.deliver(SIGKILL, expectedParent: masterPid) else { Foundation.exit(1) }
        let config = try options.load()
        var logger = options.logger(config)
        logger[metadataKey: "worker"] = "\(getpid())"
        Database.libraryInit()
        signal(SIGPIPE, SIG_IGN)
        // Block the stop signals before any thread exists so only sigwait below receives them;
        // SIGHUP is the master's business and is ignored here.
        signal(SIGHUP, SIG_IGN)
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGTERM)
        sigaddset(&stopSignals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

        let delivery = DeliveryThread(options: try config.webhookDeliveryOptions(), logger: logger)
        let application = try Application(config: config, logger: logger)
        let servers = try application.makeServers(
            apiDescriptor: Master.apiDescriptor, portalDescriptor: Master.portalDescriptor)
        let piles = application.makePileWorker()
        for server in servers { server.start() }
        delivery.start()
        piles.start()
        var ready: UInt8 = 1
        _ = write(Master.readyDescriptor, &ready, 1)
        close(Master.readyDescriptor)
        logger.info("worker serving", metadata: ["slot": "\(slot)", "generation": "\(generation)"])
        var received: Int32 = 0
        sigwait(&stopSignals, &received)
        logger.info("worker draining", metadata: ["signal": "\(received)"])
        for server in servers { server.beginStop() }
        let pilesStopped = piles.stop()
        let deliveryStopped = delivery.stop()
        let serversStopped = servers.map { $0.waitStopped() }.allSatisfy { $0 }
        Foundation.exit(serversStopped && deliveryStopped && pilesStopped ? 0 : 1)
    }
}
