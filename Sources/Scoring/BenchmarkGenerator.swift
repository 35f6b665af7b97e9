/// A deterministic (SplitMix64) source of varied, realistic claims for the benchmark.
struct BenchmarkGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((value ^ (value >> 31)) % UInt64(bound))
    }

    private static let firstNames = ["Ada", "Grace", "Alan", "Chidi", "Maria", "José", "Li", "Fatima", "Noah", "Emma"]
    private static let lastNames = ["Obi", "Hopper", "Turing", "Okafor", "García", "Wang", "Khan", "Smith", "Müller"]
    private static let streets = ["Main Street", "Oak Avenue", "Elm Rd", "Maple Drive", "Cedar Lane", "Park Blvd"]
    private static let domains = ["gmail.com", "yahoo.com", "outlook.com", "example.org", "mailinator.com"]
    private static let agents = [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148",
        "curl/8.5.0", "python-requests/2.31",
    ]

    mutating func claim(now: Double) -> Claim {
        next(10) < 7 ? .settlement(settlement(now: now)) : .health(health(now: now))
    }

    mutating func settlement(now: Double) -> SettlementClaim {
        let person = next(5000)
        let first = Self.firstNames[person % Self.firstNames.count]
        let last = Self.lastNames[person % Self.lastNames.count]
        let submitted = now - Double(next(86_400 * 30))
        return SettlementClaim(
            firstName: first, lastName: last,
            email: "\(first.lowercased()).\(last.lowercased())+\(next(3))@\(Self.domains[next(Self.domains.count)])",
            phone: "+1 555 \(100 + next(900)) \(1000 + person % 9000)",
            address: Address(
                line1: "\(1 + next(300)) \(Self.streets[next(Self.streets.count)])",
                line2: next(3) == 0 ? "Apt \(next(20))" : nil,
                city: "Springfield", region: "IL", postalCode: "627\(10 + next(80))", country: "US"),
            payoutMethod: "ach", payoutAccountHash: "acct-\(next(4000))", ip: "203.0.113.\(next(256))",
            userAgent: Self.agents[next(10) < 8 ? next(2) : next(Self.agents.count)],
            formStartedAt: submitted - Double(5 + next(600)), submittedAt: submitted, deviceId: "d-\(next(3000))",
            source: "email-campaign-\(next(4))", amountClaimed: Double(next(70_000)) / 100)
    }

    mutating func health(now: Double) -> HealthClaim {
        var items: [HealthItem] = []
        for index in 0..<(1 + next(6)) {
            let code = next(230)
            items.append(
                HealthItem(
                    ref: "it-\(index + 1)", description: "Service \(code)", code: "DRG-\(code)",
                    unitPriceBilled: 900 + next(400) * 10, qtyBilled: 1 + next(5)))
        }
        let billed = items.reduce(0) { $0 + $1.unitPriceBilled * $1.qtyBilled }
        let day = Double(DetailFormat.floor(now / 86_400) - next(400)) * 86_400
        return HealthClaim(
            providerId: 1 + next(50), providerCode: "PRV-\(next(50))", enrolleeId: 10_000 + next(20_000),
            encounterDate: day, billedAmount: Double(billed + (next(10) == 0 ? 100 : 0)),
            diagnoses: [Diagnosis(name: "Malaria", icdCode: next(20) == 0 ? "B5X.99999" : "B54")], items: items)
    }
}
