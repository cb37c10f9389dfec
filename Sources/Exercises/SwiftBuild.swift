import ChildProcess
import Foundation

/// Minutes `swift build` may go without printing anything before it is stopped. A cold first build
/// takes a minute or two on a loaded machine but prints every step; silence this long means a hang.
let buildInactivityLimit: Double = 240

/// SwiftPM's line when another SwiftPM process holds the build folder; it then waits silently.
let lockedBuildFolderMarker = "Another instance of SwiftPM"

/// `swift build` in the exercises package's own build folder.
///
/// A course folder that was moved or copied keeps a build folder whose precompiled module cache
/// records the old path; clang then refuses it ("was compiled with module cache path …") and
/// every exercise would look broken. The cache is only a cache: drop it and build once more.
func swiftBuild(_ arguments: [String], scratch: URL) throws -> ProcessOutcome {
    let outcome = try swiftBuildOnce(arguments, scratch: scratch)
    guard outcome.ending != .exited(0),
        clearStaleModuleCache(in: scratch, output: outcome.stdout + "\n" + outcome.stderr)
    else {
        return outcome
    }
    var retry = try swiftBuildOnce(arguments, scratch: scratch)
    retry.seconds += outcome.seconds
    return retry
}

/// One `swift build`, stopped with one clear line when the build folder is locked by another
/// SwiftPM process or when it has printed nothing for `buildInactivityLimit` seconds.
func swiftBuildOnce(_ arguments: [String], scratch: URL, inactivity: Double = buildInactivityLimit) throws
    -> ProcessOutcome
{
    let outcome = try runProcess(
        swiftDriver, ["swift", "build"] + arguments, inactivity: inactivity,
        observe: { _, chunk in chunk.contains(lockedBuildFolderMarker) ? .stop : .keepGoing })
    switch outcome.ending {
    case .exited(127):
        // `env` found no `swift`: said here, so every build (check, verify, run --mine) says it.
        throw ExerciseError("building the exercises needs the Swift toolchain: swift is not on the PATH")
    case .stopped:
        throw ExerciseError(
            "the build folder \(PathDisplay.currentDirectory.show(scratch)) is in use by another SwiftPM process (another tandem check, watch or swift build?); wait for it to finish, or stop it, and try again"
        )
    case .inactive:
        throw ExerciseError(
            "swift build printed nothing for \(Int(inactivity)) s and was stopped (a hung compiler?); try again, or delete \(PathDisplay.currentDirectory.show(scratch)) for a clean build"
        )
    default:
        return outcome
    }
}

/// Removes the module caches under `scratch` when `output` says they belong to another path.
/// Returns whether it removed any.
func clearStaleModuleCache(in scratch: URL, output: String) -> Bool {
    guard output.contains("was compiled with module cache path") else { return false }
    var removed = false
    let enumerator = FileManager.default.enumerator(at: scratch, includingPropertiesForKeys: [.isDirectoryKey])
    while let url = enumerator?.nextObject() as? URL {
        guard url.lastPathComponent == "ModuleCache" else { continue }
        enumerator?.skipDescendants()
        if (try? FileManager.default.removeItem(at: url)) != nil { removed = true }
    }
    return removed
}
