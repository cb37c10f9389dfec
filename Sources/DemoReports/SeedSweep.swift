import Demos
import Foundation
import JSON
import Terminal

/// A claim a demo's headline makes, checked on one seed's JSON: `true` holds, `false` fails, `nil`
/// means the claim is undefined on that seed (e.g. a PGR with no gap to recover) and is not counted.
public struct DemoClaim: Sendable {
    /// The claim in words, as the headline would state it in general ("The student beats its
    /// supervisor").
    public let statement: String
    public let holds: @Sendable (JSONValue) -> Bool?

    public init(_ statement: String, holds: @escaping @Sendable (JSONValue) -> Bool?) {
        self.statement = statement
        self.holds = holds
    }

    /// The commonest claim: the number at `larger` exceeds the number at `smaller` (dotted keys, see
    /// `SeedSweep.numbers(in:)`); undefined on a seed where either is missing.
    public static func exceeds(_ statement: String, _ larger: String, _ smaller: String) -> DemoClaim {
        DemoClaim(statement) { json in
            guard let a = json.number(at: larger), let b = json.number(at: smaller) else { return nil }
            return a > b
        }
    }
}

/// How often a claim held over a run of seeds.
public struct ClaimTally: Sendable, Equatable {
    public let statement: String
    /// Seeds on which the claim held.
    public let holding: Int
    /// Seeds on which the claim was defined.
    public let defined: Int

    public init(statement: String, holding: Int, defined: Int) {
        self.statement = statement
        self.holding = holding
        self.defined = defined
    }

    /// The developers' standard: a claim is stated in general only when it holds on at least 19
    /// of 20 seeds (95%); otherwise the report gives the count.
    public var isGeneral: Bool { defined > 0 && holding * 20 >= defined * 19 }

    /// The sentence a report prints: the claim as a general statement with its count, or the count
    /// first when it does not hold generally.
    public var sentence: String {
        if defined == 0 { return "\(statement): undefined on every seed." }
        if isGeneral { return "\(statement) (on \(holding) of \(defined) seeds)." }
        return "On \(holding) of \(defined) seeds: \(lowercasedFirst(statement))."
    }

    private func lowercasedFirst(_ text: String) -> String {
        // Keep acronyms and names (a second capital letter) as written.
        guard let first = text.first, first.isUppercase else { return text }
        let second = text.dropFirst().first
        if let second, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }
}

/// One demo run over seeds S … S+N−1 (`--seeds N`): every seed's own JSON, the median, minimum and
/// maximum of every number in it, and how often each headline claim held. The same shape for
/// every demo: `{"demo", "seeds": [each seed's usual object], "summary": {key: {"median", "min",
/// "max"}}, "claims": [...]}`.
public struct SeedSweep: Sendable {
    public let demo: String
    public let seeds: [UInt64]
    /// Each seed's usual `--json` object, in seed order.
    public let runs: [JSONValue]
    /// Every numeric key (see `numbers(in:)`) with its median, minimum and maximum over the seeds
    /// on which it is defined, in the order the keys first appear.
    public let summary: [(key: String, median: Double, min: Double, max: Double, defined: Int)]
    public let claims: [ClaimTally]

    /// Runs `runOne` on each seed from `first` on; `runOne` returns that seed's usual JSON.
    public static func run(
        demo: String, first: UInt64, count: Int, claims: [DemoClaim], runOne: (UInt64) -> JSONValue
    ) -> SeedSweep {
        let seeds = (0..<UInt64(max(count, 1))).map { first &+ $0 }
        let runs = seeds.map(runOne)
        return SeedSweep(demo: demo, seeds: seeds, runs: runs, claims: claims)
    }

    public init(demo: String, seeds: [UInt64], runs: [JSONValue], claims: [DemoClaim]) {
        self.demo = demo
        self.seeds = seeds
        self.runs = runs
        var order: [String] = []
        var values: [String: [Double]] = [:]
        for run in runs {
            for (key, value) in Self.numbers(in: run) {
                if values[key] == nil { order.append(key) }
                values[key, default: []].append(value)
            }
        }
        summary = order.compactMap { key in
            guard let list = values[key], !list.isEmpty else { return nil }
            return (key, Self.median(list), list.min()!, list.max()!, list.count)
        }
        self.claims = claims.map { claim in
            let verdicts = runs.compactMap { claim.holds($0) }
            return ClaimTally(
                statement: claim.statement, holding: verdicts.filter { $0 }.count, defined: verdicts.count)
        }
    }

