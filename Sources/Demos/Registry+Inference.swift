import JSON
import ToyEngine

// The registry's claims, headline numbers and JSON keys for the cascade, router, speculative
// and ensemble demos, beside their experiments rather than in Demos.swift. Each claim reads
// one seed's JSON; the tests check each over seeds 1–20 (Tests/DemosTests/ClaimTests.swift).

extension CascadeDemo {
    static let claims: [DemoClaim] = [
        DemoClaim("The cascade comes within 1 point of the large model at no more than 60% of its cost") { json in
            guard let large = json["large"]?["cost"]?.double else { return nil }
            guard let cost = json["matching"]?["cost"]?.double else { return false }
            return cost <= 0.6 * large
        },
        DemoClaim("Every threshold that defers some but not all queries beats random deferral at the same cost") {
            json in
            let points = json["points"]?.items ?? []
            let inner = points.filter { p in
                guard let rate = p["deferral_rate"]?.double else { return false }
                return rate > 0 && rate < 1
            }
            guard !inner.isEmpty else { return nil }
            return inner.allSatisfy { p in
                (p["accuracy"]?.double ?? 0) > (p["random_deferral_accuracy"]?.double ?? 1)
            }
        },
        DemoClaim(
            "The max-probability score ranks the small model's right answers above its wrong ones with AUROC above 0.8"
        ) {
            json in
            json["auroc"]?.double.map { $0 > 0.8 }
        },
        DemoClaim("Temperature scaling keeps at least 90% of the queries a 25% deferral rate sends on") { json in
            json["temperature"]?["overlap"]?.double.map { $0 >= 0.9 }
        },
    ]

    static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("small.accuracy", "small model accuracy", true), ("large.accuracy", "large model accuracy", true),
        ("matching.accuracy", "cascade within 1 point of large: accuracy", true),
        ("matching.deferral_rate", "  its deferral rate", true), ("oracle.accuracy", "oracle accuracy", true),
        ("auroc", "AUROC of the deferral score", false), ("temperature.value", "fitted temperature", false),
        ("temperature.overlap", "deferral-set overlap after scaling", true),
    ]

    static let jsonKeys: [(key: String, meaning: String)] = [
        ("demo", "\"cascade\""), ("seed", "the seed"), ("scorer", "the deferral score: maxprob, margin or learned"),
        ("tiers", "2 or 3"), ("small", "{accuracy, cost}: the small model alone (cost in multiply-adds per query)"),
        ("medium", "{accuracy, cost} of the medium model with three tiers, else null"),
        ("large", "{accuracy, cost}: the large model alone"),
        ("points[]", "one entry per threshold τ swept (test set)"), ("points[].threshold", "τ"),
        ("points[].accuracy", "cascade accuracy"), ("points[].cost", "expected multiply-adds per query"),
        ("points[].deferral_rate", "share of queries deferred"),
        ("points[].random_deferral_accuracy", "accuracy deferring the same share at random (expected)"),
        ("points[].oracle_accuracy", "the oracle deferring the same share: the small model's mistakes first"),
        ("oracle", "{accuracy, cost, deferral_rate}: defer exactly the small model's mistakes"),
        ("matching", "{threshold, accuracy, cost, deferral_rate}: the cheapest point within 1 point of large, or null"),
        (
            "focus",
            "with --threshold: {point, kinds [{kind, count, deferred, kept_wrong}], deferred_examples and confident_mistakes [{text, score, small_guess, truth}]}; else null"
        ),
        (
            "target",
            "with --target-accuracy: {accuracy, threshold (the chosen τ or null), validation_accuracy, test (a point or null)}; else null"
        ),
        ("auroc", "AUROC of the deferral score for the small model's right vs wrong answers (test set)"),
        ("risk_coverage[]", "the risk–coverage curve: answering the coverage share it scores highest"),
        ("risk_coverage[].coverage", "share of queries the small model answers"),
        ("risk_coverage[].risk", "share of those it gets wrong"),
        ("temperature.value", "temperature fitted on validation data"),
        ("temperature.deferral_rate", "the deferral rate compared (0.25)"),
        ("temperature.overlap", "share of the deferred queries still deferred after scaling"),
        ("temperature.changed", "queries that moved into the deferred set"),
        ("temperature.accuracy_before", "cascade accuracy at that rate, unscaled"),
        ("temperature.accuracy_after", "the same after scaling"),
        ("temperature.auroc_before", "AUROC of max probability, unscaled"),
        ("temperature.auroc_after", "the same after scaling"),
        ("scorer_comparison[]", "the learned scorer against max probability at equal deferral rates"),
        ("scorer_comparison[].deferral_rate", "the share deferred"),
        ("scorer_comparison[].maxprob", "accuracy deferring by max probability"),
        ("scorer_comparison[].learned", "accuracy deferring by the learned scorer"),
    ]
}

