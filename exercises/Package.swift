// swift-tools-version:6.0
import PackageDescription

// The student's exercises: a package of its own, so a half-done exercise never breaks the tool.
// One library target per exercise (the student's file), one checker executable per exercise
// (`check-ID`, which links only that exercise), and runners (`mine-DEMO`) that drive a live demo
// with the student's functions. `solutions/` and `.starters/` belong to no target.

/// The course checkout that provides the engine (the root package). `tandem dev verify` rewrites
/// this line in its temporary copy to an absolute path.
let engineCheckout = ".."

/// (id, folder, module, uses the engine), in course order. content/course.toml lists the same
/// exercises with their files (`folder/module.swift`); ExerciseContentTests fails when they disagree.
let exercises: [(id: String, folder: String, module: String, engine: Bool)] = [
    ("two-stage-cost", "01-two-stage-cost", "TwoStageCost", false),
    ("majority-vote", "02-majority-vote", "MajorityVote", false),
    ("averaging", "03-averaging", "Averaging", false),
    ("adaboost-round", "04-adaboost-round", "AdaBoostRound", false),
    ("condorcet", "05-condorcet", "Condorcet", false),
    ("cascade-routing", "06-cascade-routing", "CascadeRouting", false),
    ("cheapest-threshold", "07-cheapest-threshold", "CheapestThreshold", false),
    ("auroc", "08-auroc", "AUROC", false),
    ("risk-coverage", "09-risk-coverage", "RiskCoverage", false),
    ("speculative-step", "10-speculative-step", "SpeculativeStep", false),
    ("query-router", "11-query-router", "QueryRouter", false),
    ("pgr", "12-pgr", "PGR", false),
    ("weak-labels", "13-weak-labels", "WeakLabels", true),
    ("confidence-target", "14-confidence-target", "ConfidenceTarget", false),
    ("bootstrap-chain", "15-bootstrap-chain", "BootstrapChain", false),
    ("data-filtering", "16-data-filtering", "DataFiltering", false),
    ("quality-filter", "17-quality-filter", "QualityFilter", false),
    ("distillation-loss", "18-distillation-loss", "DistillationLoss", false),
    ("salt-schedule", "19-salt-schedule", "SaltSchedule", false),
    ("fleet-sizing", "20-fleet-sizing", "FleetSizing", false),
    ("capstone", "capstone", "Capstone", false),
]

/// Checkers that use the engine although the student's code does not (the capstone's scorer
/// trains the models it hands to the student's policy).
let checkersUsingTheEngine: Set<String> = ["capstone"]

/// (demo, runner module, exercise modules it runs on): the demos and exercises of the registry's
/// `mineExercises` (Sources/DemoReports/DemoCatalogue.swift); DemoRegistryTests fails when they disagree.
let runners: [(demo: String, module: String, uses: [String])] = [
    ("cascade", "MineCascade", ["CascadeRouting"]),
    ("ensemble", "MineEnsemble", ["MajorityVote", "Averaging"]),
    ("weak-to-strong", "MineWeakToStrong", ["PGR", "ConfidenceTarget"]),
    ("filter", "MineFilter", ["DataFiltering"]),
    ("distill", "MineDistill", ["DistillationLoss"]),
]

/// SwiftPM names a path dependency after its folder, so the product reference must use that name.
func lastComponent(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
}
let engineFolder =
    engineCheckout == ".."
    ? lastComponent(String(Context.packageDirectory.split(separator: "/").dropLast().joined(separator: "/")))
    : lastComponent(engineCheckout)
let engine = Target.Dependency.product(name: "ToyEngine", package: engineFolder)
let demos = Target.Dependency.product(name: "Demos", package: engineFolder)
let seeded = Target.Dependency.product(name: "Seeded", package: engineFolder)

var targets: [Target] = [
    // Shared by every checker: cases, seeded randomness, the verdict line tandem reads.
    .target(name: "CheckKit", dependencies: [seeded], path: "Checks/CheckKit"),
    // Shared by every runner: the demo options tandem passes on, and table formatting.
    .target(name: "RunnerKit", path: "Runners/RunnerKit"),
]
var products: [Product] = []
for exercise in exercises {
    targets.append(.target(name: exercise.module, dependencies: exercise.engine ? [engine] : [], path: exercise.folder))
    targets.append(
        .executableTarget(
            name: "Check\(exercise.module)",
            dependencies: [.target(name: exercise.module), "CheckKit"]
                + (exercise.engine || checkersUsingTheEngine.contains(exercise.id) ? [engine] : []),
            path: "Checks/\(exercise.module)"))
    products.append(.executable(name: "check-\(exercise.id)", targets: ["Check\(exercise.module)"]))
}
for runner in runners {
    targets.append(
        .executableTarget(
            name: runner.module,
            dependencies: runner.uses.map { .target(name: $0) } + ["RunnerKit", demos, engine],
            path: "Runners/\(runner.module)"))
    products.append(.executable(name: "mine-\(runner.demo)", targets: [runner.module]))
}

let package = Package(
    name: "tandem-exercises",
    platforms: [.macOS(.v13)],
    products: products,
    dependencies: [.package(path: engineCheckout)],
    targets: targets,
    // Swift 5 mode: students practise the course's ideas, not strict-concurrency rules.
    swiftLanguageModes: [.v5]
)