    /// The median (mean of the middle two for an even count); NaN when empty.
    public static func median(_ values: [Double]) -> Double {
        Demos.median(values) ?? .nan
    }

    /// The numbers of a demo's JSON as dotted keys: nested objects add their key
    /// (`chosen.accuracy`); an array of objects that each carry a string `name` or `method` adds
    /// that string (`methods.naive.pgr`); other arrays of objects add the position
    /// (`points.0.random`); arrays of bare numbers (curves) are left out, as are the top-level
    /// `seed`, strings and booleans. Integers count as numbers.
    public static func numbers(in value: JSONValue, prefix: String = "") -> [(String, Double)] {
        func join(_ key: String) -> String { prefix.isEmpty ? key : prefix + "." + key }
        switch value {
        case .object(let pairs):
            return pairs.flatMap { key, child -> [(String, Double)] in
                if prefix.isEmpty && key == "seed" { return [] }
                return numbers(in: child, prefix: join(key))
            }
        case .array(let items):
            let names = items.map { item -> String? in
                guard case .object(let pairs) = item else { return nil }
                for (key, child) in pairs where key == "name" || key == "method" {
                    if case .string(let name) = child { return name }
                }
                return nil
            }
            if !items.isEmpty, names.allSatisfy({ $0 != nil }), Set(names).count == names.count {
                return zip(names, items).flatMap { name, item in numbers(in: item, prefix: join(name!)) }
            }
            // Other arrays of objects (a table's points) by position; arrays of bare numbers
            // (curves) are left out.
            guard items.allSatisfy({ if case .object = $0 { true } else { false } }) else { return [] }
            return items.enumerated().flatMap { index, item in numbers(in: item, prefix: join(String(index))) }
        case .number(let d): return d.isFinite ? [(prefix, d)] : []
        case .integer(let i): return [(prefix, Double(i))]
        case .unsigned(let u): return [(prefix, Double(u))]
        case .null, .bool, .string: return []
        }
    }

    public func json() -> JSONValue {
        .object([
            ("demo", .string(demo)),
            ("seeds", .array(runs)),
            (
                "summary",
                .object(
                    summary.map { entry in
                        (
                            entry.key,
                            .object([
                                ("median", .number(entry.median)), ("min", .number(entry.min)),
                                ("max", .number(entry.max)),
                            ])
                        )
                    })
            ),
            (
                "claims",
                .array(
                    claims.map { tally in
                        .object([
                            ("statement", .string(tally.statement)), ("holding", .integer(tally.holding)),
                            ("defined", .integer(tally.defined)), ("general", .bool(tally.isGeneral)),
                        ])
                    })
            ),
        ])
    }

    /// The human report: the claims with their counts, then the median and range of each headline
    /// number. `labels` picks and names the keys to show (key, label, format); nil shows every key.
    public func report(
        title: String, labels: [(key: String, label: String, percent: Bool)]? = nil, settings: TerminalSettings
    ) -> String {
        var report = Report(settings: settings)
        let first = seeds.first ?? 0
        let last = seeds.last ?? 0
        report.headline("\(title) — seeds \(first)–\(last) (\(seeds.count) runs)")
        if !claims.isEmpty {
            report.section("Claims")
            for tally in claims { report.paragraph("• " + tally.sentence, indent: "  ", hang: "    ") }
        }
        let rows =
            labels
            ?? summary.map { entry in
                (key: entry.key, label: entry.key, percent: false)
            }
        var table = Table(["number", "median", "min", "max"])
        table.shortHeaders = ["number", "med", "min", "max"]
        for row in rows {
            guard let entry = summary.first(where: { $0.key == row.key }) else { continue }
            func show(_ value: Double) -> String {
                row.percent ? Format.percent(value) : (abs(value) >= 100 ? Format.count(value) : Format.fixed(value, 3))
            }
            let label = entry.defined < runs.count ? "\(row.label) (\(entry.defined) seeds)" : row.label
            table.add([label, show(entry.median), show(entry.min), show(entry.max)])
        }
        if !table.rows.isEmpty {
            report.section("Median and range over seeds")
            report.block(table.render(report))
        }
        report.note("Each seed's full numbers: add --json. One seed's report: drop --seeds.")
        return report.text
    }
}

extension JSONValue {
    /// The number at a dotted key, as `SeedSweep.numbers(in:)` names it (`methods.naive.pgr`);
    /// nil when absent, null or not a number.
    public func number(at key: String) -> Double? {
        SeedSweep.numbers(in: self).first { $0.0 == key }?.1
    }
}
