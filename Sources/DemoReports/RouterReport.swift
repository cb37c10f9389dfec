import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal

extension RouterDemo {
    /// Who wins how often, and at which shares sent to the large model, in words.
    static func tally(_ comparisons: [Comparison]) -> String {
        let cascade = comparisons.filter { $0.cascadeGain > 0 }
        let router = comparisons.filter { $0.cascadeGain < 0 }
        // Each share listed, so wins that are not contiguous are not read as a range.
        func shares(_ list: [Comparison]) -> String {
            list.map { Format.wholePercent($0.router.largeShare) }.joined(separator: ", ")
        }
        var parts: [String] = []
        parts.append(
            "the cascade wins at \(cascade.count) of \(comparisons.count) budgets"
                + (cascade.isEmpty ? "" : " (router sending \(shares(cascade)) to the large model)"))
        parts.append("the router at \(router.count)" + (router.isEmpty ? "" : " (sending \(shares(router)))"))
        let ties = comparisons.count - cascade.count - router.count
        return parts.joined(separator: " and ") + (ties > 0 ? ", \(ties) tied" : "")
    }

    public static func headline(_ r: Result) -> String {
        "At equal cost \(tally(r.comparisons)); the small model costs \(Format.wholePercent(r.small.cost / r.large.cost)) of the large one, "
            + "so the router saves little by skipping it. Were it \(Format.wholePercent(whatIfSmallCostShare)), "
            + tally(r.whatIfComparisons) + "."
    }

    /// The equal-cost table for one price list.
    static func comparisonTable(_ comparisons: [Comparison], _ out: Report) -> [String] {
        var table = Table(["to large", "cost", "router", "cascade", "cascade defers", "winner"])
        table.shortHeaders = ["large", "cost", "router", "cascade", "defers", "winner"]
        table.dropOrder = [4, 1]
        for c in comparisons {
            let winner = c.cascadeGain > 0 ? "cascade" : c.cascadeGain < 0 ? "router" : "tie"
            table.add([
                Format.wholePercent(c.router.largeShare), Format.count(c.router.cost),
                Format.percent(c.router.accuracy),
                Format.percent(c.cascadeAccuracy), Format.wholePercent(c.cascadeDeferralRate), winner,
            ])
        }
        return table.render(out)
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph(
            "Support messages, the cascade demo's two models: small (\(Format.count(r.small.cost)) multiply-adds, \(Format.percent(r.small.accuracy))) "
                + "and large (\(Format.count(r.large.cost)), \(Format.percent(r.large.accuracy))). The router is logistic regression on the "
                + "message's keywords (\(Format.count(r.routerCost)) multiply-adds), trained on validation data to predict whether the small "
                + "model will be right; it decides before any model runs and pays only for the model it picks: router + small, or router + large. "
                + "The cascade always runs the small model, then defers by its top probability: small, or small + large."
        )

        out.section("Accuracy at equal cost")
        out.block(comparisonTable(r.comparisons, out))
        out.note(
            "To large: the share of queries the router sends to the large model; cost: multiply-adds per query. Cascade: the "
                + "cascade spending the same, which lets it defer the share in the defers column.")

        out.section("If the small model cost \(Format.wholePercent(whatIfSmallCostShare)) of the large one")
        out.block(comparisonTable(r.whatIfComparisons, out))
        out.note(
            "The same measured accuracies priced with a small model of \(Format.count(r.whatIfSmallCost)) multiply-adds: "
                + "now the cascade's always-paid small call is worth skipping.")

        out.section("Accuracy against cost")
        var plot = CascadeDemo.accuracyAgainstCost(
            costShares: (r.router + r.cascade).map { $0.cost / r.large.cost },
            accuracies: (r.router + r.cascade).map(\.accuracy))
        plot.series.append(
            .init(
                name: "cascade", points: r.cascade.map { ($0.cost / r.large.cost, $0.accuracy) }, marker: nil,
                style: .cyan, asciiGlyph: "*"))
        plot.series.append(
            .init(
                name: "router", points: r.router.map { ($0.cost / r.large.cost, $0.accuracy) }, marker: nil,
                style: .magenta, asciiGlyph: "o", dash: .dashed))
        plot.series.append(
            .init(name: "small", points: [(r.small.cost / r.large.cost, r.small.accuracy)], marker: "S", style: .yellow)
        )
        plot.series.append(.init(name: "large", points: [(1, r.large.accuracy)], marker: "L", style: .green))
        out.block(plot.render(out))
        out.blank()
        out.paragraph(whyStory(r))
        return out.text
    }

    /// Why each wins where it does, with the two scores' AUROCs.
    static func whyStory(_ r: Result) -> String {
        let router = r.routerAUROC.map { Format.fixed($0, 3) } ?? "undefined"
        let cascade = r.cascadeAUROC.map { Format.fixed($0, 3) } ?? "undefined"
        return
            "Which queries the small model gets wrong: the router, reading the query alone, separates them with AUROC \(router); "
            + "the small model's top probability, read after it answered, with \(cascade). The router saves the small model's cost on "
            + "each query it sends on and adds its own on every query. When the small model is cheap, that saving is small and the "
            + "better-informed cascade wins, most clearly when only the hardest tenth or fifth of queries can go on. When the small "
            + "model's call is a large part of the bill, the saving pays for more large-model answers than the cascade can afford, "
            + "and the router wins around the share of queries the small model cannot handle; once most queries go on, both "
            + "approach the large model's accuracy and the difference fades."
    }

