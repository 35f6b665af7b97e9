extension Scorer {
    /// A settlement claim can be analysed when it names the claimant somehow: an email, a
    /// phone or a name. Without any of them no duplicate check could work.
    static func isSufficient(_ claim: SettlementClaim) -> Bool {
        !Normalizer.isBlank(claim.email) || !Normalizer.isBlank(claim.phone)
            || !Normalizer.isBlank(claim.firstName) || !Normalizer.isBlank(claim.lastName)
    }

    func scoreSettlement(_ claim: SettlementClaim, history: some ClaimHistory, now: Double) -> ScoreResult {
        guard Self.isSufficient(claim) else { return .insufficient }
        let profile = SettlementProfile(claim)
        var list = DeductionList(checks: checks)
        checkHistory(profile, history: history, into: &list)
        checkContact(claim, profile, into: &list)
        checkSubmission(claim, now: now, into: &list)
        checkBlocklists(claim, profile, into: &list)
        if let amount = claim.amountClaimed, let cap = settings.amountCap, amount > cap {
            list.add(
                .amountAboveCap, "amount \(DetailFormat.amount(amount)) is above the cap of \(DetailFormat.amount(cap))"
            )
        }
        let deductions = sorted(list.deductions)
        let (score, determination) = outcome(of: deductions)
        return ScoreResult(score: score, determination: determination, deductions: deductions)
    }

    private func checkHistory(_ profile: SettlementProfile, history: some ClaimHistory, into list: inout DeductionList)
    {
        if list.isEnabled(.duplicateClaimant) {
            var parts: [String] = []
            let keys: [(SignalKind, String?, String)] = [
                (.email, profile.email, "email"), (.phone, profile.phone, "phone"),
                (.nameAddress, profile.nameAddress, "name and address"),
            ]
            for (kind, value, label) in keys {
                guard let value else { continue }
                let earlier = count(kind, value, for: .duplicateClaimant, in: history).claims
                if earlier > list.limit(.duplicateClaimant) { parts.append("\(label) (\(earlier))") }
            }
            if !parts.isEmpty {
                list.add(.duplicateClaimant, "earlier claims with the same " + parts.joined(separator: ", "))
            }
        }
        if let address = profile.address {
            let key = address.key
            let claims = count(.address, key, for: .householdLimit, in: history).claims + 1
            if claims > list.limit(.householdLimit) {
                list.add(
                    .householdLimit,
                    "\(DetailFormat.count(claims, "claim")) at the same address (limit \(list.limit(.householdLimit)))")
            }
            if list.isEnabled(.nearDuplicateAddress) {
                // Claimants at the exact address are among those of every variant and the street
                // key, so the excess over them is claimants at a near, not identical, address.
                let window = list.window(.nearDuplicateAddress)
                let exact = count(.address, key, window: window, in: history).otherClaimants
                var near = count(.street, address.streetKey, window: window, in: history).otherClaimants
                for variant in address.variants {
                    near = max(near, count(.addressVariant, variant, window: window, in: history).otherClaimants)
                }
                let others = near - exact
                if others > list.limit(.nearDuplicateAddress) {
                    list.add(
                        .nearDuplicateAddress,
                        "\(DetailFormat.count(others, "other claimant")) at an address one character or unit away")
                }
            }
        }
        if let ip = profile.ip {
            let claims = count(.ip, ip, for: .ipVelocity, in: history).claims + 1
            if claims > list.limit(.ipVelocity) {
                let span = list.window(.ipVelocity).map { " in " + DetailFormat.duration($0) } ?? ""
                list.add(.ipVelocity, "\(DetailFormat.count(claims, "claim")) from \(DetailFormat.clipped(ip))\(span)")
            }
        }
        if let device = profile.device {
            let others = count(.device, device, for: .deviceReuse, in: history).otherClaimants
            if others > list.limit(.deviceReuse) {
                list.add(
                    .deviceReuse,
                    "device \(DetailFormat.clipped(device)) used by \(DetailFormat.count(others, "other claimant"))")
            }
        }
        if let account = profile.payoutAccount {
            let others = count(.payoutAccount, account, for: .payoutReuse, in: history).otherClaimants
            if others > list.limit(.payoutReuse) {
                list.add(.payoutReuse, "payout account used by \(DetailFormat.count(others, "other claimant"))")
            }
        }
    }

    private func checkContact(_ claim: SettlementClaim, _ profile: SettlementProfile, into list: inout DeductionList) {
        if let email = claim.email, !Normalizer.isBlank(email) {
            if !Validators.isValidEmail(email) {
                list.add(.malformedEmail, "email address is malformed")
            } else if let domain = profile.emailDomain, DisposableEmailDomains.contains(domain) {
                list.add(.disposableEmail, "\(DetailFormat.clipped(domain)) is a disposable email domain")
            }
        }
        if let phone = claim.phone, !Normalizer.isBlank(phone), !Validators.isValidPhone(phone) {
            list.add(.malformedPhone, "phone number is not E.164-like (7 to 15 digits, optional leading +)")
        }
        var missing: [String] = []
        let address = claim.address ?? Address()
        if Normalizer.isBlank(address.line1) { missing.append("line 1") }
        if Normalizer.isBlank(address.city) { missing.append("city") }
        if Normalizer.isBlank(address.postalCode) && Normalizer.isBlank(address.region) {
            missing.append("postal code and region")
        }
        if Normalizer.isBlank(address.country) { missing.append("country") }
        if claim.address == nil {
            list.add(.incompleteAddress, "no address given")
        } else if !missing.isEmpty {
            list.add(.incompleteAddress, "address lacks " + missing.joined(separator: ", "))
        }
    }

    private func checkSubmission(_ claim: SettlementClaim, now: Double, into list: inout DeductionList) {
        if let started = claim.formStartedAt, let submitted = claim.submittedAt {
            let elapsed = submitted - started
            let minimum = list.limit(.fastFormFill)
            if elapsed < 0 {
                list.add(.fastFormFill, "submitted before the form was started")
            } else if elapsed < Double(minimum) {
                list.add(.fastFormFill, "form filled in \(Int(elapsed)) s (minimum \(minimum) s)")
            }
        }
        if let agent = claim.userAgent, let reason = UserAgentClassifier.automationReason(agent) {
            list.add(.automatedUserAgent, "user agent " + reason)
        }
        let window = settings.claimWindow
        let time = claim.submittedAt ?? now
        if let start = window.start, time < start {
            list.add(.outsideClaimWindow, "submitted before the claim window opened on \(DetailFormat.date(start))")
        } else if let end = window.end, time > end {
            list.add(.outsideClaimWindow, "submitted after the claim window closed on \(DetailFormat.date(end))")
        }
    }

    private func checkBlocklists(_ claim: SettlementClaim, _ profile: SettlementProfile, into list: inout DeductionList)
    {
        guard list.isEnabled(.blocklisted), !settings.blocklists.isEmpty else { return }
        var hits: [String] = []
        if let email = profile.email,
            blockedEmails.contains(email) || Normalizer.key(claim.email).map(blockedEmails.contains) == true
        {
            hits.append("email")
        }
        if let domain = profile.emailDomain, DomainMatcher.matches(domain, in: blockedDomains) {
            hits.append("email domain \(DetailFormat.clipped(domain))")
        }
        if let ip = profile.ip, blockedIPs.contains(ip) { hits.append("ip \(DetailFormat.clipped(ip))") }
        if let phone = profile.phone, blockedPhones.contains(phone) { hits.append("phone") }
        if !hits.isEmpty { list.add(.blocklisted, "blocklisted " + hits.joined(separator: ", ")) }
    }

    /// Deductions in catalogue order, whatever order the checks ran in.
    func sorted(_ deductions: [Deduction]) -> [Deduction] {
        deductions.sorted { Self.catalogueOrder[$0.code, default: 0] < Self.catalogueOrder[$1.code, default: 0] }
    }

    static let catalogueOrder: [DeductionCode: Int] = Dictionary(
        uniqueKeysWithValues: DeductionCode.allCases.enumerated().map { ($0.element, $0.offset) })
}
