import ArgumentParser
import Demos
import Foundation
import JSON
import Terminal

extension SpeculativeDemo {
    public static func headline(_ r: Result) -> String {
        let point = r.points.first { $0.gamma == r.gamma }
        let compute = (point?.computePerToken ?? .nan) / r.targetCompute
        return "The draft's tokens are accepted at α = \(Format.fixed(r.acceptanceRate)): each target call yields "
            + "\(Format.fixed(point?.tokensPerCall ?? .nan)) tokens at γ = \(r.gamma) (formula \(Format.fixed(point?.formula ?? .nan))), "
            + "for \(Format.fixed(compute, 2))× plain decoding's compute per token, "
            + (matchesTarget(r)
                ? "and the output is still distributed as the target's."
                : "but the output's token frequencies stray from the target's.")
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph(
            "Draft: a bigram model estimated from a short sample. Target: a trigram model from a long one, over \(r.vocabulary) tokens "
                + "of a second-order Markov source. The draft proposes γ tokens; the target checks them in one call, keeps each with "
                + "probability min(1, p/q), resamples the first rejected one from max(0, p − q), and adds a bonus token when all pass."
        )
        out.section("Tokens per target call, and compute per token")
        var table = Table(["γ", "measured", "formula", "gap", "compute/token", "vs plain"])
        table.shortHeaders = ["γ", "tokens", "formula", "gap", "compute", "× plain"]
        table.dropOrder = [4, 3]
        for p in r.points {
            table.add(
                [
                    "\(p.gamma)", Format.fixed(p.tokensPerCall), Format.fixed(p.formula),
                    String(format: "%+.1f%%", p.relativeGap * 100), Format.count(p.computePerToken),
                    Format.fixed(p.computePerToken / r.targetCompute, 2) + "×",
                ],
                highlight: p.gamma == r.gamma)
        }
        out.block(table.render(out))
        out.blank()
        out.note(
            "Measured and formula: tokens per target call; formula (1 − α^(γ+1)) / (1 − α) with the measured α. "
                + "Compute: target plus draft multiply-adds per generated token, counted as for dense networks of the models' sizes "
                + "(one per parameter per position: target \(Format.count(r.targetCompute)), draft \(Format.count(r.draftCompute))); "
                + "vs plain: against the target decoding alone (\(Format.count(r.targetCompute)) per token). "
                + "Each γ generates \(Format.count(Double(r.tokens))) tokens.")
        out.paragraph(computeStory(r))
        var plot = LinePlot(
            series: [], xRange: 1...Double(r.points.last?.gamma ?? 8),
            yRange: 1...ceil(max(r.points.map(\.tokensPerCall).max() ?? 2, r.points.map(\.formula).max() ?? 2) + 0.2),
            height: 8, xLabel: "γ (draft tokens per call)", formatX: { String(Int($0)) },
            formatY: { Format.fixed($0, 1) })
        plot.series.append(
            .init(
                name: "formula", points: r.points.map { (Double($0.gamma), $0.formula) }, marker: nil, style: .dim,
                asciiGlyph: ".", dash: .dotted))
        plot.series.append(
            .init(
                name: "measured", points: r.points.map { (Double($0.gamma), $0.tokensPerCall) }, marker: "x",
                style: .cyan))
        out.blank()
        out.block(plot.render(out))
        out.blank()
        out.paragraph(gapStory(r))
        out.section("Acceptance along a block (γ = \(r.gamma))")
        var bars = BarChart()
        bars.minimum = max(0, floor(((r.blockAcceptance.min() ?? 0) - 0.05) * 20) / 20)
        for (k, a) in r.blockAcceptance.enumerated() {
            bars.add("token \(k + 1)", a, Format.percent(a), style: .cyan)
        }
        out.block(bars.render(out))
        out.note(
            "Bars start at \(Format.wholePercent(bars.minimum)). Token k: how often the k-th draft token of a block is accepted, given that tokens 1 to k − 1 were."
        )
        out.section("Is the output still the target's?")
        let noiseSized = matchesTarget(r)
        out.paragraph(
            "Token frequencies, speculative vs sampling from the target alone: total-variation distance \(Format.fixed(r.frequencyDistance, 3)); "
                + "two independent target-only samples differ by \(Format.fixed(r.referenceDistance, 3))"
                + (noiseSized
                    ? " — about the same size: sampling noise."
                    : " — the speculative output differs by more than sampling noise."))
        out.paragraph(
            "Greedy decoding (keep a draft token only when it is the target's top choice, at \(Format.fixed(r.greedyTokensPerCall)) tokens per call): "
                + "the \(r.greedyTokens) tokens are "
                + (r.greedyIdentical
                    ? "identical to an independent greedy decode of the target alone."
                    : "NOT identical to an independent greedy decode of the target alone: the verifier lets wrong draft tokens through.")
        )
        return out.text
    }

