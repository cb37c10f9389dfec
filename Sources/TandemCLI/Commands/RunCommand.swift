import ArgumentParser
import Course
import Demos
import Exercises
import Foundation
import Terminal

/// `tandem run [DEMO]`: with no demo, lists them; each demo is a subcommand with its own knobs.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a demo: cascade, ensemble, weak-to-strong, filter, distill, speculative.",
        discussion: "Every demo takes --seed N (default 1) and --json; the same seed prints the same numbers.",
        subcommands: [
            RunCascade.self, RunEnsemble.self, RunWeakToStrong.self, RunFilter.self, RunDistill.self,
            RunSpeculative.self,
        ]
    )
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}
    public func run() throws {
        Output.page(DemoCatalogue.listing(settings: display.settings), allowPager: !display.noPager)
    }
}

/// `--seed` and `--json`, shared by every demo.
public struct DemoRunOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "The random seed: the same seed gives the same run.")
    public var seed: UInt64 = 1
    @Flag(name: .long, help: "Print the result as JSON instead of a report.")
    public var json = false
    public init() {}
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

/// Prints a demo's report (paged) or its JSON.
func emit(json: Bool, display: DisplayOptions, report: () -> String, data: () -> JSONValue) {
    if json {
        Output.line(data().serialized())
    } else {
        Output.page(report(), allowPager: !display.noPager)
    }
}

extension CascadeDemo.Scorer: ExpressibleByArgument {}
extension EnsembleDemo.Method: ExpressibleByArgument {}
extension EnsembleDemo.Diversity: ExpressibleByArgument {}
extension WeakToStrongDemo.Preset: ExpressibleByArgument {}

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
        let result = CascadeDemo.run(options, seed: common.seed)
        emit(
            json: common.json, display: display, report: { CascadeDemo.report(result, settings: display.settings) },
            data: { CascadeDemo.json(result) })
    }
}

public struct RunEnsemble: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ensemble",
        abstract: "Many small models (vote, average, weighted) against one large model.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @Option(name: .long, parsing: .unconditional, help: "Members in the ensemble (1–25).")
    public var members = 11
    @Option(name: .long, help: "How members are combined: vote, average or weighted.")
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
        let result = EnsembleDemo.run(options, seed: common.seed)
        emit(
            json: common.json, display: display, report: { EnsembleDemo.report(result, settings: display.settings) },
            data: { EnsembleDemo.json(result) })
    }
}

public struct RunWeakToStrong: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "weak-to-strong",
        abstract: "A strong student trained only on a weak supervisor's labels (Burns et al.).",
        discussion: """
            Presets: default, where the student corrects the weak model's noise-driven mistakes; and overfit, a larger \
            student on a small half B with pure-noise features it can memorise with, trained long: past its peak, \
            naive training learns more and more of the weak labels' mistakes, and early stopping and the \
            auxiliary confidence loss counter it (try --preset overfit --curve).
            """)
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @OptionGroup public var common: DemoRunOptions
    @Option(name: .long, help: "default or overfit (see above).")
    public var preset: WeakToStrongDemo.Preset = .standard
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Noise on each factor the weak model sees (idiosyncratic errors; default 0.8).", valueName: "σ"),
        transform: finiteNumber)
    public var weakNoise: Double?
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Factors the weak model cannot see, 0–7 (systematic errors; default 2).", valueName: "k"))
    public var blind: Int?
    @Flag(name: .long, help: "Also show PGR over weak sizes × strong sizes.")
    public var sweep = false
    @Flag(name: .long, help: "Also chart test accuracy per epoch.")
    public var curve = false
    @OptionGroup public var mineOption: MineOption
    public init() {}

    /// The seed and knobs, as the `mine-weak-to-strong` runner reads them.
    var mineArguments: [String] {
        ["--seed", "\(common.seed)", "--preset", preset.rawValue] + (weakNoise.map { ["--weak-noise", "\($0)"] } ?? [])
            + (blind.map { ["--blind", "\($0)"] } ?? []) + (sweep ? ["--sweep"] : []) + (curve ? ["--curve"] : [])
    }

    public func validate() throws {
        if let weakNoise, !(weakNoise >= 0 && weakNoise <= 10) {
            throw ValidationError("--weak-noise must be between 0 and 10 (got \(weakNoise)).")
        }
        if let blind, !(0...7).contains(blind) {
            throw ValidationError("--blind must be between 0 and 7 (got \(blind)).")
        }
    }

    public func run() throws {
        if mineOption.mine {
            return try runMine(demo: "weak-to-strong", arguments: mineArguments, course: course, json: common.json)
        }
        var options = WeakToStrongDemo.Options()
        options.preset = preset
        options.weakNoise = weakNoise
        options.blind = blind
        options.sweep = sweep
        options.curve = curve
        let result = WeakToStrongDemo.run(options, seed: common.seed)
        emit(
            json: common.json, display: display,
            report: { WeakToStrongDemo.report(result, settings: display.settings) },
            data: { WeakToStrongDemo.json(result) })
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
        let result = FilterDemo.run(seed: common.seed)
        emit(
            json: common.json, display: display, report: { FilterDemo.report(result, settings: display.settings) },
            data: { FilterDemo.json(result) })
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
        let result = DistillDemo.run(options, seed: common.seed)
        emit(
            json: common.json, display: display, report: { DistillDemo.report(result, settings: display.settings) },
            data: { DistillDemo.json(result) })
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
        let result = SpeculativeDemo.run(options, seed: common.seed)
        emit(
            json: common.json, display: display, report: { SpeculativeDemo.report(result, settings: display.settings) },
            data: { SpeculativeDemo.json(result) })
    }
}
