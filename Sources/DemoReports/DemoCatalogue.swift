import Demos
import JSON
import Terminal
import ToyEngine

/// What a demo's report file gives the registry besides its report and JSON: its command-line
/// arguments, the claims its headline makes, the numbers a multi-seed run summarises, and the
/// documented keys of its JSON.
public protocol ReportedDemo {
    associatedtype Arguments: DemoArguments
    /// The claims its headline makes, checked on every seed of `--seeds N` (and by the tests over
    /// seeds 1–20).
    static var claims: [DemoClaim] { get }
    /// The numbers a multi-seed report shows (dotted keys of its JSON, see `SeedSweep.numbers(in:)`).
    static var headlineNumbers: [(key: String, label: String, percent: Bool)] { get }
    /// The keys of its `--json` object that scripts may rely on, each with its meaning; the JSON
    /// reference (docs/json.md) is generated from these, and tests check every key is there.
    static var jsonKeys: [JSONKeyDoc] { get }
}

/// One demo of `tandem run`: everything the rest of tandem needs to know about it, in one place.
/// Adding a demo = its experiment file (Sources/Demos), its report file (Sources/DemoReports, with
/// its `Arguments` and its `ReportedDemo` conformance), and one entry in `DemoCatalogue.entries`.
/// TandemCLI builds the subcommand, `tandem run`'s listing and `--mine` from this entry.
public struct DemoEntry: Sendable {
    /// The subcommand name (`tandem run NAME`).
    public let name: String
    /// One sentence for `tandem run`'s listing.
    public let summary: String
    /// The report title of a multi-seed run.
    public let title: String
    /// The subcommand's help: its one-line abstract and its optional longer discussion.
    public let abstract: String
    public let discussion: String
    /// The demo's own options: the subcommand `tandem run NAME` is `DemoCommand<arguments>`.
    public let arguments: any DemoArguments.Type
    /// The seed a run without `--seed` uses.
    public let defaultSeed: UInt64
    /// The exercises whose functions `tandem run NAME --mine` runs the demo on (by id, course
    /// order); empty when no exercise feeds it. The runner is `mine-NAME` in exercises/Package.swift,
    /// which a test checks against this list.
    public let mineExercises: [String]
    public let claims: [DemoClaim]
    public let headlineNumbers: [(key: String, label: String, percent: Bool)]
    public let jsonKeys: [JSONKeyDoc]
    /// Runs the demo with its default knobs on one seed and returns its JSON (for the tests of
    /// claims over seeds and of the JSON reference).
    public let defaultJSON: @Sendable (_ seed: UInt64) -> JSONValue

    public init<Demo: ReportedDemo>(
        _ demo: Demo.Type, name: String, summary: String, title: String, abstract: String, discussion: String = "",
        defaultSeed: UInt64 = 1, mineExercises: [String] = [], defaultJSON: @escaping @Sendable (UInt64) -> JSONValue
    ) {
        self.name = name
        self.summary = summary
        self.title = title
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = Demo.Arguments.self
        self.defaultSeed = defaultSeed
        self.mineExercises = mineExercises
        self.claims = Demo.claims
        self.headlineNumbers = Demo.headlineNumbers
        self.jsonKeys = Demo.jsonKeys
        self.defaultJSON = defaultJSON
    }
}