extension RouterDemo {
    /// The router's comparison points that send at most / at least `share` to the large model.
    static func comparisons(_ list: JSONValue?, _ include: (Double) -> Bool) -> [JSONValue] {
        (list?.items ?? []).filter { include($0["large_share"]?.double ?? -1) }
    }

    static func cascadeWins(_ c: JSONValue) -> Bool { (c["cascade"]?.double ?? 0) > (c["router"]?.double ?? 1) }
    static func routerWins(_ c: JSONValue) -> Bool { (c["router"]?.double ?? 0) > (c["cascade"]?.double ?? 1) }

    static let claims: [DemoClaim] = [
        DemoClaim(
            "At equal cost the cascade beats the router when the router sends 10–20% of queries to the large model"
        ) {
            json in
            let low = comparisons(json["comparisons"]) { $0 > 0.05 && $0 < 0.25 }
            return low.isEmpty ? nil : low.allSatisfy(cascadeWins)
        },
        DemoClaim("At these prices the router beats the cascade at no more than 2 of the budgets compared") { json in
            let all = json["comparisons"]?.items ?? []
            return all.isEmpty ? nil : all.filter(routerWins).count <= 2
        },
        DemoClaim(
            "With a small model costing 30% of the large one, the router beats the cascade when it sends 30–40% of queries to the large model"
        ) { json in
            let middle = comparisons(json["what_if"]?["comparisons"]) { $0 > 0.25 && $0 < 0.45 }
            return middle.isEmpty ? nil : middle.allSatisfy(routerWins)
        },
    ]

    static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("small.accuracy", "small model accuracy", true), ("large.accuracy", "large model accuracy", true),
        ("router_auroc", "router's AUROC (small model right?)", false),
        ("cascade_auroc", "cascade's AUROC (max probability)", false),
    ]

    static let jsonKeys: [(key: String, meaning: String)] = [
        ("demo", "\"router\""), ("seed", "the seed"),
        ("small", "{accuracy, cost}: the small model alone (multiply-adds per query)"),
        ("large", "{accuracy, cost}: the large model alone"),
        ("router_cost", "the router's own multiply-adds per query"),
        ("router_auroc", "AUROC of the router's score for \"the small model will be right\""),
        ("cascade_auroc", "AUROC of the small model's max probability for the same"),
        ("router[]", "the router sending 0%, 10%, …, 100% of queries to the large model"),
        ("router[].large_share", "share sent to the large model"), ("router[].cost", "multiply-adds per query"),
        ("router[].accuracy", "test accuracy"),
        ("cascade[]", "the max-probability cascade deferring 0%, 10%, …, 100%"),
        ("cascade[].large_share", "share deferred"), ("cascade[].cost", "multiply-adds per query"),
        ("cascade[].accuracy", "test accuracy"),
        ("comparisons[]", "each router point against the cascade spending the same multiply-adds"),
        ("comparisons[].large_share", "the router's share sent to the large model"),
        ("comparisons[].cost", "the common cost"), ("comparisons[].router", "the router's accuracy"),
        ("comparisons[].cascade", "the cascade's accuracy at that cost"),
        ("comparisons[].cascade_deferral_rate", "the share the cascade defers at that cost"),
        ("what_if.small_cost", "the small model's cost in the what-if price list (30% of the large model's)"),
        ("what_if.comparisons[]", "the same comparison with that price list (same keys as comparisons[])"),
    ]
}

extension SpeculativeDemo {
    static let claims: [DemoClaim] = [
        DemoClaim("Tokens per target call stay within 5% of the formula up to γ = 4") { json in
            let points = (json["points"]?.items ?? []).filter { ($0["gamma"]?.double ?? 99) <= 4 }
            guard !points.isEmpty else { return nil }
            return points.allSatisfy { p in
                guard let measured = p["tokens_per_call"]?.double, let formula = p["formula"]?.double else {
                    return false
                }
                return abs(measured - formula) <= 0.05 * formula
            }
        },
        DemoClaim("Speculative decoding spends more compute per token than plain decoding at every γ") { json in
            guard let plain = json["target_compute"]?.double else { return nil }
            let points = json["points"]?.items ?? []
            return points.allSatisfy { ($0["compute_per_token"]?.double ?? 0) > plain }
        },
        DemoClaim("Greedy speculative output is identical to the target's own greedy decode") { json in
            json["greedy"]?["identical"]?.bool
        },
        DemoClaim("The output's token frequencies differ from the target's by no more than sampling noise") { json in
            guard let d = json["frequency_distance"]?.double, let reference = json["reference_distance"]?.double else {
                return nil
            }
            return d <= reference * 1.5 + 0.005
        },
    ]

