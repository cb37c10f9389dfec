import ArgumentParser
import Course
import Demos
import Exercises
import Foundation
import JSON
import Terminal

/// `tandem run [DEMO]`: with no demo, lists them; each demo is a subcommand with its own knobs.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a demo: cascade, router, ensemble, weak-to-strong, filter, distill, speculative, salt.",
        discussion: "Every demo takes --seed N (default 1) and --json; the same seed prints the same numbers.",
        subcommands: [
            RunCascade.self, RunRouter.self, RunEnsemble.self, RunWeakToStrong.self, RunFilter.self, RunDistill.self,
            RunSpeculative.self, RunSalt.self,
        ]
    )
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}
    public func run() throws {
        Output.page(DemoCatalogue.listing(settings: display.settings), allowPager: !display.noPager)
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

/// One seed's run of a demo: its report at given settings, and its JSON.
struct DemoOutcome {
    var report: (TerminalSettings) -> String
    var json: () -> JSONValue
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

/// Runs `mine-DEMO` of the exercises package with `arguments`; its output goes to the terminal.
func runMine(demo: String, arguments: [String], course: CourseOptions, json: Bool) throws {
    if json { throw CLIFailure("--mine prints the runner's own report; drop --json to use it", code: 2) }
    let loaded = try course.load()
    let status: Int32
    do {
        status = try ExerciseKit.runMine(demo: demo, arguments: arguments, course: loaded) { Output.line($0) }
    } catch {
        throw CLIFailure("\(error)", code: 1)
    }
    if status != 0 { throw ExitCode(status) }
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

extension CascadeDemo.Scorer: ExpressibleByArgument {}
extension EnsembleDemo.Method: ExpressibleByArgument {}
extension EnsembleDemo.Diversity: ExpressibleByArgument {}

public struct RunCascade: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cascade",
        abstract: "Small model first, large model when unsure (customer-support messages).",
        discussion:
            "Sweeps the threshold τ and charts accuracy against cost per query (multiply-adds), with the small-only, large-only, random-deferral and oracle baselines."
    )
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Also report this threshold in detail: what was deferred and why.", valueName: "τ"),
        transform: finiteNumber)
    public var threshold: Double?
    @Option(
        name: .long,
        help:
            "How the small model's answer is scored: maxprob, margin or learned (a router trained on validation data).")
    public var scorer: CascadeDemo.Scorer = .maxprob
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Choose the cheapest τ reaching this accuracy on validation data, and report it on test.", valueName: "A"),
        transform: finiteNumber)
    public var targetAccuracy: Double?
    @Option(name: .long, parsing: .unconditional, help: "2 (small → large) or 3 (small → medium → large).")
    public var tiers = 2
    @OptionGroup public var mineOption: MineOption
    public init() {}

    /// The seed and knobs, as the `mine-cascade` runner reads them.
    var mineArguments: [String] {
        ["--seed", "\(common.seed)"] + (threshold.map { ["--threshold", "\($0)"] } ?? []) + [
            "--scorer", scorer.rawValue,
        ]
            + (targetAccuracy.map { ["--target-accuracy", "\($0)"] } ?? []) + ["--tiers", "\(tiers)"]
    }

    public func validate() throws {
        if let threshold, !(0...1).contains(threshold) {
            throw ValidationError("--threshold must be between 0 and 1 (got \(threshold)).")
        }
        if let targetAccuracy, !(0...1).contains(targetAccuracy) {
            throw ValidationError("--target-accuracy must be between 0 and 1 (got \(targetAccuracy)).")
        }
        if ![2, 3].contains(tiers) { throw ValidationError("--tiers must be 2 or 3 (got \(tiers)).") }
    }

    public func run() throws {
        if mineOption.mine {
            return try runMine(demo: "cascade", arguments: mineArguments, course: course, json: common.json)
        }
        var options = CascadeDemo.Options()
        options.threshold = threshold
        options.scorer = scorer
        options.targetAccuracy = targetAccuracy
        options.tiers = tiers
        try emitRuns(DemoCatalogue.cascade, common: common, display: display) { seed in
            let result = CascadeDemo.run(options, seed: seed)
            return DemoOutcome(report: { CascadeDemo.report(result, settings: $0) }, json: { CascadeDemo.json(result) })
        }
    }
}

