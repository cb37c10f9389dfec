import ArgumentParser
import JSON
import Terminal

/// A demo's own options on `tandem run NAME` (besides `--seed`, `--seeds`, `--json`, `--svg` and
/// the display options every demo shares), declared once in its report file. TandemCLI turns each
/// registry entry's type into the subcommand `DemoCommand<Arguments>`, so these declarations are
/// the demo's `--help`, defaults and validation messages.
///
/// This is why DemoReports links ArgumentParser: the declarations stay next to the report they
/// drive, and the experiments (`Demos`, which the exercises package links) stay free of it.
public protocol DemoArguments: ParsableArguments {
    /// Whether `--mine` was given: demos with a `mine-NAME` runner include a `MineOption` group.
    var mine: Bool { get }
    /// The demo's own options as its `mine-NAME` runner reads them (`--seed` comes first, added by
    /// the command).
    var mineArguments: [String] { get }
    /// Runs the demo with these options on one seed.
    func outcome(seed: UInt64) -> DemoOutcome
}

extension DemoArguments {
    public var mine: Bool { false }
    public var mineArguments: [String] { [] }
}

/// One seed's run of a demo: its report at given settings, and its JSON.
public struct DemoOutcome {
    public var report: (TerminalSettings) -> String
    public var json: () -> JSONValue

    public init(report: @escaping (TerminalSettings) -> String, json: @escaping () -> JSONValue) {
        self.report = report
        self.json = json
    }
}

/// `--mine`, on the demos an exercise feeds: the same demo run on the student's own functions.
public struct MineOption: ParsableArguments {
    @Flag(
        name: .long,
        help:
            "Run the demo on your own exercise functions (builds your exercises in release first; the first build takes a minute or two)."
    )
    public var mine = false
    public init() {}
}

/// Reads a number option (every command's, not only the demos': this is the lowest module that
/// parses arguments): NaN and infinity are no lengths of time, thresholds or noise levels.
/// (Numeric options also parse `.unconditional`, so `--width -1` reads -1 and is then rejected
/// with the allowed range, instead of "Missing value".)
public func finiteNumber(_ text: String) throws -> Double {
    guard let value = Double(text), value.isFinite else {
        throw ValidationError("'\(TerminalText.excerpt(text, limit: 20))' is not a finite number")
    }
    return value
}
