import ArgumentParser
import DemoReports
import Demos
import Testing

@testable import TandemCLI

@Suite struct RunCommandTests {
    @Test func demoSubcommandsTakeTheirKnobsAndTheSharedOptions() throws {
        let cascade = try #require(
            try Tandem.parseAsRoot([
                "run", "cascade", "--threshold", "0.8", "--scorer", "learned", "--tiers", "3",
                "--seed", "4", "--json", "--width", "60", "--color", "never",
            ]) as? DemoCommand<CascadeDemo.Arguments>)
        #expect(
            cascade.arguments.threshold == 0.8 && cascade.arguments.scorer == .learned && cascade.arguments.tiers == 3)
        #expect(cascade.common.seed == 4 && cascade.common.json)
        #expect(cascade.display.width == 60)
        let w2s = try #require(
            try Tandem.parseAsRoot([
                "run", "weak-to-strong", "--classes", "4", "--weak-size", "2", "--strong-size", "3", "--curve",
                "--bootstrap",
            ]) as? DemoCommand<WeakToStrongDemo.Arguments>)
        #expect(
            w2s.arguments.classes == 4 && w2s.arguments.weakSize == 2 && w2s.arguments.strongSize == 3
                && w2s.arguments.curve && w2s.arguments.bootstrap && !w2s.arguments.sweep)
        let ensemble = try #require(
            try Tandem.parseAsRoot(["run", "ensemble", "--members", "15", "--method", "vote", "--diversity", "high"])
                as? DemoCommand<EnsembleDemo.Arguments>)
        #expect(
            ensemble.arguments.members == 15 && ensemble.arguments.method == .vote
                && ensemble.arguments.diversity == .high
                && ensemble.common.seed == 1)
        #expect(try Tandem.parseAsRoot(["run"]) is RunCommand)
        let target = try #require(
            try Tandem.parseAsRoot(["run", "cascade", "--target-accuracy", "0.95", "--scorer", "margin"])
                as? DemoCommand<CascadeDemo.Arguments>
        )
        #expect(
            target.arguments.targetAccuracy == 0.95 && target.arguments.scorer == .margin && target.arguments.tiers == 2
                && target.arguments.threshold == nil)
        let sweep = try #require(
            try Tandem.parseAsRoot(["run", "weak-to-strong", "--sweep"]) as? DemoCommand<WeakToStrongDemo.Arguments>)
        #expect(
            sweep.arguments.sweep && !sweep.arguments.curve && !sweep.arguments.bootstrap
                && sweep.arguments.classes == 2 && sweep.arguments.weakSize == 1
                && sweep.arguments.strongSize == 4)
        let speculative = try #require(
            try Tandem.parseAsRoot(["run", "speculative", "--gamma", "6"]) as? DemoCommand<SpeculativeDemo.Arguments>)
        #expect(speculative.arguments.gamma == 6)
        let distill = try #require(
            try Tandem.parseAsRoot(["run", "distill", "--temperatures", "1", "3"])
                as? DemoCommand<DistillDemo.Arguments>)
        #expect(distill.arguments.temperatures == [1, 3])
    }

    @Test func mineFlagPassesTheSameSeedAndKnobsToTheRunner() throws {
        let cascade = try #require(
            try Tandem.parseAsRoot([
                "run", "cascade", "--mine", "--seed", "3", "--threshold", "0.8", "--course", "/tmp/c",
            ]) as? DemoCommand<CascadeDemo.Arguments>)
        #expect(cascade.arguments.mine && cascade.course.course == "/tmp/c")
        #expect(cascade.mineArguments == ["--seed", "3", "--threshold", "0.8", "--scorer", "maxprob", "--tiers", "2"])
        let ensemble = try #require(
            try Tandem.parseAsRoot(["run", "ensemble", "--mine", "--members", "15", "--method", "vote"])
                as? DemoCommand<EnsembleDemo.Arguments>
        )
        #expect(ensemble.arguments.mine)
        #expect(
            ensemble.mineArguments == ["--seed", "1", "--members", "15", "--method", "vote", "--diversity", "medium"])
        let w2s = try #require(
            try Tandem.parseAsRoot(["run", "weak-to-strong", "--mine", "--weak-size", "2", "--curve", "--seed", "2"])
                as? DemoCommand<WeakToStrongDemo.Arguments>)
        #expect(
            w2s.arguments.mine
                && w2s.mineArguments == [
                    "--seed", "2", "--classes", "2", "--weak-size", "2", "--strong-size", "4", "--curve",
                ])
        // Without --seed, weak-to-strong runs its own representative default seed; others run 1.
        let w2sDefault = try #require(
            try Tandem.parseAsRoot(["run", "weak-to-strong", "--mine"]) as? DemoCommand<WeakToStrongDemo.Arguments>)
        #expect(w2sDefault.common.chosenSeed == nil && w2sDefault.common.seed == 1)
        #expect(w2sDefault.mineArguments.prefix(2) == ["--seed", "\(WeakToStrongDemo.defaultSeed)"])
        let filter = try #require(
            try Tandem.parseAsRoot(["run", "filter", "--mine", "--seed", "2"]) as? DemoCommand<FilterDemo.Arguments>)
        #expect(filter.arguments.mine && filter.mineArguments == ["--seed", "2"])
        let distill = try #require(
            try Tandem.parseAsRoot(["run", "distill", "--mine"]) as? DemoCommand<DistillDemo.Arguments>)
        #expect(distill.arguments.mine && distill.mineArguments == ["--seed", "1"])
        // Without the flag the demo runs in tandem itself.
        #expect(
            try #require(try Tandem.parseAsRoot(["run", "filter"]) as? DemoCommand<FilterDemo.Arguments>).arguments.mine
                == false)
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

    /// `--mine` is wired for exactly the demos the registry feeds from exercises: with `--json`
    /// it stops on the runner's path (before any build); the others reject the flag.
    @Test func mineRunsForExactlyTheDemosWithExercises() throws {
        for entry in DemoCatalogue.entries {
            if entry.mineExercises.isEmpty {
                #expect(throws: (any Error).self, "\(entry.name)") {
                    try Tandem.parseAsRoot(["run", entry.name, "--mine"])
                }
                continue
            }
            var command = try Tandem.parseAsRoot(["run", entry.name, "--mine", "--json"])
            do {
                try command.run()
                Issue.record("run \(entry.name) --mine --json ran")
            } catch let failure as CLIFailure {
                #expect(failure.message.contains("--mine prints the runner's own report"), "\(entry.name)")
            }
        }
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
