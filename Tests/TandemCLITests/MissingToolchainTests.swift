import Foundation
import TestSupport
import Testing

/// Without `swift` on the PATH every command that builds the exercises says so in one line
/// (the check lived in `check`'s build only; `run --mine` said "your code does not compile yet").
@Suite struct MissingToolchainTests {
    @Test(arguments: [["check", "cascade-route"], ["run", "cascade", "--mine"]])
    func aBuildWithoutSwiftSaysWhatIsMissing(_ arguments: [String]) throws {
        let course = try CourseFixture.make()
        defer { try? FileManager.default.removeItem(at: course) }
        try writeText("// swift-tools-version:5.9\n", to: course.appendingPathComponent("exercises/Package.swift"))
        let empty = try makeTemporaryFolder("tandem-no-swift")
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try Shell.run(
            #"PATH="$EMPTY" "$TANDEM" "# + arguments.joined(separator: " ") + #" --course "$COURSE""#,
            [
                "EMPTY": empty.path, "COURSE": course.path,
                "TANDEM_STATE_DIR": empty.appendingPathComponent("state").path,
            ])
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.split(separator: "\n").last
                == "tandem: building the exercises needs the Swift toolchain: swift is not on the PATH", "\(result)")
    }
}
