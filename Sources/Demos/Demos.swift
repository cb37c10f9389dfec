import JSON
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
    /// reference (docs/json.md) is generated from these, and tests check every key is there.
    public let jsonKeys: [JSONKeyDoc]
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
        self.jsonKeys = jsonKeys.map { JSONKeyDoc($0.key, meaning: $0.meaning) }
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
        defaultJSON: { CascadeDemo.json(CascadeDemo.run(seed: $0)) }, claims: CascadeDemo.claims,
        headlineNumbers: CascadeDemo.headlineNumbers, jsonKeys: CascadeDemo.jsonKeys)
    public static let router = DemoEntry(
        name: "router",
        summary: "A router picks the small or the large model from the query alone, against the cascade at equal cost.",
        title: "Router",
        defaultJSON: { RouterDemo.json(RouterDemo.run(seed: $0)) }, claims: RouterDemo.claims,
        headlineNumbers: RouterDemo.headlineNumbers, jsonKeys: RouterDemo.jsonKeys)
    public static let ensemble = DemoEntry(
        name: "ensemble",
        summary: "Many small models voting, averaging or boosted, against one large model and the task's ceiling.",
        title: "Ensemble",
        defaultJSON: { EnsembleDemo.json(EnsembleDemo.run(seed: $0)) }, claims: EnsembleDemo.claims,
        headlineNumbers: EnsembleDemo.headlineNumbers, jsonKeys: EnsembleDemo.jsonKeys)
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
        claims: FilterDemo.claims,
        headlineNumbers: [
            ("all_data_accuracy", "all data", true), ("chosen.fraction", "kept fraction chosen on validation", true),
            ("chosen.weak_selected", "weak-selected (chosen fraction)", true),
            ("chosen.random", "random (chosen fraction)", true),
            ("chosen.strong_selected", "strong-selected (chosen fraction)", true),
            ("chosen.classifier_selected", "classifier-selected (chosen fraction)", true),
            ("pool_noise", "wrong labels in the pool", true),
            ("points.1.weak_kept_noise", "wrong labels in the weak model's 60%", true),
        ],
        jsonKeys: [
            ("demo", "\"filter\""), ("seed", "the seed"),
            ("all_data_accuracy", "test accuracy of the strong model trained on all the data"),
            ("pool_noise", "the fraction of the pool whose label is wrong"),
            ("chosen", "the kept fraction below 100% whose weak-selected model does best on clean validation data"),
            ("chosen.fraction", "that fraction"),
            ("chosen.weak_selected", "test accuracy there when the weak model picks"),
            ("chosen.random", "test accuracy there on a random subset"),
            ("chosen.strong_selected", "test accuracy there when the strong model picks"),
            ("chosen.classifier_selected", "test accuracy there when the quality classifier picks"),
            ("weak_cost", "multiply-adds per example of the weak scorer"),
            ("strong_cost", "multiply-adds per example of the strong model"),
            ("quality_cost", "multiply-adds per example of the quality classifier"),
            ("judged", "pool examples the strong model judges to train the quality classifier"),
            ("points[]", "one entry per kept fraction"), ("points[].fraction", "the fraction of the data kept"),
            ("points[].weak_selected", "test accuracy when the weak model picks the data it is most confident on"),
            ("points[].random", "test accuracy on a random subset of that size (the control)"),
            ("points[].strong_selected", "test accuracy when the strong model itself picks"),
            (
                "points[].classifier_selected",
                "test accuracy when a small classifier trained on the strong model's keep/drop judgements of a sample picks"
            ),
            ("points[].weak_validation", "validation accuracy of the weak-selected model (chooses the fraction)"),
            ("points[].weak_kept_noise", "the share of wrong labels among the weak model's picks"),
        ])
    public static let distill = DemoEntry(
        name: "distill", summary: "A large teacher's soft labels make a small student better.", title: "Distillation",
        defaultJSON: { DistillDemo.json(DistillDemo.run(seed: $0)) },
        claims: DistillDemo.claims,
        headlineNumbers: [
            ("teacher.accuracy", "teacher", true), ("hard_labels.accuracy", "student, noisy hard labels", true),
            ("controls.teacher_hard.accuracy", "student, teacher's hard labels", true),
            ("controls.true_labels.accuracy", "student, true labels", true),
            ("soft.0.accuracy", "student, soft labels (1st T; default T = 1)", true),
            ("soft.1.accuracy", "student, soft labels (2nd T; default T = 2)", true),
            ("soft.2.accuracy", "student, soft labels (3rd T; default T = 4)", true),
            ("soft.3.accuracy", "student, soft labels (4th T; default T = 8)", true),
            ("best_temperature", "best temperature", false),
            ("hard_labels.ece", "ECE, noisy hard labels", false), ("soft.0.ece", "ECE, soft labels (1st T)", false),
        ],
        jsonKeys: [
            ("demo", "\"distill\""), ("seed", "the seed"),
            ("teacher.accuracy", "the teacher's test accuracy"), ("teacher.ece", "the teacher's calibration error"),
            ("hard_labels.accuracy", "the student trained on the (noisy) given labels: test accuracy"),
            ("hard_labels.ece", "its expected calibration error (10 bins)"),
            ("soft[]", "one entry per temperature"), ("soft[].temperature", "T"),
            ("soft[].accuracy", "the student trained on the teacher's probabilities at T: test accuracy"),
            ("soft[].ece", "its expected calibration error"),
            ("controls.teacher_hard", "the student on the teacher's hard labels (label cleaning only): accuracy, ece"),
            ("controls.true_labels", "the student on the true labels of the same examples: accuracy, ece"),
            ("best_temperature", "the temperature with the best student accuracy"),
            ("label_noise", "the fraction of training labels that are wrong"),
            ("teacher_cost", "multiply-adds per prediction of the teacher"),
            ("student_cost", "multiply-adds per prediction of the student"),
        ])
    public static let speculative = DemoEntry(
        name: "speculative", summary: "Speculative decoding: a draft model proposes, the target verifies.",
        title: "Speculative decoding",
        defaultJSON: { SpeculativeDemo.json(SpeculativeDemo.run(seed: $0)) }, claims: SpeculativeDemo.claims,
        headlineNumbers: SpeculativeDemo.headlineNumbers, jsonKeys: SpeculativeDemo.jsonKeys)

    public static let salt = DemoEntry(
        name: "salt", summary: "A small model's soft labels early in pre-training speed up a larger model (SALT).",
        title: "SALT",
        defaultJSON: { SaltDemo.json(SaltDemo.run(seed: $0)) },
        claims: SaltDemo.claims,
        headlineNumbers: [
            ("baseline.final_loss", "baseline: final loss", false),
            ("salt.final_loss", "SALT: final loss", false),
            ("salt.steps_to_baseline_quality", "SALT: steps to baseline's final loss", false),
            ("salt_ds.final_loss", "SALT_DS: final loss", false),
            ("salt_ds.steps_to_baseline_quality", "SALT_DS: steps to baseline's final loss", false),
            ("kd_throughout.final_loss", "KD throughout: final loss", false),
            ("teacher_loss", "small teacher's loss", false),
        ],
        jsonKeys: [
            ("demo", "\"salt\""), ("seed", "the seed"), ("steps", "gradient steps of every large-model run"),
            ("kd_steps", "steps of the distillation phase in SALT and SALT_DS"),
            ("evaluation_steps", "the steps at which each curve is measured (0, 10, …)"),
            ("baseline", "standard next-token training"),
            ("baseline.curve", "expected next-token loss (nats) at each of evaluation_steps"),
            (
                "baseline.steps_to_baseline_quality",
                "the first evaluated step at or below the baseline's final loss (null: never)"
            ),
            ("baseline.final_loss", "the loss after the last step"),
            ("salt", "distillation from the small model for kd_steps, then next-token training; same keys as baseline"),
            ("salt_ds", "as salt, with the small model also choosing the distillation phase's examples; same keys"),
            ("kd_throughout", "distillation from the small model for every step; same keys"),
            ("at_switch.baseline", "the baseline's loss at the step where SALT hands over to next-token training"),
            ("at_switch.salt", "SALT's loss at that step"),
            ("teacher_loss", "the small model's own expected loss"),
            ("entropy_floor", "the source's conditional entropy: the lowest loss any model can reach"),
            ("small_cost", "multiply-adds per prediction of the small model"),
            ("large_cost", "multiply-adds per prediction of the large model"),
        ])

    /// Every demo, in the order `tandem run` lists them.
    public static let entries: [DemoEntry] = [
        cascade, router, ensemble, weakToStrong, filter, distill, speculative, salt,
    ]

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