    /// The latency-for-compute trade, said from the numbers.
    static func computeStory(_ r: Result) -> String {
        guard let point = r.points.first(where: { $0.gamma == r.gamma }) else { return "" }
        let ratio = point.computePerToken / r.targetCompute
        return
            "At γ = \(r.gamma) the target runs \(Format.fixed(1 / point.tokensPerCall, 2)) times per token instead of once, "
            + "but each call scores \(r.gamma + 1) positions and the draft runs \(r.gamma) times, so the total compute per token is "
            + "\(Format.fixed(ratio, 2))× plain decoding's. The trade pays when the target's calls are memory-bound (one token "
            + "or γ + 1 tokens take about as long); at large batch sizes, where the hardware is busy computing, the extra "
            + "positions cost real time and the gain shrinks."
    }

    /// Whether speculative output's token frequencies differ from the target's no more than two
    /// target-only samples differ from each other (with a little slack for noise in the noise).
    static func matchesTarget(_ r: Result) -> Bool {
        r.frequencyDistance <= r.referenceDistance * 1.5 + 0.005
    }

    /// The measured tokens per call against the formula, said from the numbers, and why they can drift.
    static func gapStory(_ r: Result) -> String {
        func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
        let small = r.points.filter { $0.gamma <= 4 }.map { abs($0.relativeGap) }.max() ?? 0
        let largePoints = r.points.filter { $0.gamma > 4 }
        let large = largePoints.map { abs($0.relativeGap) }.max() ?? 0
        var text = "Up to γ = 4 the measurement stays within \(percent(small)) of the formula"
        if largePoints.isEmpty {
            text += "."
        } else if large > small {
            text += "; beyond it the gap grows, to \(percent(large))."
        } else {
            text += "; beyond it the gap is no larger here (at most \(percent(large)))."
        }
        text +=
            " The formula assumes every draft token is accepted with the same probability α, independently. Really, acceptance "
            + "depends on the context (its spread across contexts here: ±\(Format.fixed(r.acceptanceSpread))) and is correlated along a block"
        if let first = r.blockAcceptance.first, let last = r.blockAcceptance.last, r.blockAcceptance.count > 1 {
            let along =
                "from \(Format.percent(first)) for the first draft token to \(Format.percent(last)) for token \(r.blockAcceptance.count) given the ones before it were kept"
            if last - first > 0.01 {
                text +=
                    " — a context the draft predicts well tends to be followed by another, so acceptance rises along a block (below: \(along))."
            } else if first - last > 0.01 {
                text += " — acceptance falls along a block here (below: \(along))."
            } else {
                text += ", though along a block here it barely moves (below: \(along))."
            }
        } else {
            text += "."
        }
        if large > small {
            return text
                + " Either can pull the measurement off the formula, and long blocks most, since each extra draft token compounds "
                + "the dependence — and adds sampling noise."
        }
        return text
            + " Either can pull the measurement off the formula, and since each extra draft token compounds the dependence, "
            + "long blocks can drift further — though not in this run."
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("speculative")), ("seed", .unsigned(r.seed)),
            ("acceptance_rate", .number(r.acceptanceRate)), ("acceptance_spread", .number(r.acceptanceSpread)),
            ("gamma", .integer(r.gamma)), ("tokens", .integer(r.tokens)),
            ("target_compute", .number(r.targetCompute)), ("draft_compute", .number(r.draftCompute)),
            (
                "points",
                .array(
                    r.points.map { p in
                        .object([
                            ("gamma", .integer(p.gamma)), ("tokens_per_call", .number(p.tokensPerCall)),
                            ("formula", .number(p.formula)), ("compute_per_token", .number(p.computePerToken)),
                        ])
                    })
            ),
            ("block_acceptance", .array(r.blockAcceptance.map { .number($0) })),
            ("frequency_distance", .number(r.frequencyDistance)),
            ("reference_distance", .number(r.referenceDistance)),
            (
                "greedy",
                .object([
                    ("identical", .bool(r.greedyIdentical)), ("tokens", .integer(r.greedyTokens)),
                    ("tokens_per_call", .number(r.greedyTokensPerCall)),
                ])
            ),
        ])
    }
}

