import Terminal
import ToyEngine

/// The catalogue of demos `tandem run` lists.
///
/// Each demo is a pure function `run(Options, seed:, hooks:) -> Result` (a value type) plus
/// `report(Result, settings:) -> String` (headline, table, chart) and `json(Result) -> JSONValue`.
/// One demo of `tandem run`: everything the rest of tandem needs to know about it, in one place.
/// Adding a demo = its experiment file, its report file, and one entry in `DemoCatalogue.demos`
/// (plus its subcommand in TandemCLI's RunCommand, which a test checks against this list).
public struct DemoEntry: Sendable {
    /// The subcommand name (`tandem run NAME`).
    public let name: String
    /// One sentence for `tandem run`'s listing.
    public let summary: String
    /// The report title of a multi-seed run.
    public let title: String
    /// The claims its headline makes, checked on every seed of `--seeds N` (and by the tests over
    /// seeds 1–20).
    public let claims: [DemoClaim]
    /// The numbers a multi-seed report shows (dotted keys of its JSON, see
    /// `SeedSweep.numbers(in:)`); nil shows every number.
    public let headlineNumbers: [(key: String, label: String, percent: Bool)]?
    /// The keys of its `--json` object that scripts may rely on, each with its meaning; the JSON
    /// reference (docs/demo-json.md) is generated from these, and tests check every key is there.
    public let jsonKeys: [(key: String, meaning: String)]
    /// Runs the demo with its default knobs on one seed and returns its JSON (for the tests of
    /// claims over seeds and of the JSON reference).
    public let defaultJSON: @Sendable (_ seed: UInt64) -> JSONValue

    public init(
        name: String, summary: String, title: String, defaultJSON: @escaping @Sendable (UInt64) -> JSONValue,
        claims: [DemoClaim] = [],
        headlineNumbers: [(key: String, label: String, percent: Bool)]? = nil,
        jsonKeys: [(key: String, meaning: String)] = []
    ) {
        self.name = name
        self.summary = summary
        self.title = title
        self.claims = claims
        self.headlineNumbers = headlineNumbers
        self.jsonKeys = jsonKeys
        self.defaultJSON = defaultJSON
    }
}

/// The catalogue of demos `tandem run` lists: the one registry of demos.
///
/// Each demo is a pure function `run(Options, seed:, hooks:) -> Result` (a value type) plus
/// `report(Result, settings:) -> String` (headline, table, chart) and `json(Result) -> JSONValue`.
public enum DemoCatalogue {
    public static let cascade = DemoEntry(
        name: "cascade",
        summary: "Small model first, large model when unsure: accuracy against cost as the threshold moves.",
        title: "Cascade",
        defaultJSON: { CascadeDemo.json(CascadeDemo.run(seed: $0)) })
    public static let ensemble = DemoEntry(
        name: "ensemble", summary: "Many small models voting or averaging against one large model.",
        title: "Ensemble",
        defaultJSON: { EnsembleDemo.json(EnsembleDemo.run(seed: $0)) })
    public static let weakToStrong = DemoEntry(
        name: "weak-to-strong",
        summary: "A strong student trained only on a weak model's labels beats its supervisor.",
        title: "Weak-to-strong",
        // With --sweep --curve --bootstrap, so every documented key is present; the default run's own
        // numbers are the same with or without them (each model's randomness depends on its role).
        defaultJSON: { WeakToStrongDemo.json(WeakToStrongDemo.run(WeakToStrongDemo.everything, seed: $0)) },
        claims: WeakToStrongDemo.claims, headlineNumbers: WeakToStrongDemo.headlineNumbers,
        jsonKeys: WeakToStrongDemo.jsonKeys)
    public static let filter = DemoEntry(
        name: "filter", summary: "A weak model picks the strong model's training data.", title: "Filtering",
        defaultJSON: { FilterDemo.json(FilterDemo.run(seed: $0)) },
        jsonKeys: [
            ("demo", "\"filter\""), ("seed", "the seed"),
            ("all_data_accuracy", "test accuracy of the strong model trained on all the data"),
            ("points[]", "one entry per kept fraction"), ("points[].fraction", "the fraction of the data kept"),
            ("points[].weak_selected", "test accuracy when the weak model picks the data it is most confident on"),
            ("points[].random", "test accuracy on a random subset of that size (the control)"),
            ("points[].strong_selected", "test accuracy when the strong model itself picks"),
        ])
    public static let distill = DemoEntry(
        name: "distill", summary: "A large teacher's soft labels make a small student better.", title: "Distillation",
        defaultJSON: { DistillDemo.json(DistillDemo.run(seed: $0)) })
    public static let speculative = DemoEntry(
        name: "speculative", summary: "Speculative decoding: a draft model proposes, the target verifies.",
        title: "Speculative decoding",
        defaultJSON: { SpeculativeDemo.json(SpeculativeDemo.run(seed: $0)) })