public struct RunRouter: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "router",
        abstract: "A router picks a model from the query alone; against the cascade at equal cost.",
        discussion:
            "The router reads only the query and pays for the one model it picks; the cascade always pays for the small model. Both on the cascade demo's support messages and models."
    )
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    public init() {}

    public func run() throws {
        try emitRuns(DemoCatalogue.router, common: common, display: display) { seed in
            let result = RouterDemo.run(seed: seed)
            return DemoOutcome(report: { RouterDemo.report(result, settings: $0) }, json: { RouterDemo.json(result) })
        }
    }
}

public struct RunEnsemble: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Many small models (vote, average, weighted, boosting) against one large model.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @Option(name: .long, parsing: .unconditional, help: "Members in the ensemble (1–25).")
    public var members = 11
    @Option(name: .long, help: "How members are combined: vote, average, weighted or boosting.")
    public var method: EnsembleDemo.Method = .average
    @Option(
        name: .long,
        help:
            "How different the members' training is: low (seeds only), medium (bootstrap samples) or high (bootstrap and feature subsets)."
    )
    public var diversity: EnsembleDemo.Diversity = .medium
    @OptionGroup public var mineOption: MineOption
    public init() {}

    /// The seed and knobs, as the `mine-ensemble` runner reads them.
    var mineArguments: [String] {
        [
            "--seed", "\(common.seed)", "--members", "\(members)", "--method", method.rawValue, "--diversity",
            diversity.rawValue,
        ]
    }

    public func validate() throws {
        if !(1...25).contains(members) { throw ValidationError("--members must be between 1 and 25 (got \(members)).") }
    }

    public func run() throws {
        if mineOption.mine {
            return try runMine(demo: "ensemble", arguments: mineArguments, course: course, json: common.json)
        }
        var options = EnsembleDemo.Options()
        options.members = members
        options.method = method
        options.diversity = diversity
        try emitRuns(DemoCatalogue.ensemble, common: common, display: display) { seed in
            let result = EnsembleDemo.run(options, seed: seed)
            return DemoOutcome(
                report: { EnsembleDemo.report(result, settings: $0) }, json: { EnsembleDemo.json(result) })
        }
    }
}

