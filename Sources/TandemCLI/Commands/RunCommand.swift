import ArgumentParser
import Course
import DemoReports
import Exercises
import Foundation
import JSON
import Terminal

/// `tandem run [DEMO]`: with no demo, lists them; each demo is a subcommand with its own knobs,
/// one `DemoCommand` per entry of the demo registry (`DemoCatalogue.entries`).
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a demo: " + DemoCatalogue.entries.map(\.name).joined(separator: ", ") + ".",
        discussion: "Every demo takes --seed N (default 1) and --json; the same seed prints the same numbers.",
        subcommands: DemoCatalogue.entries.map { demoCommand($0.arguments) }
    )
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}
    public func run() throws {
        Output.page(DemoCatalogue.listing(settings: display.settings), allowPager: !display.noPager)
    }
}

/// The subcommand of a demo whose own options are `arguments`.
func demoCommand<Arguments: DemoArguments>(_ arguments: Arguments.Type) -> any ParsableCommand.Type {
    DemoCommand<Arguments>.self
}

/// `tandem run NAME`: the shared options, then the demo's own (`Arguments`, declared in its report
/// file); its name and help come from its registry entry.
public struct DemoCommand<Arguments: DemoArguments>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        let entry = DemoCatalogue.entry(for: Arguments.self)
        return CommandConfiguration(commandName: entry.name, abstract: entry.abstract, discussion: entry.discussion)
    }
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @OptionGroup public var arguments: Arguments
    public init() {}

    /// The seed and knobs, as the `mine-NAME` runner reads them.
    var mineArguments: [String] {
        ["--seed", "\(common.chosenSeed ?? Self.entry.defaultSeed)"] + arguments.mineArguments
    }

    static var entry: DemoEntry { DemoCatalogue.entry(for: Arguments.self) }

    public func run() throws {
        let entry = Self.entry
        if arguments.mine {
            if common.json {
                throw CLIFailure("--mine prints the runner's own report; drop --json to use it", code: 2)
            }
            return try runMine(entry, arguments: mineArguments, course: try course.load())
        }
        var common = self.common
        if common.chosenSeed == nil { common.chosenSeed = entry.defaultSeed }
        try emitRuns(entry, common: common, display: display) { arguments.outcome(seed: $0) }
    }
}

/// `--seed`, `--seeds` and `--json`, shared by every demo.
public struct DemoRunOptions: ParsableArguments {
    @Option(
        name: .customLong("seed"), parsing: .unconditional,
        help: "The random seed: the same seed gives the same run (default 1; weak-to-strong: its own, see its help).")
    public var chosenSeed: UInt64?
    /// The seed to run: `--seed`, else 1 (a demo with its own default seed sets `chosenSeed`).
    public var seed: UInt64 {
        get { chosenSeed ?? 1 }
        set { chosenSeed = newValue }
    }
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run seeds S … S+N−1 (S = --seed) and report each headline number's median and range, and on how many seeds each claim holds.",
            valueName: "N"))
    public var seeds: Int = 1
    @Flag(name: .long, help: "Print the result as JSON instead of a report.")
    public var json = false
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Also write the report's charts as SVG: FILE.svg (several charts: FILE-1.svg, FILE-2.svg, …) or a folder.",
            valueName: "file"))
    public var svg: String?
    public init() {}

    /// The most seeds one run takes: enough for any robustness check, bounded so a typo cannot
    /// start an hour-long run.
    public static let maximumSeeds = 200

    public func validate() throws {
        guard (1...Self.maximumSeeds).contains(seeds) else {
            throw ValidationError("--seeds must be between 1 and \(Self.maximumSeeds) (got \(seeds)).")
        }
    }
}

