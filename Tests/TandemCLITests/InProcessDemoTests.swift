import Foundation
import Lessons
import TestSupport
import Testing

@testable import TandemCLI

/// `tandem lint` checks live numbers by running the demo in its own process: the JSON comes back
/// as text instead of going to stdout, and a bad command is a one-line reason, not an exit.
@Suite struct InProcessDemoTests {
    @Test func aDemoRunsInThisProcessAndItsJSONIsCaptured() throws {
        let result = InProcessDemo.run(["run", "cascade", "--seed", "2", "--json"])
        let text = try result.get()
        let json = try parseJSONObject(text)
        #expect(json["demo"] as? String == "cascade")
        #expect(json["seed"] as? Int == 2)
        // The same numbers, run twice: nothing leaks between runs.
        #expect(try InProcessDemo.run(["run", "cascade", "--seed", "2", "--json"]).get() == text)
    }

    @Test func aBadCommandIsAReasonNotAnExit() {
        for arguments in [["run", "nosuch", "--json"], ["run", "cascade", "--threshold", "2", "--json"], ["list"]] {
            guard case .failure(let failure) = InProcessDemo.run(arguments) else {
                Issue.record("\(arguments) should fail")
                continue
            }
            #expect(!failure.message.isEmpty && !failure.message.contains("\n"), "\(failure.message)")
        }
    }
}