    static func comparisonsJSON(_ comparisons: [Comparison]) -> JSONValue {
        .array(
            comparisons.map { c in
                .object([
                    ("large_share", .number(c.router.largeShare)), ("cost", .number(c.router.cost)),
                    ("router", .number(c.router.accuracy)), ("cascade", .number(c.cascadeAccuracy)),
                    ("cascade_deferral_rate", .number(c.cascadeDeferralRate)),
                ])
            })
    }

    public static func json(_ r: Result) -> JSONValue {
        func point(_ p: Point) -> JSONValue {
            .object([
                ("large_share", .number(p.largeShare)), ("cost", .number(p.cost)), ("accuracy", .number(p.accuracy)),
            ])
        }
        return .object([
            ("demo", .string("router")), ("seed", .unsigned(r.seed)),
            ("small", r.small.json),
            ("large", r.large.json),
            ("router_cost", .number(r.routerCost)),
            ("router_auroc", r.routerAUROC.map { .number($0) } ?? .null),
            ("cascade_auroc", r.cascadeAUROC.map { .number($0) } ?? .null),
            ("router", .array(r.router.map(point))), ("cascade", .array(r.cascade.map(point))),
            ("comparisons", comparisonsJSON(r.comparisons)),
            (
                "what_if",
                .object([
                    ("small_cost", .number(r.whatIfSmallCost)), ("comparisons", comparisonsJSON(r.whatIfComparisons)),
                ])
            ),
        ])
    }
}

extension RouterDemo: ReportedDemo {
    /// The router's comparison points that send at most / at least `share` to the large model.
    static func comparisons(_ list: JSONValue?, _ include: (Double) -> Bool) -> [JSONValue] {
        (list?.items ?? []).filter { include($0["large_share"]?.double ?? -1) }
    }

    static func cascadeWins(_ c: JSONValue) -> Bool { (c["cascade"]?.double ?? 0) > (c["router"]?.double ?? 1) }
    static func routerWins(_ c: JSONValue) -> Bool { (c["router"]?.double ?? 0) > (c["cascade"]?.double ?? 1) }

    public static let claims: [DemoClaim] = [
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

    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("small.accuracy", "small model accuracy", true), ("large.accuracy", "large model accuracy", true),
        ("router_auroc", "router's AUROC (small model right?)", false),
        ("cascade_auroc", "cascade's AUROC (max probability)", false),
    ]

    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"router\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("small", meaning: "{accuracy, cost}: the small model alone (multiply-adds per query)"),
        JSONKeyDoc("large", meaning: "{accuracy, cost}: the large model alone"),
        JSONKeyDoc("router_cost", meaning: "the router's own multiply-adds per query"),
        JSONKeyDoc("router_auroc", meaning: "AUROC of the router's score for \"the small model will be right\""),
        JSONKeyDoc("cascade_auroc", meaning: "AUROC of the small model's max probability for the same"),
        JSONKeyDoc("router[]", meaning: "the router sending 0%, 10%, …, 100% of queries to the large model"),
        JSONKeyDoc("router[].large_share", meaning: "share sent to the large model"),
        JSONKeyDoc("router[].cost", meaning: "multiply-adds per query"),
        JSONKeyDoc("router[].accuracy", meaning: "test accuracy"),
        JSONKeyDoc("cascade[]", meaning: "the max-probability cascade deferring 0%, 10%, …, 100%"),
        JSONKeyDoc("cascade[].large_share", meaning: "share deferred"),
        JSONKeyDoc("cascade[].cost", meaning: "multiply-adds per query"),
        JSONKeyDoc("cascade[].accuracy", meaning: "test accuracy"),
        JSONKeyDoc("comparisons[]", meaning: "each router point against the cascade spending the same multiply-adds"),
        JSONKeyDoc("comparisons[].large_share", meaning: "the router's share sent to the large model"),
        JSONKeyDoc("comparisons[].cost", meaning: "the common cost"),
        JSONKeyDoc("comparisons[].router", meaning: "the router's accuracy"),
        JSONKeyDoc("comparisons[].cascade", meaning: "the cascade's accuracy at that cost"),
        JSONKeyDoc("comparisons[].cascade_deferral_rate", meaning: "the share the cascade defers at that cost"),
        JSONKeyDoc(
            "what_if.small_cost", meaning: "the small model's cost in the what-if price list (30% of the large model's)"
        ),
        JSONKeyDoc(
            "what_if.comparisons[]", meaning: "the same comparison with that price list (same keys as comparisons[])"),
    ]
}

extension RouterDemo {
    /// `tandem run router` has no options of its own.
    public struct Arguments: DemoArguments {
        public init() {}

        public func outcome(seed: UInt64) -> DemoOutcome {
            let result = run(seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}