/// Prints one seed's report or JSON, or with `--seeds N` the sweep over seeds S … S+N−1: each
/// seed's JSON, every number's median and range, and how often each of `entry`'s claims held.
func emitRuns(
    _ entry: DemoEntry, common: DemoRunOptions, display: DisplayOptions, runOne: (UInt64) -> DemoOutcome
) throws {
    if common.seeds > 1 {
        let sweep = SeedSweep.run(demo: entry.name, first: common.seed, count: common.seeds, claims: entry.claims) {
            runOne($0).json()
        }
        try emit(
            json: common.json, display: display, svg: common.svg,
            report: {
                sweep.report(title: entry.title, labels: entry.headlineNumbers, settings: display.settings)
            }, data: { sweep.json() })
        return
    }
    let outcome = runOne(common.seed)
    try emit(
        json: common.json, display: display, svg: common.svg, report: { outcome.report(display.settings) },
        data: outcome.json)
}

/// Runs `mine-NAME` of the exercises package with `arguments` (for `run DEMO --mine` and `dev mine`);
/// its output goes to the terminal.
func runMine(_ entry: DemoEntry, arguments: [String], course: CourseFolder) throws {
    let status: Int32
    do {
        status = try MineRunner.runMine(
            demo: entry.name, feeding: entry.mineExercises, arguments: arguments, course: course
        ) { Output.line($0) }
    } catch {
        throw CLIFailure("\(error)", code: 1)
    }
    if status != 0 { throw ExitCode(status) }
}

/// The demo `tandem dev mine NAME` runs: one with a `mine-NAME` runner.
func mineEntry(named name: String) throws -> DemoEntry {
    guard let entry = DemoCatalogue.entry(named: name), !entry.mineExercises.isEmpty else {
        let names = DemoCatalogue.mineDemos.sorted()
        throw CLIFailure("no --mine runner for '\(name)'; demos with one: \(names.joined(separator: ", "))")
    }
    return entry
}

/// Prints a demo's report (paged) or its JSON; with `--svg`, also writes the report's charts.
func emit(json: Bool, display: DisplayOptions, svg: String? = nil, report: () -> String, data: () -> JSONValue) throws {
    var text: String?
    if let svg {
        let (rendered, figures) = ChartCapture.collect { report() }
        text = rendered
        let written = try writeCharts(figures, to: svg)
        Output.error(
            "tandem: wrote \(written.count) chart\(written.count == 1 ? "" : "s"): " + written.joined(separator: ", "))
    }
    emit(json: json, pager: !display.noPager, report: { text ?? report() }, data: data)
}

/// Writes each figure as SVG. `path` ending in `.svg` names the file (numbered `-1`, `-2`… when
/// there are several charts); anything else is a folder, made when missing, holding `chart-N-TITLE.svg`.
/// Never overwrites a file that is not an SVG.
func writeCharts(_ figures: [ChartFigure], to path: String) throws -> [String] {
    guard !figures.isEmpty else { throw CLIFailure("this demo draws no charts, so --svg has nothing to write") }
    let url = URL(fileURLWithPath: path)
    var targets: [URL] = []
    if url.pathExtension.lowercased() == "svg" {
        let base = url.deletingPathExtension()
        targets =
            figures.count == 1
            ? [url] : figures.indices.map { URL(fileURLWithPath: base.path + "-\($0 + 1).svg") }
    } else {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure("\(path): cannot make this folder for the charts (\(error.localizedDescription))")
        }
        targets = figures.enumerated().map { index, figure in
            let words = LessonOutline.slug(figure.title).filter { $0.isASCII }.split(separator: "-")
            var slug = String(words.joined(separator: "-").prefix(40))
            while slug.hasSuffix("-") { slug.removeLast() }
            return url.appendingPathComponent("chart-\(index + 1)\(slug.isEmpty ? "" : "-" + slug).svg")
        }
    }
    var written: [String] = []
    for (figure, target) in zip(figures, targets) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory),
            isDirectory.boolValue || target.pathExtension.lowercased() != "svg"
        {
            throw CLIFailure("\(target.path): exists and is not an SVG file; not overwritten")
        }
        do {
            try Data(figure.svg.utf8).write(to: target, options: .atomic)
        } catch {
            throw CLIFailure("\(target.path): cannot write (\(error.localizedDescription))")
        }
        written.append(target.path)
    }
    return written
}
