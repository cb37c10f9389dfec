import ArgumentParser
import DemoReports
import Testing

@testable import TandemCLI

@Suite struct RunCommandTests {
    @Test func demoSubcommandsTakeTheirKnobsAndTheSharedOptions() throws {
        let cascade = try #require(
            try Tandem.parseAsRoot([
                "run", "cascade", "--threshold", "0.8", "--scorer", "learned", "--tiers", "3",
                "--seed", "4", "--json", "--width", "60", "--color", "never",
            ]) as? RunCascade)
        #expect(cascade.threshold == 0.8 && cascade.scorer == .learned && cascade.tiers == 3)
        #expect(cascade.common.seed == 4 && cascade.common.json)
        #expect(cascade.display.width == 60)
        let w2s = try #require(
            try Tandem.parseAsRoot([
                "run", "weak-to-strong", "--classes", "4", "--weak-size", "2", "--strong-size", "3", "--curve",
                "--bootstrap",
            ]) as? RunWeakToStrong)
        #expect(
            w2s.classes == 4 && w2s.weakSize == 2 && w2s.strongSize == 3 && w2s.curve && w2s.bootstrap && !w2s.sweep)
        let ensemble = try #require(
            try Tandem.parseAsRoot(["run", "ensemble", "--members", "15", "--method", "vote", "--diversity", "high"])
                as? RunEnsemble)
        #expect(
            ensemble.members == 15 && ensemble.method == .vote && ensemble.diversity == .high
                && ensemble.common.seed == 1)
        #expect(try Tandem.parseAsRoot(["run"]) is RunCommand)
        let target = try #require(
            try Tandem.parseAsRoot(["run", "cascade", "--target-accuracy", "0.95", "--scorer", "margin"]) as? RunCascade
        )
        #expect(
            target.targetAccuracy == 0.95 && target.scorer == .margin && target.tiers == 2 && target.threshold == nil)
        let sweep = try #require(try Tandem.parseAsRoot(["run", "weak-to-strong", "--sweep"]) as? RunWeakToStrong)
        #expect(
            sweep.sweep && !sweep.curve && !sweep.bootstrap && sweep.classes == 2 && sweep.weakSize == 1
                && sweep.strongSize == 4)
        let speculative = try #require(
            try Tandem.parseAsRoot(["run", "speculative", "--gamma", "6"]) as? RunSpeculative)
        #expect(speculative.gamma == 6)
        let distill = try #require(
            try Tandem.parseAsRoot(["run", "distill", "--temperatures", "1", "3"]) as? RunDistill)
        #expect(distill.temperatures == [1, 3])
    }

    @Test func mineFlagPassesTheSameSeedAndKnobsToTheRunner() throws {
        let cascade = try #require(
            try Tandem.parseAsRoot([
                "run", "cascade", "--mine", "--seed", "3", "--threshold", "0.8", "--course", "/tmp/c",
            ]) as? RunCascade)
        #expect(cascade.mineOption.mine && cascade.course.course == "/tmp/c")
        #expect(cascade.mineArguments == ["--seed", "3", "--threshold", "0.8", "--scorer", "maxprob", "--tiers", "2"])
        let ensemble = try #require(
            try Tandem.parseAsRoot(["run", "ensemble", "--mine", "--members", "15", "--method", "vote"]) as? RunEnsemble
        )
        #expect(ensemble.mineOption.mine)
        #expect(
            ensemble.mineArguments == ["--seed", "1", "--members", "15", "--method", "vote", "--diversity", "medium"])
        let w2s = try #require(
            try Tandem.parseAsRoot(["run", "weak-to-strong", "--mine", "--weak-size", "2", "--curve", "--seed", "2"])
                as? RunWeakToStrong)
        #expect(
            w2s.mineOption.mine
                && w2s.mineArguments == [
                    "--seed", "2", "--classes", "2", "--weak-size", "2", "--strong-size", "4", "--curve",
                ])
        // Without --seed, weak-to-strong runs its own representative default seed; others run 1.
        let w2sDefault = try #require(try Tandem.parseAsRoot(["run", "weak-to-strong", "--mine"]) as? RunWeakToStrong)
        #expect(w2sDefault.common.chosenSeed == nil && w2sDefault.common.seed == 1)
        #expect(w2sDefault.mineArguments.prefix(2) == ["--seed", "\(WeakToStrongDemo.defaultSeed)"])
        let filter = try #require(try Tandem.parseAsRoot(["run", "filter", "--mine", "--seed", "2"]) as? RunFilter)
        #expect(filter.mineOption.mine && filter.mineArguments == ["--seed", "2"])
        let distill = try #require(try Tandem.parseAsRoot(["run", "distill", "--mine"]) as? RunDistill)
        #expect(distill.mineOption.mine && distill.mineArguments == ["--seed", "1"])
        // Without the flag the demo runs in tandem itself.
        #expect(try #require(try Tandem.parseAsRoot(["run", "filter"]) as? RunFilter).mineOption.mine == false)
        // Speculative has no runner, and says so.
        do {
            _ = try Tandem.parseAsRoot(["run", "speculative", "--mine"])
            Issue.record("run speculative --mine was accepted")
        } catch {
            #expect(Tandem.message(for: error).contains("no --mine runner"))
        }
    }

    @Test func badKnobsAreRejectedWithAMessage() {
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "cascade", "--threshold", "1.5"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "ensemble", "--members", "40"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "cascade", "--scorer", "psychic"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "speculative", "--gamma", "0"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "nonsense"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "cascade", "--tiers", "4"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "cascade", "--target-accuracy", "1.5"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "weak-to-strong", "--classes", "11"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "weak-to-strong", "--classes", "1"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "weak-to-strong", "--weak-size", "4"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "weak-to-strong", "--strong-size", "0"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "weak-to-strong", "--preset", "overfit"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "distill", "--temperatures", "0"]) }
        // The message names the option and the bad value on one line.
        do {
            _ = try Tandem.parseAsRoot(["run", "cascade", "--threshold", "1.5"])
        } catch {
            let message = Tandem.message(for: error)
            #expect(message.contains("--threshold") && message.contains("1.5") && !message.contains("\n"))
        }
    }
}

/// The demo registry drives `tandem run`: every entry has its subcommand and every demo
/// subcommand an entry; `--seeds` is shared by all of them.
@Suite struct DemoRegistryTests {
    @Test func runSubcommandsAreExactlyTheRegistry() {
        let commands = RunCommand.configuration.subcommands.map { $0._commandName }
        #expect(commands == DemoCatalogue.entries.map(\.name))
    }

    @Test func everyDemoTakesSeedsWithinItsRange() throws {
        for entry in DemoCatalogue.entries {
            let parsed = try Tandem.parseAsRoot(["run", entry.name, "--seeds", "3", "--seed", "5"])
            let options = try #require(Mirror(reflecting: parsed).descendant("_common") as? OptionGroup<DemoRunOptions>)
            #expect(options.wrappedValue.seeds == 3 && options.wrappedValue.seed == 5, "\(entry.name)")
            #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", entry.name, "--seeds", "0"]) }
            #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", entry.name, "--seeds", "201"]) }
        }
    }
}
