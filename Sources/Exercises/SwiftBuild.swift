import Foundation

/// `swift build` in the exercises package's own build folder.
///
/// A course folder that was moved or copied keeps a build folder whose precompiled module cache
/// records the old path; clang then refuses it ("was compiled with module cache path …") and
/// every exercise would look broken. The cache is only a cache: drop it and build once more.
func swiftBuild(_ arguments: [String], scratch: URL) throws -> ProcessOutcome {
    let outcome = try runProcess(swiftDriver, ["swift", "build"] + arguments)
    guard outcome.ending != .exited(0),
        clearStaleModuleCache(in: scratch, output: outcome.stdout + "\n" + outcome.stderr)
    else {
        return outcome
    }
    var retry = try runProcess(swiftDriver, ["swift", "build"] + arguments)
    retry.seconds += outcome.seconds
    return retry
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
