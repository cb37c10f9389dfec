import Foundation
import Terminal

extension SpeculativeDemo {
    public static func headline(_ r: Result) -> String {
        let point = r.points.first { $0.gamma == r.gamma }
        return "The draft's tokens are accepted at α = \(Format.fixed(r.acceptanceRate)): each target call yields "
            + "\(Format.fixed(point?.tokensPerCall ?? .nan)) tokens at γ = \(r.gamma) (formula \(Format.fixed(point?.formula ?? .nan))), "
            + "and the output is still distributed as the target's."
    }

    public static func report(_ r: Result, settings: TerminalSettings) -> String {
        var out = Report(settings: settings)
        out.headline(headline(r))
        out.blank()
        out.paragraph("Draft: a bigram model estimated from a short sample. Target: a trigram model from a long one, over \(r.vocabulary) tokens "
                      + "of a second-order Markov source. The draft proposes γ tokens; the target checks them in one call, keeps each with "
                      + "probability min(1, p/q), resamples the first rejected one from max(0, p − q), and adds a bonus token when all pass.")
        out.section("Tokens per target call")
        var table = Table(["γ", "measured", "formula", "gap"])
        for p in r.points {
            table.add(["\(p.gamma)", Format.fixed(p.tokensPerCall), Format.fixed(p.formula), String(format: "%+.1f%%", p.relativeGap * 100)],
                      highlight: p.gamma == r.gamma)
        }
        out.block(table.render(out))
        out.blank()
        out.note("Formula: (1 − α^(γ+1)) / (1 − α) with the measured α. Each γ generates \(Format.count(Double(r.tokens))) tokens.")
        var plot = LinePlot(series: [], xRange: 1...Double(r.points.last?.gamma ?? 8),
                            yRange: 1...ceil(max(r.points.map(\.tokensPerCall).max() ?? 2, r.points.map(\.formula).max() ?? 2) + 0.2),
                            height: 8, xLabel: "γ (draft tokens per call)", formatX: { String(Int($0)) }, formatY: { Format.fixed($0, 1) })
        plot.series.append(.init(name: "formula", points: r.points.map { (Double($0.gamma), $0.formula) }, marker: nil, style: .dim, asciiGlyph: ".", dotted: true))
        plot.series.append(.init(name: "measured", points: r.points.map { (Double($0.gamma), $0.tokensPerCall) }, marker: "x", style: .cyan))
        out.blank()
        out.block(plot.render(out))
        out.blank()
        let worstSmall = r.points.filter { $0.gamma <= 4 }.map { abs($0.relativeGap) }.max() ?? 0
        let worstLarge = r.points.filter { $0.gamma > 4 }.map { abs($0.relativeGap) }.max() ?? 0
        out.paragraph("Up to γ = 4 the measurement stays within \(String(format: "%.1f", worstSmall * 100))% of the formula; beyond it the gap reaches "
                      + "\(String(format: "%.1f", worstLarge * 100))%. The formula assumes every draft token is accepted with the same probability α, "
                      + "independently. Really, acceptance depends on the context (its spread across contexts here: ±\(Format.fixed(r.acceptanceSpread))) "
                      + "and is correlated along a block — a context the draft predicts well tends to be followed by another, so a token's chance "
                      + "of acceptance rises once the ones before it were kept (below). Long blocks therefore drift from the formula, as each extra "
                      + "draft token compounds that dependence — and adds sampling noise.")
        out.section("Acceptance along a block (γ = \(r.gamma))")
        var bars = BarChart()
        for (k, a) in r.blockAcceptance.enumerated() {
            let given = k == 0 ? "" : (k == 1 ? " given token 1 kept" : " given tokens 1–\(k) kept")
            bars.add("token \(k + 1)", a, Format.percent(a) + given, style: .cyan)
        }
        out.block(bars.render(out))
        out.section("Is the output still the target's?")
        out.paragraph("Token frequencies, speculative vs sampling from the target alone: total-variation distance \(Format.fixed(r.frequencyDistance, 3)); "
                      + "two independent target-only samples differ by \(Format.fixed(r.referenceDistance, 3)) — the same size, sampling noise.")
        out.paragraph("Greedy decoding (accept a draft token only when it is the target's top choice): the \(r.greedyTokens) tokens are "
                      + (r.greedyIdentical ? "identical to the target's own greedy output." : "NOT identical to the target's greedy output — a bug."))
        return out.text
    }

    public static func json(_ r: Result) -> JSONValue {
        .object([
            ("demo", .string("speculative")), ("seed", .unsigned(r.seed)),
            ("acceptance_rate", .number(r.acceptanceRate)),
            ("points", .array(r.points.map { p in
                .object([("gamma", .integer(p.gamma)), ("tokens_per_call", .number(p.tokensPerCall)), ("formula", .number(p.formula))])
            })),
        ])
    }
}
