// swift-tools-version:6.0
import PackageDescription

/// ToyEngineAVX2 holds the engine's two hot loops compiled for AVX2 (Haswell-class) x86-64 CPUs;
/// ToyEngine checks the CPU before calling them, so the package builds and runs on any x86-64 and
/// arm64 machine. Both engine targets are optimised in every configuration (see below).
#if arch(x86_64)
    let avx2Flags = ["-target-cpu", "haswell"]
#else
    let avx2Flags: [String] = []
#endif

// One library target per concept; `tandem` is a thin executable over them.
let package = Package(
    name: "tandem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tandem", targets: ["tandem"]),
        // The exercises package (exercises/Package.swift) links these by path (the demos'
        // experiments only, not their reports).
        .library(name: "ToyEngine", targets: ["ToyEngine"]),
        .library(name: "Demos", targets: ["Demos"]),
        // The checkers' CheckKit takes its seeded cases from here without linking the engine.
        .library(name: "Seeded", targets: ["Seeded"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // glibc's <malloc.h> for ToyEngine's heap tuning (mallopt), through a shim header like CCmark.
        .systemLibrary(name: "CMalloc"),
        // SplitMix64 and FNV-1a: the one seeded generator and the one stable hash, for every module.
        .target(name: "Seeded"),
        // Display width, colour/width/ASCII decisions, output with pager and EPIPE handling.
        .target(name: "Terminal"),
        // The one runner for child processes (checks, builds, `run --mine`, live blocks).
        .target(name: "ChildProcess"),
        // The one JSON value and writer behind every `--json` output, in one style.
        .target(name: "JSON"),
        // The only Swift code that imports CCmark.
        .target(name: "TerminalMarkdown", dependencies: ["CCmark", "Terminal"]),
        // Compiled optimised in every configuration: `swift test` builds debug, and the demos and
        // tests train real models. ToyEngine keeps -O so a shape mistake stops with a clear message
        // (-Ounchecked would save about 7% of a training step); the AVX2 loops are raw-pointer code
        // behind those checks, so they drop theirs.
        .target(name: "ToyEngineAVX2", swiftSettings: [.unsafeFlags(["-Ounchecked"] + avx2Flags)]),
        .target(
            name: "ToyEngine", dependencies: ["Seeded", "ToyEngineAVX2", "CMalloc"],
            swiftSettings: [.unsafeFlags(["-O"])]),
        // Optimised in every configuration too: the demos' own loops (bookkeeping over thousands
        // of predictions, decoding) run in debug tests over many seeds. Measured once the quadratic
        // speculative loop was gone, `swift test --filter DemosTests` took 52 s of CPU with -O
        // against 77-83 s without (wall 111 s against 157 s on a loaded 2-core machine; about 50 s
        // either way when idle, where one long test sets the pace).
        // The demos' experiments: pure functions of options and seed. The exercises package links
        // this alone (its `mine-DEMO` runners).
        .target(name: "Demos", dependencies: ["ToyEngine"], swiftSettings: [.unsafeFlags(["-O"])]),
        // What each demo shows: reports, JSON, claims, its command-line arguments, and the registry
        // `tandem run` is built from (DemoCatalogue).
        .target(
            name: "DemoReports",
            dependencies: [
                "Demos", "ToyEngine", "Terminal", "JSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Our own TOML 1.0 reader: never traps, every error and every key has a line.
        .target(name: "TOML"),
        .target(name: "Course", dependencies: ["Terminal", "TOML"]),
        .target(name: "Quiz", dependencies: ["Course", "JSON", "Seeded", "Terminal", "TerminalMarkdown", "TOML"]),
        .target(name: "Exercises", dependencies: ["Course", "JSON", "Seeded", "Terminal", "ChildProcess"]),
        // Lesson pages: live `tandem` blocks, header/footer, and `lint` over the whole course.
        .target(
            name: "Lessons", dependencies: ["ChildProcess", "Course", "JSON", "Quiz", "Terminal", "TerminalMarkdown"]),
        // The student's journey: home screen, next step, list, progress summary.
        .target(name: "Journey", dependencies: ["Course", "JSON", "Quiz", "Terminal"]),
        .target(
            name: "TandemCLI",
            dependencies: [
                "Terminal", "TerminalMarkdown", "ToyEngine", "Demos", "DemoReports", "Course", "Quiz", "Exercises",
                "Lessons",
                "Journey", "JSON",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The release build in README's quick start adds `-Xswiftc -static-executable` on Linux: a
        // fully static binary starts in about a third of the time (benchmarks/README.md). It is
        // not set here because a plain `swift build -c release` (without --static-swift-stdlib)
        // cannot link that way.
        .executableTarget(name: "tandem", dependencies: ["TandemCLI"]),

        // What several test targets share: temporary folders, file writing, the built `tandem`, a
        // child-process runner that captures its output, and builders for quiz and course TOML.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "SeededTests", dependencies: ["Seeded"]),
        .testTarget(name: "ChildProcessTests", dependencies: ["ChildProcess"]),
        .testTarget(
            name: "TerminalMarkdownTests", dependencies: ["TerminalMarkdown", "Terminal", "TestSupport"],
            exclude: ["Goldens"]),
        .testTarget(name: "ToyEngineTests", dependencies: ["ToyEngine", "TestSupport"]),
        .testTarget(
            name: "DemosTests", dependencies: ["Demos", "DemoReports", "JSON", "ToyEngine", "Terminal"],
            exclude: ["Goldens"]),
        .testTarget(name: "TOMLTests", dependencies: ["TOML", "TestSupport"]),
        .testTarget(name: "CourseTests", dependencies: ["Course", "Seeded", "TestSupport", "ToyEngine"]),
        .testTarget(
            name: "QuizTests", dependencies: ["Quiz", "Course", "JSON", "Terminal", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ExercisesTests", dependencies: ["Exercises", "Course", "TestSupport"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Course", "Quiz"]),
        .testTarget(name: "JourneyTests", dependencies: ["Journey", "Course", "JSON", "TestSupport"]),
        .testTarget(name: "TandemCLITests", dependencies: ["TandemCLI", "Course", "tandem", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
