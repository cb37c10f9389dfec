// swift-tools-version:6.0
import PackageDescription

// The student's exercises: a package of its own, so a half-done exercise never breaks the tool.
// One library target per exercise (the student's file), one checker executable per exercise
// (`check-ID`, which links only that exercise), and runners (`mine-DEMO`) that drive a live demo
// with the student's functions. `solutions/` and `.starters/` belong to no target.

/// The course checkout that provides the engine (the root package). `tandem dev verify` rewrites
/// this line in its temporary copy to an absolute path.
let engineCheckout = ".."

/// (id, folder, module, uses the engine)
let exercises: [(id: String, folder: String, module: String, engine: Bool)] = [
    ("majority-vote", "01-majority-vote", "MajorityVote", false),
    ("averaging", "02-averaging", "Averaging", false),
    ("cascade-routing", "03-cascade-routing", "CascadeRouting", false),
    ("cheapest-threshold", "04-cheapest-threshold", "CheapestThreshold", false),
    ("pgr", "05-pgr", "PGR", false),
    ("weak-labels", "06-weak-labels", "WeakLabels", true),
    ("confidence-target", "07-confidence-target", "ConfidenceTarget", false),
    ("data-filtering", "08-data-filtering", "DataFiltering", false),
    ("distillation-loss", "09-distillation-loss", "DistillationLoss", false),
]

/// (demo, exercise modules it runs on)
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

var targets: [Target] = [
    // Shared by every checker: cases, seeded randomness, the verdict line tandem reads.
    .target(name: "CheckKit", path: "Checks/CheckKit"),
    // Shared by every runner: the demo options tandem passes on, and table formatting.
    .target(name: "RunnerKit", path: "Runners/RunnerKit"),
]
var products: [Product] = []
for exercise in exercises {
    targets.append(.target(name: exercise.module, dependencies: exercise.engine ? [engine] : [], path: exercise.folder))
    targets.append(
        .executableTarget(
            name: "Check\(exercise.module)",
            dependencies: [.target(name: exercise.module), "CheckKit"] + (exercise.engine ? [engine] : []),
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
