import CCurl
import Foundation

/// One POST on a libcurl easy handle, configured for webhooks: total timeout, no redirects, only
/// http and https, no proxy from the environment, and the SSRF guard on every socket libcurl
/// opens (after DNS resolution, so a name that resolves to a private address is refused even if
/// it resolved to a public one when the webhook was saved).
///
/// Owned by `DeliveryEngine` while it sits in the multi handle; libcurl's callbacks reach it
/// through an unretained pointer, which that ownership keeps valid.
final class HTTPTransfer {
    /// Answers longer than this are cut off (the log keeps 2 KB; the rest only costs bandwidth).
    static let maximumAnswerBytes = 64 * 1024

    let handle: UnsafeMutableRawPointer
    let delivery: LeasedDelivery
    let started = ContinuousClock.now
    private let destinations: DestinationGuard
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var excerpt: [UInt8] = []
    private var answerBytes = 0
    private var answerTooLong = false
    private var retryAfterValue: String?
    /// Set by the connect-time check when it refused an address.
    private var refusal: String?

    /// Prepares the request; nil when libcurl cannot make a handle (out of memory).
    init?(delivery: LeasedDelivery, request: DeliveryRequest, timeout: TimeInterval, destinations: DestinationGuard) {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.delivery = delivery
        self.destinations = destinations
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        for line in request.headerLines { headerList = curl_slist_append(headerList, line) }
        configure(request: request, timeout: timeout)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    private func configure(request: DeliveryRequest, timeout: TimeInterval) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = cs_easy_setopt_string(handle, CURLOPT_URL, delivery.url)
        _ = cs_easy_setopt_long(handle, CURLOPT_POST, 1)
        _ = cs_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
        request.body.withUnsafeBytes { bytes in
            // COPYPOSTFIELDS copies, so the body need not outlive this call.
            _ = cs_easy_setopt_pointer(
                handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
        }
        _ = cs_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList)
        _ = cs_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(timeout * 1000))
        _ = cs_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = cs_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = cs_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // An empty proxy turns off http_proxy and friends: a proxy would connect for us, out of
        // reach of the address check.
        _ = cs_easy_setopt_string(handle, CURLOPT_PROXY, "")
        _ = cs_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = cs_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        _ = cs_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<HTTPTransfer>.fromOpaque(context).takeUnretainedValue()
            return transfer.receive(UnsafeRawBufferPointer(start: data, count: size * count))
        }
        _ = cs_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = cs_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            let transfer = Unmanaged<HTTPTransfer>.fromOpaque(context).takeUnretainedValue()
            transfer.header(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        _ = cs_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        _ = cs_easy_setopt_opensocket(
            handle,
            { context, _, address in
                guard let context, let address else { return cs_socket_bad() }
                let transfer = Unmanaged<HTTPTransfer>.fromOpaque(context).takeUnretainedValue()
                return transfer.openSocket(address)
            }, context)
    }

    private func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
        if excerpt.count < AttemptResult.excerptLimit {
            excerpt += bytes.prefix(AttemptResult.excerptLimit - excerpt.count)
        }
        answerBytes += bytes.count
        if answerBytes > Self.maximumAnswerBytes {
            answerTooLong = true
            return 0  // makes libcurl stop reading; the status line is already in
        }
        return bytes.count
    }

    private func header(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            retryAfterValue = nil  // a new response (after 100 Continue) starts its own headers
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        if line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() == "retry-after" {
            retryAfterValue = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = Int(cs_sockaddr_ip(address, &bytes))
        guard let ip = IPAddress(bytes: bytes.prefix(count)) else {
            refusal = "refused: the address is neither IPv4 nor IPv6"
            return cs_socket_bad()
        }
        if case .refused(let reason) = destinations.check(address: ip) {
            refusal = reason
            return cs_socket_bad()
        }
        return cs_open_socket(address)
    }

    /// What the attempt produced, once libcurl reports the transfer done with `code`.
    func result(code: CURLcode, now: Date) -> AttemptResult {
        let duration = elapsed
        var status = 0
        _ = cs_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let statusCode = status > 0 ? status : nil
        let retryAfter = RetryAfter.seconds(retryAfterValue, now: now)
        if code == CURLE_OK || (answerTooLong && statusCode != nil) {
            return AttemptResult(statusCode: statusCode, retryAfter: retryAfter, duration: duration, excerpt: excerpt)
        }
        let error: String
        if let refusal, code == CURLE_COULDNT_CONNECT {
            error = refusal
        } else if code == CURLE_OPERATION_TIMEDOUT {
            error = "timeout: no complete answer within \(Int(duration.rounded())) s"
        } else {
            let detail = String(cString: errorBuffer)
            let summary = String(cString: curl_easy_strerror(code))
            error = "\(summary)\(detail.isEmpty ? "" : ": \(detail)")"
        }
        // A status line followed by a broken or late body is not a complete answer: logged, not
        // counted as delivered.
        let partial = statusCode.map { " (after status \($0))" } ?? ""
        return AttemptResult(retryAfter: retryAfter, error: error + partial, duration: duration, excerpt: excerpt)
    }

    /// Seconds since the transfer was created.
    var elapsed: TimeInterval {
        let duration = ContinuousClock.now - started
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
