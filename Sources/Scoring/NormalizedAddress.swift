/// An address reduced to the keys the household and near-duplicate checks match on.
/// Every key is a function of `tokens` and `suffix`, so claims with equal `key` also share
/// `streetKey` and every variant: the near-duplicate count relies on that containment.
struct NormalizedAddress: Equatable {
    /// Street tokens: lowercase words, common street words abbreviated, unit designators as `unit`.
    let tokens: [String]
    /// `|postal code or c:city|country`.
    let suffix: String

    /// Longest compacted street used for one-character variants; bounds the signal count.
    static let maxVariantLength = 48

    init?(_ address: Address) {
        var tokens = Self.tokens(address.line1 ?? "")
        guard !tokens.isEmpty else { return nil }
        var second = Self.tokens(address.line2 ?? "")
        if let first = second.first, first != "unit" { second.insert("unit", at: 0) }
        tokens += second
        let postal = Normalizer.words(address.postalCode ?? "").joined()
        let city = Normalizer.words(address.city ?? "").joined(separator: " ")
        let place: String
        if !postal.isEmpty {
            place = postal
        } else if !city.isEmpty {
            place = "c:" + city
        } else {
            return nil
        }
        self.tokens = tokens
        self.suffix = "|" + place + "|" + Normalizer.country(address.country)
    }

    /// Exact address key (household limit, duplicate name and address).
    var key: String { tokens.joined(separator: " ") + suffix }

    /// The address with unit designators and their numbers removed: flats of one building.
    var streetKey: String {
        var kept: [String] = []
        var skipNext = false
        for token in tokens {
            if skipNext {
                skipNext = false
            } else if token == "unit" {
                skipNext = true
            } else {
                kept.append(token)
            }
        }
        return kept.joined(separator: " ") + suffix
    }

    /// The symmetric-delete keys: the compacted street intact and with each single character
    /// deleted. Two streets one insertion, deletion or substitution apart share a key.
    var variants: [String] {
        let joined = tokens.joined()
        if joined.utf8.allSatisfy({ $0 < 0x80 }) {
            return Self.deletions(Array(joined.utf8.prefix(Self.maxVariantLength))) {
                String(decoding: $0, as: UTF8.self) + suffix
            }
        }
        return Self.deletions(Array(joined.unicodeScalars.prefix(Self.maxVariantLength))) {
            String(String.UnicodeScalarView($0)) + suffix
        }
    }

    /// `units` intact, then with each single unit deleted; a run of equal units gives one key.
    private static func deletions<Unit: Equatable>(_ units: [Unit], _ make: ([Unit]) -> String) -> [String] {
        var result = [make(units)]
        result.reserveCapacity(units.count + 1)
        var buffer: [Unit] = []
        buffer.reserveCapacity(units.count)
        for index in units.indices where index == 0 || units[index] != units[index - 1] {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: units[..<index])
            buffer.append(contentsOf: units[(index + 1)...])
            result.append(make(buffer))
        }
        return result
    }

    private static let replacements: [String: String] = [
        "street": "st", "str": "st", "avenue": "ave", "av": "ave", "road": "rd", "drive": "dr",
        "boulevard": "blvd", "lane": "ln", "court": "ct", "place": "pl", "terrace": "ter", "highway": "hwy",
        "parkway": "pkwy", "circle": "cir", "square": "sq", "crescent": "cres", "trail": "trl", "route": "rte",
        "north": "n", "south": "s", "east": "e", "west": "w", "apartment": "unit", "apt": "unit", "suite": "unit",
        "ste": "unit", "flat": "unit", "floor": "unit", "fl": "unit", "room": "unit", "rm": "unit", "#": "unit",
    ]

    /// Words of one address line; `#` is its own token so "#4" reads as "unit 4".
    static func tokens(_ line: String) -> [String] {
        var words: [String] = []
        for part in line.split(separator: "#", omittingEmptySubsequences: false).enumerated() {
            if part.offset > 0 { words.append("#") }
            words += Normalizer.words(String(part.element))
        }
        var tokens: [String] = []
        for word in words {
            let token = replacements[word] ?? word
            if token == "unit", tokens.last == "unit" { continue }  // "Apt #4" is one unit
            tokens.append(token)
        }
        return tokens
    }
}