    /// Every demo, in the order `tandem run` lists them.
    public static let entries: [DemoEntry] = [cascade, ensemble, weakToStrong, filter, distill, speculative]

    /// The JSON reference for every demo, generated from the registry (docs/demo-json.md).
    public static func jsonReference() -> String {
        var text = """
            # The demos' JSON

            Generated from the demo registry (`DemoCatalogue.entries` in Sources/Demos/Demos.swift) by
            `TANDEM_UPDATE_GOLDENS=1 swift test --filter DemoJSONReferenceTests`; do not edit by hand.

            Every demo prints one JSON object with `tandem run NAME --json` (compact, keys in the order
            below). A dotted key names a nested object's key (`chosen.accuracy`); `[]` marks an array of
            objects; an undefined number is `null`. With `--seeds N --json` every demo prints the same
            shape: `{"demo", "seeds": [each seed's usual object], "summary": {key: {"median", "min",
            "max"}}, "claims": [{"statement", "holding", "defined", "general"}]}`, where the summary
            names numbers by dotted keys, arrays of named objects by their `name` or `method`, and
            other arrays of objects by position (`points.0.random`).

            """
        for entry in entries {
            text += "\n## `\(entry.name)`\n\n\(entry.summary)\n\n"
            if entry.jsonKeys.isEmpty {
                text += "(Keys not documented yet.)\n"
                continue
            }
            text += "| key | meaning |\n| --- | --- |\n"
            for (key, meaning) in entry.jsonKeys { text += "| `\(key)` | \(meaning) |\n" }
        }
        return text
    }

    /// The default run's JSON of the demo named `name`, or nil for an unknown name.
    public static func defaultJSON(_ name: String, seed: UInt64) -> JSONValue? {
        entries.first { $0.name == name }?.defaultJSON(seed)
    }

    /// Name and summary of every demo.
    public static var demos: [(name: String, summary: String)] { entries.map { ($0.name, $0.summary) } }

    /// The listing `tandem run` prints, fitted to the settings' width.
    public static func listing(settings: TerminalSettings) -> String {
        var report = Report(settings: settings)
        report.headline("Demos — run one with `tandem run NAME` (add --help for its options, --json for scripts):")
        report.blank()
        let nameWidth = (demos.map { $0.name.count }.max() ?? 0) + 2
        // One block for the whole list: a wrapped summary's lines stay together.
        var entries: [String] = []
        for demo in demos {
            let lines = TextWrap.wrap(report.glyphs(demo.summary), width: max(10, report.width - nameWidth - 2))
            for (i, line) in lines.enumerated() {
                let name = i == 0 ? settings.paint(demo.name, .bold) : ""
                let pad = String(repeating: " ", count: nameWidth - (i == 0 ? demo.name.count : 0))
                entries.append("  " + name + pad + line)
            }
        }
        report.block(entries)
        return report.text
    }
}
