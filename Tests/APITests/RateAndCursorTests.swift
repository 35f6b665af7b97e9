import Testing

@testable import API
@testable import Claims

struct RateAndCursorTests {
    @Test func bucketAllowsTheBurstThenAsksToWaitThenRefills() {
        let limiter = RateLimiter(ratePerSecond: 2, burst: 3)
        #expect(limiter.acquire(key: 1, now: 100) == nil)
        #expect(limiter.acquire(key: 1, now: 100) == nil)
        #expect(limiter.acquire(key: 1, now: 100) == nil)
        #expect(limiter.acquire(key: 1, now: 100) == 1)
        #expect(limiter.acquire(key: 2, now: 100) == nil, "keys have their own buckets")
        #expect(limiter.acquire(key: 1, now: 100.5) == nil)
        #expect(limiter.acquire(key: 1, now: 100.5) != nil)
    }

    @Test func cachedEntriesExpireAfterTheirLifetime() {
        let cache = ExpiringCache<[UInt8], Int?>(lifetime: 1)
        cache.store([1], nil, now: 10)
        #expect(cache.lookup([1], now: 10.5) != nil, "a cached 'no such key' is an answer too")
        #expect(cache.lookup([1], now: 11.0) == nil)
        #expect(cache.lookup([2], now: 10) == nil)
    }

    @Test func cacheStaysBoundedWhenFull() {
        let cache = ExpiringCache<Int, Int>(lifetime: 100, limit: 3)
        for key in 0..<10 { cache.store(key, key, now: 1) }
        #expect(cache.lookup(9, now: 1) == 9)
        #expect((0..<10).filter { cache.lookup($0, now: 1) != nil }.count <= 3)
    }

    @Test func tariffCSVMergesIntoSettings() throws {
        let merged = try CaseSettingsLoader.merge(
            tariffCSV: "code,unit_price,max_qty\nDRG-1, 2000, 3\nLAB-2,1500,1\n", into: #"{"review_threshold": 850}"#)
        let settings = try CaseSettingsLoader.decode(merged)
        #expect(settings.reviewThreshold == 850)
        #expect(settings.tariff["DRG-1"]?.unitPrice == 2000)
        #expect(settings.tariff["LAB-2"]?.maxQty == 1)
        #expect(throws: (any Error).self) { try CaseSettingsLoader.merge(tariffCSV: "DRG-1,abc,1", into: "{}") }
    }
}
