import Foundation
import TestSupport
import Testing

/// The course itself lints clean with its live blocks run and every live number re-checked against
/// its demo (over seeds too: `seeds=20` markers), so a demo change that moves a number the lessons
/// quote fails here, naming the lesson's file and line.
@Suite struct CourseLiveNumbersTests {
    @Test func theCourseLintsCleanWithEveryLiveNumberChecked() throws {
        let result = try TandemProcess(course: checkoutRoot).run(["lint"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let summary = try #require(result.stdout.split(separator: "\n").last.map(String.init))
        #expect(summary.hasSuffix(": no problems"), "\(result.stdout)")
        // `lint: 9 lessons, 20 live blocks, 75 live numbers, …`: the markers were found and run.
        let liveNumbers = summary.split(separator: ",").first { $0.hasSuffix(" live numbers") }
        let count = liveNumbers.flatMap { Int($0.split(separator: " ").first ?? "") } ?? 0
        #expect(count >= 50, "\(summary)")
    }
}
