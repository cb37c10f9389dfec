import Foundation

/// How exercise paths are printed: relative to the current folder when the file is under it
/// (what the student can type or click), else absolute. The course root is no good base: the
/// course may come from `--course` or `TANDEM_COURSE` while the shell is somewhere else.
public struct PathDisplay: Sendable {
    /// The folder paths are shown relative to (the current directory).
    public var base: URL

    public init(base: URL) {
        self.base = base
    }

    /// Relative to the process's current directory.
    public static var currentDirectory: PathDisplay {
        PathDisplay(base: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
    }

    public func show(_ url: URL) -> String { show(path: url.path) }

    /// `path` (absolute) shortened when it lies under the base; symbolic links on either side
    /// are resolved before comparing, so `/tmp` and `/private/tmp` agree.
    public func show(path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        for (basePath, candidate) in [
            (base.standardizedFileURL.path, file),
            (base.resolvingSymlinksInPath().path, URL(fileURLWithPath: file).resolvingSymlinksInPath().path),
        ] {
            if basePath == "/" { break }
            if candidate.hasPrefix(basePath + "/") { return String(candidate.dropFirst(basePath.count + 1)) }
        }
        return file
    }
}
