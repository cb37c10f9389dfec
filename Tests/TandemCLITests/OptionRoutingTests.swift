import Testing
@testable import TandemCLI

@Suite struct OptionRoutingTests {
    @Test func readReachesSubcommandWithSharedOptions() throws {
        let command = try Tandem.parseAsRoot(["read", "1", "--course", "/some/dir", "--width", "60", "--color", "never", "--ascii", "--no-pager"])
        let read = try #require(command as? ReadCommand)
        #expect(read.lesson == "1")
        #expect(read.course.course == "/some/dir")
        #expect(read.display.width == 60)
        #expect(read.display.color == .never)
        #expect(read.display.ascii)
        #expect(read.display.noPager)
    }

    @Test func noArgumentsIsHome() throws {
        #expect(try Tandem.parseAsRoot([]) is HomeCommand)
    }
}
