import Foundation

/// Tells a package that cannot be loaded (its manifest, or a dependency SwiftPM cannot find or
/// resolve) from exercise code that does not compile, and says why in one line.
///
/// SwiftPM prints "Building for …" once the package graph is loaded and planned; a failed build
/// without it never reached the student's code, so editing the exercise cannot help.
public func packageProblem(in output: String, package: URL, paths: PathDisplay) -> String? {
    let lines = output.split(separator: "\n").map(String.init)
    if lines.contains(where: { $0.hasPrefix("Building for ") || $0.contains("Compiling ") }) { return nil }
    guard let first = lines.first(where: { $0.hasPrefix("error: ") }) else { return nil }
    let packagePath = package.standardizedFileURL.path
    let parentPath = package.deletingLastPathComponent().standardizedFileURL.path

    /// How the package refers to a folder: `../` for the checkout above it.
    func dependency(_ folder: String, role: String = "the tandem checkout, ") -> String {
        let folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        let shown = paths.show(path: folder) + "/"
        return folder == parentPath ? "../ (\(role)\(shown))" : shown
    }

    if first.contains("Invalid manifest") {
        // The located error inside the manifest that failed to compile.
        for line in lines {
            guard let range = line.range(of: ": error: ") else { continue }
            let location = line[..<range.lowerBound].split(separator: ":")
            guard let file = location.first, file.hasSuffix("Package.swift") else { continue }
            let shownLocation = paths.show(path: String(file)) + (location.count > 1 ? ":\(location[1])" : "")
            let whose =
                URL(fileURLWithPath: String(file)).deletingLastPathComponent().standardizedFileURL.path == packagePath
                ? "its manifest" : "the manifest of its dependency"
            return "\(whose) \(shownLocation) does not compile: \(line[range.upperBound...])"
        }
        return "its manifest \(paths.show(package.appendingPathComponent("Package.swift"))) does not compile"
    }
    if let missing = quoted(after: "the package manifest at ", in: first), first.contains("cannot be accessed") {
        let folder = URL(fileURLWithPath: missing).deletingLastPathComponent().path
        if URL(fileURLWithPath: folder).standardizedFileURL.path == packagePath {
            return "its manifest \(paths.show(path: missing)) is missing"
        }
        return "its dependency \(dependency(folder)) is missing: there is no \(paths.show(path: missing))"
    }
    var reason = String(first.dropFirst("error: ".count))
    if let cut = reason.range(of: " (compiled with:") { reason = String(reason[..<cut.lowerBound]) }
    if reason.contains("contains no products") || (reason.contains("product '") && reason.contains("not found")) {
        return "its dependency \(dependency(parentPath, role: "")) is not the tandem checkout (SwiftPM: \(reason))"
    }
    return reason
}

/// The text between the single quotes that follow `marker`.
private func quoted(after marker: String, in line: String) -> String? {
    guard let start = line.range(of: marker + "'") else { return nil }
    let rest = line[start.upperBound...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    return String(rest[..<end])
}
