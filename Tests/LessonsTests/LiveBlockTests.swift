import Foundation
import Testing

@testable import Lessons

@Suite struct LiveBlockTests {
    @Test func findsTandemBlocksWithTheirLines() {
        let markdown = """
            # Title

            ```tandem
            run cascade --threshold 0.8
            ```

            ````markdown
            ```tandem
            run not-a-live-block
            ```
            ````

            ~~~ tandem
            list
            ~~~

            ```swift
            let x = 1
            ```
            """
        let blocks = LiveBlockScanner.blocks(in: markdown)
        #expect(blocks.count == 2)
        #expect(blocks[0] == LiveBlock(line: 3, endLine: 5, body: ["run cascade --threshold 0.8"], terminated: true))
        #expect(blocks[1].line == 13)
        #expect(blocks[1].body == ["list"])
    }

    /// Fences as CommonMark reads them: in a list item indented four spaces (missed before), in a
    /// quote, and not when indented four spaces at the top (indented code) or inside a longer fence.
    @Test func findsBlocksWhereCommonMarkHasThem() {
        let markdown = """
            10. Step:

                ```tandem
                run cascade
                ```

            > ~~~tandem
            > list
            > ~~~

                ```tandem
                run not-a-fence
                ```

            `````
            ```tandem
            run not-a-live-block
            ```
            `````
            """
        let blocks = LiveBlockScanner.blocks(in: markdown)
        #expect(
            blocks == [
                LiveBlock(line: 3, endLine: 5, body: ["run cascade"], terminated: true),
                LiveBlock(line: 7, endLine: 9, body: ["list"], terminated: true),
            ])
    }

    @Test func aBlockLeftOpenInAListEndsWithTheItem() {
        let blocks = LiveBlockScanner.blocks(in: "- a\n\n  ```tandem\n  run cascade\n\n- b\n")
        #expect(blocks == [LiveBlock(line: 3, endLine: 5, body: ["run cascade", ""], terminated: false)])
    }

    @Test func unterminatedBlockIsMarked() {
        let blocks = LiveBlockScanner.blocks(in: "text\n\n```tandem\nrun cascade\n")
        #expect(blocks.count == 1)
        #expect(!blocks[0].terminated)
        #expect(blocks[0].body == ["run cascade"])
    }

    @Test func splitsLikeASimpleShellWithoutExpansion() throws {
        #expect(
            try LiveCommand.splitArguments("run  cascade --threshold 0.8") == ["run", "cascade", "--threshold", "0.8"])
        #expect(try LiveCommand.splitArguments(#"quiz --check 'my quiz.toml'"#) == ["quiz", "--check", "my quiz.toml"])
        #expect(try LiveCommand.splitArguments(#"run "a \"b\" \\ c" d\ e"#) == ["run", #"a "b" \ c"#, "d e"])
        #expect(
            try LiveCommand.splitArguments("run $HOME `id` ; rm -rf x") == [
                "run", "$HOME", "`id`", ";", "rm", "-rf", "x",
            ])
        #expect(try LiveCommand.splitArguments("run ''") == ["run", ""])
        #expect(throws: LiveCommandError.self) { try LiveCommand.splitArguments("run 'open") }
        #expect(throws: LiveCommandError.self) { try LiveCommand.splitArguments("run \\") }
    }

    @Test func onlyReadOnlyCommandsMayRun() throws {
        #expect(
            try LiveCommand.parse(["run cascade --threshold 0.8"]).arguments == [
                "run", "cascade", "--threshold", "0.8",
            ])
        #expect(try LiveCommand.parse(["", "  $ tandem run ensemble  ", ""]).arguments == ["run", "ensemble"])
        #expect(try LiveCommand.parse(["tandem list --json"]).display == "tandem list --json")
        #expect(try LiveCommand.parse(["quiz --check quiz.toml"]).arguments == ["quiz", "--check", "quiz.toml"])
        #expect(try LiveCommand.parse(["run 'two words'"]).display == "tandem run 'two words'")
        for refused in [
            "progress --reset --yes", "reset 1", "check 1", "read 2", "quiz 3", "quiz --file q.toml",
            "quiz --check q.toml --answers a.toml", "sh -c ls", "/bin/rm -rf /", "dev", "watch",
            "run cascade --mine", "run ensemble --seed 2 --mine",
        ] {
            #expect(throws: LiveCommandError.self, "\(refused)") { try LiveCommand.parse([refused]) }
        }
        #expect(throws: LiveCommandError.self) { try LiveCommand.parse([]) }
        #expect(throws: LiveCommandError.self) { try LiveCommand.parse(["run a", "run b"]) }
        #expect(throws: LiveCommandError.self) { try LiveCommand.parse(["tandem"]) }
    }
}
