/// A settlement claim's normalised values, computed once per call and shared by signal
/// generation and scoring so both always agree on the keys.
struct SettlementProfile {
    let email: String?
    let emailDomain: String?
    let phone: String?
    let name: String?
    let address: NormalizedAddress?
    let ip: String?
    let device: String?
    let payoutAccount: String?

    init(_ claim: SettlementClaim) {
        let email = Normalizer.email(claim.email)
        self.email = email?.address
        emailDomain = email?.domain
        phone = Normalizer.phone(claim.phone, country: claim.address?.country)
        name = Normalizer.name(first: claim.firstName, last: claim.lastName)
        address = claim.address.flatMap(NormalizedAddress.init)
        ip = Normalizer.ip(claim.ip)
        device = Normalizer.key(claim.deviceId)
        payoutAccount = Normalizer.key(claim.payoutAccountHash)
    }

    /// `name|address` when both are known.
    var nameAddress: String? {
        guard let name, let address else { return nil }
        return name + "|" + address.key
    }

    /// Who the claimant is, for "other claimants" counts: email, else phone, else name and
    /// address, else name.
    var claimantKey: String? {
        if let email { return "email:" + email }
        if let phone { return "phone:" + phone }
        if let nameAddress { return "name:" + nameAddress }
        return name.map { "name:" + $0 }
    }

    var signals: [Signal] {
        var signals: [Signal] = []
        signals.reserveCapacity(40)
        if let email { signals.append(Signal(kind: .email, value: email)) }
        if let phone { signals.append(Signal(kind: .phone, value: phone)) }
        if let nameAddress { signals.append(Signal(kind: .nameAddress, value: nameAddress)) }
        if let address {
            signals.append(Signal(kind: .address, value: address.key))
            signals.append(Signal(kind: .street, value: address.streetKey))
            for variant in address.variants { signals.append(Signal(kind: .addressVariant, value: variant)) }
        }
        if let ip { signals.append(Signal(kind: .ip, value: ip)) }
        if let device { signals.append(Signal(kind: .device, value: device)) }
        if let payoutAccount { signals.append(Signal(kind: .payoutAccount, value: payoutAccount)) }
        return signals
    }
}
