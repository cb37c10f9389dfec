import Course

/// Exercise checking, hints, reset, watch, `dev verify` and `run --mine`, for the commands in
/// TandemCLI. Student code is only ever built and run in child processes.
public enum ExerciseKit {
    /// Entry point for `tandem run DEMO --mine` (RunCommand): see `MineRunner.runMine`.
    public static func runMine(
        demo: String, feeding: [String], arguments: [String], course: CourseFolder,
        log: (String) -> Void = { _ in }
    ) throws -> Int32 {
        try MineRunner.runMine(demo: demo, feeding: feeding, arguments: arguments, course: course, log: log)
    }
}