extension SpeculativeDemo: ReportedDemo {
    public static let claims: [DemoClaim] = [
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

    public static let headlineNumbers: [(key: String, label: String, percent: Bool)] = [
        ("acceptance_rate", "acceptance rate α", false), ("points.3.tokens_per_call", "tokens per call, γ = 4", false),
        ("points.3.formula", "formula, γ = 4", false),
        ("points.3.compute_per_token", "compute per token, γ = 4", false),
        ("target_compute", "plain decoding's compute per token", false),
    ]

    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("demo", meaning: "\"speculative\""), JSONKeyDoc("seed", meaning: "the seed"),
        JSONKeyDoc("acceptance_rate", meaning: "α = E[Σₓ min(p(x), q(x))] over the target's own contexts"),
        JSONKeyDoc("acceptance_spread", meaning: "standard deviation of the per-context acceptance"),
        JSONKeyDoc("gamma", meaning: "the γ shown in detail"),
        JSONKeyDoc("tokens", meaning: "tokens generated per γ"),
        JSONKeyDoc(
            "target_compute",
            meaning: "the target's multiply-adds per position (one per parameter): plain decoding's cost per token"
        ),
        JSONKeyDoc("draft_compute", meaning: "the draft's multiply-adds per position"),
        JSONKeyDoc("points[]", meaning: "one entry per γ = 1…8"),
        JSONKeyDoc("points[].gamma", meaning: "draft tokens per target call"),
        JSONKeyDoc("points[].tokens_per_call", meaning: "measured tokens per target call"),
        JSONKeyDoc("points[].formula", meaning: "(1 − α^(γ+1)) / (1 − α)"),
        JSONKeyDoc("points[].compute_per_token", meaning: "target plus draft multiply-adds per generated token"),
        JSONKeyDoc("block_acceptance", meaning: "for γ: P(draft token k accepted | tokens 1…k−1 were), k = 1…γ"),
        JSONKeyDoc(
            "frequency_distance",
            meaning: "total-variation distance of token frequencies, speculative vs target-only sampling"),
        JSONKeyDoc("reference_distance", meaning: "the same between two target-only samples (the noise floor)"),
        JSONKeyDoc(
            "greedy.identical", meaning: "greedy speculative output equals an independent greedy decode of the target"),
        JSONKeyDoc("greedy.tokens", meaning: "tokens compared"),
        JSONKeyDoc("greedy.tokens_per_call", meaning: "greedy tokens per target call"),
    ]
}

extension SpeculativeDemo {
    /// `tandem run speculative`'s options.
    public struct Arguments: DemoArguments {
        @Option(name: .long, help: ArgumentHelp("The γ shown in detail (1–8).", valueName: "γ"))
        public var gamma = 4
        /// Accepted only to say why it cannot run (no exercise feeds this demo).
        @Flag(name: .customLong("mine"), help: "Not available: no exercise feeds the speculative demo.")
        public var mineRequested = false
        public init() {}

        public func validate() throws {
            if mineRequested {
                throw ValidationError(
                    "speculative has no --mine runner: no exercise feeds it (demos with one: \(DemoCatalogue.mineDemos.joined(separator: ", ")))."
                )
            }
            if !(1...8).contains(gamma) { throw ValidationError("--gamma must be between 1 and 8 (got \(gamma)).") }
        }

        public func outcome(seed: UInt64) -> DemoOutcome {
            var options = Options()
            options.gamma = gamma
            let result = run(options, seed: seed)
            return DemoOutcome(report: { report(result, settings: $0) }, json: { json(result) })
        }
    }
}