/// The catalogue of demos `tandem run` lists: the one registry of demos.
///
/// Each demo is a pure function `run(Options, seed:, hooks:) -> Result` (a value type) plus
/// `report(Result, settings:) -> String` (headline, table, chart) and `json(Result) -> JSONValue`.
public enum DemoCatalogue {
    /// Every demo, in the order `tandem run` lists them.
    public static let entries: [DemoEntry] = [
        DemoEntry(
            CascadeDemo.self, name: "cascade",
            summary: "Small model first, large model when unsure: accuracy against cost as the threshold moves.",
            title: "Cascade", abstract: "Small model first, large model when unsure (customer-support messages).",
            discussion:
                "Sweeps the threshold τ and charts accuracy against cost per query (multiply-adds), with the small-only, large-only, random-deferral and oracle baselines.",
            mineExercises: ["cascade-routing"],
            defaultJSON: { CascadeDemo.json(CascadeDemo.run(seed: $0)) }),
        DemoEntry(
            RouterDemo.self, name: "router",
            summary:
                "A router picks the small or the large model from the query alone, against the cascade at equal cost.",
            title: "Router",
            abstract: "A router picks a model from the query alone; against the cascade at equal cost.",
            discussion:
                "The router reads only the query and pays for the one model it picks; the cascade always pays for the small model. Both on the cascade demo's support messages and models.",
            defaultJSON: { RouterDemo.json(RouterDemo.run(seed: $0)) }),
        DemoEntry(
            EnsembleDemo.self, name: "ensemble",
            summary:
                "Many small models voting, averaging or boosted, against one large model and the task's ceiling.",
            title: "Ensemble",
            abstract: "Many small models (vote, average, weighted, boosting) against one large model.",
            mineExercises: ["majority-vote", "averaging"],
            defaultJSON: { EnsembleDemo.json(EnsembleDemo.run(seed: $0)) }),
        DemoEntry(
            WeakToStrongDemo.self, name: "weak-to-strong",
            summary: "A strong student trained only on a weak model's labels beats its supervisor.",
            title: "Weak-to-strong",
            abstract: "A strong student trained only on a weak supervisor's labels (Burns et al.).",
            discussion: """
                A weak supervisor (weak size 1–3: GPT-2-like, GPT-2-medium-like, GPT-2-XL-like) labels data for a strong \
                student (strong size 1–4: GPT-3-like … GPT-4-like) whose pretrained view holds the task's concept most \
                saliently. The student is trained four ways: naive (soft weak labels), hard weak labels, the auxiliary \
                confidence loss, and naive with early stopping on weak-labelled validation data. --sweep draws PGR against \
                the student's size for every supervisor, --curve test accuracy per epoch, --bootstrap the chain through \
                every intermediate size. The default seed, \(WeakToStrongDemo.defaultSeed), was chosen openly as the first of \
                seeds 1–20 on which every method's PGR lies in the middle half of seeds 1–20; --seeds 20 runs 20 seeds \
                from --seed on and shows the spread.
                """,
            // Its representative seed (see the discussion).
            defaultSeed: WeakToStrongDemo.defaultSeed, mineExercises: ["pgr", "confidence-target"],
            // With --sweep --curve --bootstrap, so every documented key is present; the default run's own
            // numbers are the same with or without them (each model's randomness depends on its role).
            defaultJSON: { WeakToStrongDemo.json(WeakToStrongDemo.run(WeakToStrongDemo.everything, seed: $0)) }),
        DemoEntry(
            FilterDemo.self, name: "filter", summary: "A weak model picks the strong model's training data.",
            title: "Filtering", abstract: "A weak model selects the strong model's training data.",
            mineExercises: ["data-filtering"], defaultJSON: { FilterDemo.json(FilterDemo.run(seed: $0)) }),
        DemoEntry(
            DistillDemo.self, name: "distill", summary: "A large teacher's soft labels make a small student better.",
            title: "Distillation",
            abstract: "A large teacher's soft labels make a small student better (T = 1, 2, 4, 8).",
            mineExercises: ["distillation-loss"], defaultJSON: { DistillDemo.json(DistillDemo.run(seed: $0)) }),
        DemoEntry(
            SpeculativeDemo.self, name: "speculative",
            summary: "Speculative decoding: a draft model proposes, the target verifies.",
            title: "Speculative decoding",
            abstract: "Speculative decoding: tokens per target call against the formula, γ = 1…8.",
            defaultJSON: { SpeculativeDemo.json(SpeculativeDemo.run(seed: $0)) }),
        DemoEntry(
            SaltDemo.self, name: "salt",
            summary: "A small model's soft labels early in pre-training speed up a larger model (SALT).",
            title: "SALT",
            abstract: "A small model's soft labels early in pre-training speed up a larger model (SALT).",
            defaultJSON: { SaltDemo.json(SaltDemo.run(seed: $0)) }),
    ]

    /// The demo named `name`, or nil.
    public static func entry(named name: String) -> DemoEntry? { entries.first { $0.name == name } }

    /// The demo whose arguments are `arguments` (each registry entry has its own type).
    public static func entry(for arguments: any DemoArguments.Type) -> DemoEntry {
        guard let entry = entries.first(where: { $0.arguments == arguments }) else {
            preconditionFailure("\(arguments) is in no DemoCatalogue entry")
        }
        return entry
    }

    /// The demos an exercise feeds (`--mine`), in listing order.
    public static var mineDemos: [String] { entries.filter { !$0.mineExercises.isEmpty }.map(\.name) }

    /// The default run's JSON of the demo named `name`, or nil for an unknown name.
    public static func defaultJSON(_ name: String, seed: UInt64) -> JSONValue? {
        entry(named: name)?.defaultJSON(seed)
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
