import ArgumentParser
import Testing

@testable import TandemCLI

@Suite struct OptionRoutingTests {
    @Test func readReachesSubcommandWithSharedOptions() throws {
        let command = try Tandem.parseAsRoot([
            "read", "1", "--course", "/some/dir", "--width", "60", "--color", "never", "--ascii", "--no-pager",
        ])
        let read = try #require(command as? ReadCommand)
        #expect(read.lesson == "1")
        #expect(read.course.course == "/some/dir")
        #expect(read.display.width == 60)
        #expect(read.display.color == .never)
        #expect(read.display.ascii)
        #expect(read.display.noPager)
    }

    /// Every subcommand (nested ones too) declares `--course`, so a course folder can be named anywhere.
    @Test func everySubcommandAcceptsCourse() throws {
        var pending: [ParsableCommand.Type] = Tandem.configuration.subcommands
        var checked = 0
        while let command = pending.popLast() {
            pending += command.configuration.subcommands
            // A group such as `dev` only dispatches; its subcommands are checked instead.
            if !command.configuration.subcommands.isEmpty { continue }
            let help = Tandem.helpMessage(for: command, columns: 200)
            #expect(
                help.contains("--course <dir>"), "\(command.configuration.commandName ?? "\(command)") lacks --course")
            checked += 1
        }
        #expect(checked >= 18)
    }

    @Test func noArgumentsIsHome() throws {
        #expect(try Tandem.parseAsRoot([]) is HomeCommand)
    }
}