    static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("acceptance_rate", "acceptance rate α", false), ("points.3.tokens_per_call", "tokens per call, γ = 4", false),
        ("points.3.formula", "formula, γ = 4", false),
        ("points.3.compute_per_token", "compute per token, γ = 4", false),
        ("target_compute", "plain decoding's compute per token", false),
    ]

    static let jsonKeys: [(key: String, meaning: String)] = [
        ("demo", "\"speculative\""), ("seed", "the seed"),
        ("acceptance_rate", "α = E[Σₓ min(p(x), q(x))] over the target's own contexts"),
        ("acceptance_spread", "standard deviation of the per-context acceptance"), ("gamma", "the γ shown in detail"),
        ("tokens", "tokens generated per γ"),
        (
            "target_compute",
            "the target's multiply-adds per position (one per parameter): plain decoding's cost per token"
        ),
        ("draft_compute", "the draft's multiply-adds per position"), ("points[]", "one entry per γ = 1…8"),
        ("points[].gamma", "draft tokens per target call"),
        ("points[].tokens_per_call", "measured tokens per target call"),
        ("points[].formula", "(1 − α^(γ+1)) / (1 − α)"),
        ("points[].compute_per_token", "target plus draft multiply-adds per generated token"),
        ("block_acceptance", "for γ: P(draft token k accepted | tokens 1…k−1 were), k = 1…γ"),
        ("frequency_distance", "total-variation distance of token frequencies, speculative vs target-only sampling"),
        ("reference_distance", "the same between two target-only samples (the noise floor)"),
        ("greedy.identical", "greedy speculative output equals an independent greedy decode of the target"),
        ("greedy.tokens", "tokens compared"), ("greedy.tokens_per_call", "greedy tokens per target call"),
    ]
}

extension EnsembleDemo {
    /// The accuracy of `method` at `size` in the JSON's curve.
    fileprivate static func curveAccuracy(_ json: JSONValue, _ method: String, _ size: Int) -> Double? {
        (json["curve"]?.items ?? []).first {
            $0["size"]?.double == Double(size) && $0["method"] == .string(method)
        }?["accuracy"]?.double
    }

    static let claims: [DemoClaim] = [
        DemoClaim("Averaging the 11 small models beats their best member") { json in
            guard let average = curveAccuracy(json, "average", 11), let best = json["best_member"]?.double else {
                return nil
            }
            return average > best
        },
        DemoClaim("Boosting 25 small models beats averaging 25 of them") { json in
            guard let boosted = curveAccuracy(json, "boosting", 25), let average = curveAccuracy(json, "average", 25)
            else {
                return nil
            }
            return boosted > average
        },
        DemoClaim("Boosting 25 small models beats their best member") { json in
            guard let boosted = curveAccuracy(json, "boosting", 25), let best = json["best_member"]?.double else {
                return nil
            }
            return boosted > best
        },
        DemoClaim("Averaging the 11 small models beats their majority vote") { json in
            json["vote_minus_average"]?.double.map { $0 < 0 }
        },
    ]

    static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("mean_member", "mean member", true), ("best_member", "best member", true),
        ("ensemble.accuracy", "ensemble (average of 11)", true), ("large.accuracy", "large model", true),
        ("bayes_accuracy", "Bayes accuracy", true), ("vote_minus_average", "vote − average, 11 members", true),
        ("boosting_minus_average", "boosting − average, 25 members", true),
        ("error_correlation", "members' error correlation", false),
    ]

    static let jsonKeys: [(key: String, meaning: String)] = [
        ("demo", "\"ensemble\""), ("seed", "the seed"), ("method", "the combination asked for"),
        ("member_cost", "multiply-adds per query of one member"),
        ("members", "test accuracy of each member of the ensemble"), ("mean_member", "their mean"),
        ("best_member", "their best"), ("ensemble", "{accuracy, cost}: the ensemble asked for"),
        ("large", "{accuracy, cost}: the large model"),
        ("bayes_accuracy", "the task's Bayes-optimal accuracy (known densities, Monte Carlo)"),
        ("bayes_standard_error", "its standard error"),
        ("error_correlation", "mean pairwise correlation of the members' errors"),
        ("boosting_skipped", "boosting rounds skipped (weighted error ≥ 0.5)"),
        ("vote_minus_average", "vote − average accuracy at the ensemble's size"),
        ("boosting_minus_average", "boosting − average accuracy at the largest size (25)"),
        ("curve[]", "one entry per size and method"), ("curve[].size", "members (rounds for boosting)"),
        ("curve[].method", "vote, average, weighted or boosting"), ("curve[].accuracy", "test accuracy"),
        ("curve[].cost", "multiply-adds per query"),
        ("curve[].condorcet", "majority accuracy if members with the mean accuracy erred independently"),
    ]
}