public struct RunWeakToStrong: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "weak-to-strong",
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
            """)
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Classes, 2–10 (default 2).", valueName: "K"))
    public var classes: Int = 2
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("The weak supervisor, 1–3 (default 1, GPT-2-like).", valueName: "N"))
    public var weakSize: Int = 1
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("The strong student, 1–4 (default 4, GPT-4-like).", valueName: "N"))
    public var strongSize: Int = 4
    @Flag(name: .long, help: "Also show PGR against strong size for every weak size (naive and confidence loss).")
    public var sweep = false
    @Flag(name: .long, help: "Also chart test accuracy per epoch (naive, confidence loss, early stopping).")
    public var curve = false
    @Flag(name: .long, help: "Also run the bootstrapping chain weak → each strong size in turn → the largest.")
    public var bootstrap = false
    @OptionGroup public var mineOption: MineOption
    public init() {}

    /// The seed and knobs, as the `mine-weak-to-strong` runner reads them.
    var mineArguments: [String] {
        [
            "--seed", "\(common.chosenSeed ?? WeakToStrongDemo.defaultSeed)", "--classes", "\(classes)", "--weak-size",
            "\(weakSize)", "--strong-size",
            "\(strongSize)",
        ] + (sweep ? ["--sweep"] : []) + (curve ? ["--curve"] : []) + (bootstrap ? ["--bootstrap"] : [])
    }

    public func validate() throws {
        guard (2...10).contains(classes) else {
            throw ValidationError("--classes must be between 2 and 10 (got \(classes)).")
        }
        guard (1...3).contains(weakSize) else {
            throw ValidationError("--weak-size must be between 1 and 3 (got \(weakSize)).")
        }
        guard (1...4).contains(strongSize) else {
            throw ValidationError("--strong-size must be between 1 and 4 (got \(strongSize)).")
        }
    }

    var options: WeakToStrongDemo.Options {
        var options = WeakToStrongDemo.Options()
        options.classes = classes
        options.weakSize = weakSize
        options.strongSize = strongSize
        options.sweep = sweep
        options.curve = curve
        options.bootstrap = bootstrap
        return options
    }

    public func run() throws {
        if mineOption.mine {
            return try runMine(demo: "weak-to-strong", arguments: mineArguments, course: course, json: common.json)
        }
        let options = self.options
        // This demo's default seed is its representative one (WeakToStrongDemo.defaultSeed).
        var common = self.common
        if common.chosenSeed == nil { common.chosenSeed = WeakToStrongDemo.defaultSeed }
        try emitRuns(DemoCatalogue.weakToStrong, common: common, display: display) { seed in
            let result = WeakToStrongDemo.run(options, seed: seed)
            return DemoOutcome(
                report: { WeakToStrongDemo.report(result, settings: $0) }, json: { WeakToStrongDemo.json(result) })
        }
    }
}

public struct RunFilter: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "A weak model selects the strong model's training data.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @OptionGroup public var mineOption: MineOption
    public init() {}

    /// The seed, as the `mine-filter` runner reads it.
    var mineArguments: [String] { ["--seed", "\(common.seed)"] }

    public func run() throws {
        if mineOption.mine {
            return try runMine(demo: "filter", arguments: mineArguments, course: course, json: common.json)
        }
        try emitRuns(DemoCatalogue.filter, common: common, display: display) { seed in
            let result = FilterDemo.run(seed: seed)
            return DemoOutcome(report: { FilterDemo.report(result, settings: $0) }, json: { FilterDemo.json(result) })
        }
    }
}

public struct RunDistill: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "distill",
        abstract: "A large teacher's soft labels make a small student better (T = 1, 2, 4, 8).")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Temperatures to try (default 1 2 4 8).", valueName: "T"))
    public var temperatures: [Double] = []
    @OptionGroup public var mineOption: MineOption
    public init() {}

    /// The seed and knobs, as the `mine-distill` runner reads them.
    var mineArguments: [String] {
        ["--seed", "\(common.seed)"] + (temperatures.isEmpty ? [] : ["--temperatures"] + temperatures.map { "\($0)" })
    }

    public func validate() throws {
        if temperatures.contains(where: { !($0 > 0 && $0 <= 100) }) {
            throw ValidationError("--temperatures must be positive numbers up to 100.")
        }
    }

    public func run() throws {
        if mineOption.mine {
            return try runMine(demo: "distill", arguments: mineArguments, course: course, json: common.json)
        }
        var options = DistillDemo.Options()
        if !temperatures.isEmpty { options.temperatures = temperatures }
        try emitRuns(DemoCatalogue.distill, common: common, display: display) { seed in
            let result = DistillDemo.run(options, seed: seed)
            return DemoOutcome(report: { DistillDemo.report(result, settings: $0) }, json: { DistillDemo.json(result) })
        }
    }
}

public struct RunSpeculative: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "speculative",
        abstract: "Speculative decoding: tokens per target call against the formula, γ = 1…8.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @Option(name: .long, help: ArgumentHelp("The γ shown in detail (1–8).", valueName: "γ"))
    public var gamma = 4
    @Flag(name: .long, help: "Not available: no exercise feeds the speculative demo.")
    public var mine = false
    public init() {}

    public func validate() throws {
        if mine {
            throw ValidationError(
                "speculative has no --mine runner: no exercise feeds it (demos with one: cascade, ensemble, weak-to-strong, filter, distill)."
            )
        }
        if !(1...8).contains(gamma) { throw ValidationError("--gamma must be between 1 and 8 (got \(gamma)).") }
    }

    public func run() throws {
        var options = SpeculativeDemo.Options()
        options.gamma = gamma
        try emitRuns(DemoCatalogue.speculative, common: common, display: display) { seed in
            let result = SpeculativeDemo.run(options, seed: seed)
            return DemoOutcome(
                report: { SpeculativeDemo.report(result, settings: $0) }, json: { SpeculativeDemo.json(result) })
        }
    }
}

public struct RunSalt: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "salt",
        abstract: "A small model's soft labels early in pre-training speed up a larger model (SALT).")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    public init() {}

    public func run() throws {
        try emitRuns(DemoCatalogue.salt, common: common, display: display) { seed in
            let result = SaltDemo.run(seed: seed)
            return DemoOutcome(report: { SaltDemo.report(result, settings: $0) }, json: { SaltDemo.json(result) })
        }
    }
}
