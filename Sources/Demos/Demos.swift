import Terminal
import ToyEngine

/// The catalogue of demos `tandem run` lists.
///
/// Each demo is a pure function `run(Options, seed:, hooks:) -> Result` (a value type) plus
/// `report(Result, settings:) -> String` (headline, table, chart) and `json(Result) -> JSONValue`.
public enum DemoCatalogue {
    public static let demos: [(name: String, summary: String)] = [
        ("cascade", "Small model first, large model when unsure: accuracy against cost as the threshold moves."),
        ("ensemble", "Many small models voting or averaging against one large model."),
        ("weak-to-strong", "A strong student trained only on a weak model's labels beats its supervisor."),
        ("filter", "A weak model picks the strong model's training data."),
        ("distill", "A large teacher's soft labels make a small student better."),
        ("speculative", "Speculative decoding: a draft model proposes, the target verifies."),
    ]

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
