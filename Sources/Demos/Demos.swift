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

    public init(
        name: String, summary: String, title: String, claims: [DemoClaim] = [],
        headlineNumbers: [(key: String, label: String, percent: Bool)]? = nil
    ) {
        self.name = name
        self.summary = summary
        self.title = title
        self.claims = claims
        self.headlineNumbers = headlineNumbers
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
        title: "Cascade")
    public static let ensemble = DemoEntry(
        name: "ensemble", summary: "Many small models voting or averaging against one large model.",
        title: "Ensemble")
    public static let weakToStrong = DemoEntry(
        name: "weak-to-strong",
        summary: "A strong student trained only on a weak model's labels beats its supervisor.",
        title: "Weak-to-strong")
    public static let filter = DemoEntry(
        name: "filter", summary: "A weak model picks the strong model's training data.", title: "Filtering")
    public static let distill = DemoEntry(
        name: "distill", summary: "A large teacher's soft labels make a small student better.", title: "Distillation")
    public static let speculative = DemoEntry(
        name: "speculative", summary: "Speculative decoding: a draft model proposes, the target verifies.",
        title: "Speculative decoding")

    /// Every demo, in the order `tandem run` lists them.
    public static let entries: [DemoEntry] = [cascade, ensemble, weakToStrong, filter, distill, speculative]

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
