import Course
import Foundation

/// `tandem run DEMO --mine`: a demo driven by the student's own functions.
///
/// The demo runs in `mine-DEMO`, an executable of the exercises package that links the Demos
/// library with the student's exercise targets, so tandem itself never links student code and a
/// crash or hang there is reported, not fatal. Built in release: the demos train models, which
/// is seconds in release and minutes in debug (the first build takes about a minute).
public enum MineRunner {
    /// Builds and runs the runner `mine-DEMO`, which runs the demo on the exercises `feeding` it
    /// (ids, from the demo registry: `DemoEntry.mineExercises`), its output going straight to the
    /// terminal. Returns the runner's exit status; throws with trimmed compiler errors, a crash or
    /// a timeout.
    public static func runMine(
        demo: String, feeding: [String], arguments: [String], course: CourseFolder, timeLimit: Double = 300,
        log: (String) -> Void = { _ in }
    ) throws -> Int32 {
        let layout = ExerciseLayout(course: course)
        for line in try layout.prepareWorkingCopies(course.manifest.exercises) { log(line) }
        let product = ExerciseLayout.runnerProduct(demo: demo)
        log(
            "Building \(product) with your exercises \(feeding.joined(separator: ", ")) (release; the first build takes a minute)…"
        )
        let build = try swiftBuild(
            [
                "-c", "release", "--package-path", layout.package.path,
                "--scratch-path", layout.scratch.path, "--product", product,
            ], scratch: layout.scratch)
        guard build.ending == .exited(0) else {
            let output = build.stdout + "\n" + build.stderr
            if let problem = packageProblem(in: output, package: layout.package, paths: .currentDirectory) {
                throw ExerciseError("the exercises package cannot be built: \(problem)")
            }
            let errors = compileErrors(in: output, paths: .currentDirectory)
            throw ExerciseError(
                "your code does not compile yet:\n" + errors.prefix(8).map { "  \($0)" }.joined(separator: "\n"))
        }
        let executable = layout.scratch.appendingPathComponent("release").appendingPathComponent(product)
        // Its output goes straight to the terminal; the runner kills its whole process group at
        // the time limit, or when a Ctrl-C ends tandem.
        let outcome = try runProcess(executable, arguments, timeout: timeLimit, output: .inherit)
        switch outcome.ending {
        case .exited(let status):
            return status
        case .signalled(let signal):
            throw ExerciseError(
                "the \(demo) demo crashed inside your functions (\(signalName(signal))); tandem check finds the failing case"
            )
        case .timedOut, .inactive, .stopped:
            throw ExerciseError(
                "the \(demo) demo with your functions gave no result within \(Int(timeLimit)) s (an endless loop?)")
        }
    }
}
