/// Spots user agents of scripts, headless browsers and crawlers. Substring matching on
/// lowercased bytes: real browsers never carry these markers, and it costs a microsecond.
enum UserAgentClassifier {
    /// Markers of automation, lowercase.
    static let markers: [String] = [
        "curl", "wget", "python-requests", "python-urllib", "python/", "aiohttp", "httpx", "go-http-client",
        "java/", "okhttp", "apache-httpclient", "libwww-perl", "guzzlehttp", "axios/", "node-fetch", "undici",
        "postmanruntime", "insomnia", "httpie", "scrapy", "headless", "phantomjs", "selenium", "webdriver",
        "puppeteer", "playwright", "bot", "spider", "crawl", "slurp",
    ]
    private static let markerBytes: [[UInt8]] = markers.map { Array($0.utf8) }
    /// Marker indices by first byte, so each position of the user agent is tried only against
    /// markers that can start there.
    private static let markersByFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (index, marker) in markerBytes.enumerated() { table[Int(marker[0])].append(index) }
        return table
    }()

    /// Why the user agent looks automated ("is blank", "contains \"curl\""), or nil if it
    /// looks like a person's browser. The first marker in catalogue order wins.
    static func automationReason(_ userAgent: String) -> String? {
        let bytes = Array(Normalizer.trimmed(userAgent).utf8).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        if bytes.isEmpty { return "is blank" }
        var found: Int?
        for start in bytes.indices {
            for index in markersByFirstByte[Int(bytes[start])] where index < (found ?? Int.max) {
                let marker = markerBytes[index]
                if start + marker.count <= bytes.count, bytes[start..<(start + marker.count)].elementsEqual(marker) {
                    found = index
                }
            }
        }
        return found.map { "contains \"\(markers[$0])\"" }
    }
}
