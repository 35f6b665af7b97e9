extension Scorer {
    /// One day of grace before an encounter counts as future: dates arrive as midnight UTC and
    /// providers sit in every time zone.
    static let futureGraceSeconds = 86_400.0

    /// A health claim can be vetted when it has items, an enrollee, a provider (id or code) and
    /// an encounter date: without them neither the tariff nor the duplicate check can run.
    static func isSufficient(_ claim: HealthClaim) -> Bool {
        !claim.items.isEmpty && claim.enrolleeId != nil && claim.encounterDate != nil
            && (claim.providerId != nil || !Normalizer.isBlank(claim.providerCode))
    }

    /// `enrollee|provider|YYYY-MM-DD`: the identity of one visit.
    static func encounterKey(_ claim: HealthClaim) -> String? {
        guard let enrollee = claim.enrolleeId, let date = claim.encounterDate else { return nil }
        let provider: String
        if let id = claim.providerId {
            provider = String(id)
        } else if let code = Normalizer.key(claim.providerCode) {
            provider = "c:" + code
        } else {
            return nil
        }
        return "\(enrollee)|\(provider)|\(DetailFormat.date(date))"
    }

    func vetHealth(_ claim: HealthClaim, history: some ClaimHistory, now: Double) -> ScoreResult {
        guard Self.isSufficient(claim), let encounter = claim.encounterDate else { return .insufficient }
        var list = DeductionList(checks: checks)
        var items = vetItems(claim.items, into: &list)

        let malformed = claim.diagnoses.compactMap(\.icdCode).filter {
            !Normalizer.isBlank($0) && !Validators.isValidICD10($0)
        }
        if !malformed.isEmpty {
            let codes = malformed.prefix(5).map { DetailFormat.clipped($0, 16) }.joined(separator: ", ")
            list.add(.malformedICD10, "malformed ICD-10 code: \(codes)")
        }
        if let key = Self.encounterKey(claim) {
            let earlier = count(.encounter, key, for: .duplicateEncounter, in: history).claims
            if earlier > list.limit(.duplicateEncounter) {
                list.add(
                    .duplicateEncounter,
                    "\(DetailFormat.count(earlier, "earlier claim")) for the same enrollee, provider and date")
            }
        }
        if encounter > now + Self.futureGraceSeconds {
            list.add(.futureEncounter, "encounter date \(DetailFormat.date(encounter)) is in the future")
        } else if now - encounter > Double(settings.encounterMaxAgeDays) * 86_400 {
            let days = Int((now - encounter) / 86_400)
            list.add(
                .staleEncounter,
                "encounter date \(DetailFormat.date(encounter)) is \(days) days old "
                    + "(maximum \(settings.encounterMaxAgeDays))")
        }
        if let billed = claim.billedAmount {
            let sum = Double(items.reduce(0) { Self.adding($0, $1.subTotalBilled) })
            if abs(billed - sum) > 0.005 {
                list.add(
                    .billedAmountMismatch,
                    "billed \(DetailFormat.amount(billed)) but the items sum to \(DetailFormat.amount(sum))")
            }
        }

        let deductions = sorted(list.deductions)
        let (score, determination) = outcome(of: deductions)
        let allRejected = items.allSatisfy { $0.approvalStatus == 0 }
        let status: Int? =
            switch determination {
            case .fail: 0
            case .review: allRejected ? 0 : nil
            default: allRejected ? 0 : 1
            }
        let accepted: Int? =
            switch determination {
            case .fail: 0
            case .review: nil
            default: 1
            }
        for index in items.indices where items[index].approvalStatus != 0 {
            items[index].approvalStatus = accepted
        }
        return ScoreResult(
            score: score, determination: determination, deductions: deductions,
            approvedAmount: Double(VettedItem.approvedTotal(items)),
            approvalStatus: status, items: items)
    }

    /// Vets each item against the tariff. Items come back with `approvalStatus` 0 when
    /// rejected and 1 otherwise; the caller turns 1 into the claim-level outcome.
    private func vetItems(_ claimItems: [HealthItem], into list: inout DeductionList) -> [VettedItem] {
        var notInTariff: [String] = []
        var priceReduced: [String] = []
        var qtyReduced: [String] = []
        var items: [VettedItem] = []
        items.reserveCapacity(claimItems.count)
        for (index, item) in claimItems.enumerated() {
            let ref = item.ref ?? "#\(index + 1)"
            var price = item.unitPriceBilled
            var qty = item.qtyBilled
            var comments: [String] = []
            var rejected = false
            if !tariff.isEmpty {
                if let entry = item.code.flatMap({ tariff[Normalizer.trimmed($0)] }) {
                    if list.isEnabled(.itemPriceAboveTariff), price > entry.unitPrice {
                        price = entry.unitPrice
                        comments.append("unit price reduced to tariff \(entry.unitPrice)")
                        priceReduced.append(ref)
                    }
                    if list.isEnabled(.itemQtyAboveLimit), qty > entry.maxQty {
                        qty = entry.maxQty
                        comments.append("quantity reduced to tariff limit \(entry.maxQty)")
                        qtyReduced.append(ref)
                    }
                } else if list.isEnabled(.itemNotInTariff) {
                    rejected = true
                    price = 0
                    qty = 0
                    comments.append("code \(DetailFormat.clipped(item.code ?? "(none)", 32)) is not in the tariff")
                    notInTariff.append(ref)
                }
            }
            items.append(
                VettedItem(
                    ref: item.ref, description: item.description, code: item.code,
                    unitPriceBilled: item.unitPriceBilled, unitPriceApproved: price, qtyBilled: item.qtyBilled,
                    qtyApproved: qty, subTotalBilled: Self.multiplying(item.unitPriceBilled, item.qtyBilled),
                    subTotalApproved: Self.multiplying(price, qty), comments: comments,
                    approvalStatus: rejected ? 0 : 1))
        }
        let refs = { (refs: [String]) in refs.prefix(5).map { DetailFormat.clipped($0, 32) }.joined(separator: ", ") }
        if !notInTariff.isEmpty {
            list.add(
                .itemNotInTariff, "\(DetailFormat.count(notInTariff.count, "item")) not in tariff: \(refs(notInTariff))"
            )
        }
        if !priceReduced.isEmpty {
            list.add(
                .itemPriceAboveTariff,
                "\(DetailFormat.count(priceReduced.count, "item")) priced above tariff: \(refs(priceReduced))")
        }
        if !qtyReduced.isEmpty {
            list.add(
                .itemQtyAboveLimit,
                "\(DetailFormat.count(qtyReduced.count, "item")) above the tariff quantity: \(refs(qtyReduced))")
        }
        return items
    }

    /// Saturating, so absurd billed values cannot trap the process.
    static func multiplying(_ lhs: Int, _ rhs: Int) -> Int {
        let (product, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        return overflow ? ((lhs < 0) != (rhs < 0) ? Int.min : Int.max) : product
    }

    static func adding(_ lhs: Int, _ rhs: Int) -> Int {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        return overflow ? (rhs < 0 ? Int.min : Int.max) : sum
    }
}
