import Testing
@testable import TandemCLI

@Suite struct RunCommandTests {
    @Test func demoSubcommandsTakeTheirKnobsAndTheSharedOptions() throws {
        let cascade = try #require(try Tandem.parseAsRoot(["run", "cascade", "--threshold", "0.8", "--scorer", "learned", "--tiers", "3",
                                                           "--seed", "4", "--json", "--width", "60", "--color", "never"]) as? RunCascade)
        #expect(cascade.threshold == 0.8 && cascade.scorer == .learned && cascade.tiers == 3)
        #expect(cascade.common.seed == 4 && cascade.common.json)
        #expect(cascade.display.width == 60)
        let w2s = try #require(try Tandem.parseAsRoot(["run", "weak-to-strong", "--preset", "overfit", "--weak-noise", "1.2", "--blind", "1", "--curve"]) as? RunWeakToStrong)
        #expect(w2s.preset == .overfit && w2s.weakNoise == 1.2 && w2s.blind == 1 && w2s.curve && !w2s.sweep)
        let ensemble = try #require(try Tandem.parseAsRoot(["run", "ensemble", "--members", "15", "--method", "vote", "--diversity", "high"]) as? RunEnsemble)
        #expect(ensemble.members == 15 && ensemble.method == .vote && ensemble.diversity == .high && ensemble.common.seed == 1)
        #expect(try Tandem.parseAsRoot(["run"]) is RunCommand)
    }

    @Test func badKnobsAreRejectedWithAMessage() {
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "cascade", "--threshold", "1.5"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "ensemble", "--members", "40"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "cascade", "--scorer", "psychic"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "speculative", "--gamma", "0"]) }
        #expect(throws: (any Error).self) { try Tandem.parseAsRoot(["run", "nonsense"]) }
    }
}
