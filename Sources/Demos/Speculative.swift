import Foundation
import ToyEngine

/// `speculative`: speculative decoding on the synthetic Markov sequences.
///
/// The draft (a bigram model estimated from a short sample) proposes γ tokens; the target (a
/// trigram model estimated from a long sample) checks them all in one call, accepting token x
/// with probability min(1, p(x)/q(x)) and, at the first rejection, sampling from the residual
/// norm(max(0, p − q)); when all γ pass it adds one bonus token from p. Leviathan et al. show
/// the output is distributed exactly as the target's; the demo measures tokens per target
/// call against (1 − α^(γ+1)) / (1 − α).
///
/// Compute is counted as a dense network of the same size would spend it: one multiply-add per
/// parameter per position (an n-gram model's table is really a look-up, but its size stands for
/// the model's size). The target scores γ + 1 positions per call whatever it accepts, and the
/// draft runs γ times, so speculative decoding spends more compute per token than plain decoding:
/// it trades compute for fewer sequential target calls.
public enum SpeculativeDemo {
    /// Whether a greedy verifier keeps the draft's token, given the target's next-token
    /// distribution there.
    public typealias GreedyVerifier = @Sendable (_ target: ArraySlice<Double>, _ draftToken: Int) -> Bool

    /// The correct greedy rule: keep the draft's token exactly when it is the target's top token.
    public static let exactGreedyVerifier: GreedyVerifier = { p, x in argmax(p) == x }

    public struct Options: Sendable, Equatable {
        /// Tokens generated per γ.
        public var tokens = 10_000
        /// The γ whose block acceptance profile the report shows.
        public var gamma = 4
        public init() {}
    }

    /// Multiply-adds per position of a model, counted as for a dense network of its size.
    public static func compute(_ model: NGramModel) -> Double { Double(model.table.count) }

    public struct Point: Sendable, Equatable {
        public var gamma: Int
        public var tokensPerCall: Double
        public var formula: Double
        /// Target plus draft multiply-adds per generated token: per target call, γ + 1 target
        /// positions and γ draft positions.
        public var computePerToken: Double
        /// (measured − formula) / formula.
        public var relativeGap: Double { (tokensPerCall - formula) / formula }
    }

    public struct Result: Sendable, Equatable {
        public var seed: UInt64
        /// α = E[Σₓ min(p(x), q(x))] over the contexts of a target-only sample.
        public var acceptanceRate: Double
        /// The spread of per-context acceptance (standard deviation across contexts).
        public var acceptanceSpread: Double
        public var points: [Point]
        /// For `options.gamma`: P(draft token k is accepted | tokens 1…k−1 were), k = 1…γ.
        public var blockAcceptance: [Double]
        public var gamma: Int
        /// Total-variation distance between token frequencies of speculative output and of
        /// sampling from the target alone.
        public var frequencyDistance: Double
        /// The same distance between two independent target-only samples (the noise floor).
        public var referenceDistance: Double
        /// Whether greedy speculative decoding wrote exactly what an independent plain greedy
        /// decode of the target writes.
        public var greedyIdentical: Bool
        public var greedyTokens: Int
        /// Tokens per target call of greedy speculative decoding.
        public var greedyTokensPerCall: Double
        /// Multiply-adds per position of the target and of the draft; plain decoding spends the
        /// target's per token.
        public var targetCompute: Double
        public var draftCompute: Double
        public var vocabulary: Int
        /// Tokens generated per γ.
        public var tokens: Int
    }

    public static let gammas = Array(1...8)

    public static func run(
        _ options: Options = Options(), seed: UInt64 = 1, hooks: DemoHooks = .standard,
        greedyVerifier: GreedyVerifier = exactGreedyVerifier
    ) -> Result {
        let source = MarkovSource(seed: seed)
        let v = source.options.vocabulary
        var rng = SplitMix64(seed: seed ^ 0x5350_4543)
        let target = NGramModel(
            order: 2, vocabulary: v, tokens: source.sample(count: 60_000, rng: &rng), smoothing: 0.1)
        let draft = NGramModel(order: 1, vocabulary: v, tokens: source.sample(count: 3_000, rng: &rng), smoothing: 0.5)

        // α from the contexts of text the target itself writes.
        var sampleRNG = rng.split()
        let reference = generateFromTarget(target, count: options.tokens, rng: &sampleRNG)
        var overlaps: [Double] = []
        for i in 0..<reference.count {
            let p = target.distribution(after: reference[0..<i])
            let q = draft.distribution(after: reference[0..<i])
            overlaps.append(zip(p, q).reduce(0) { $0 + min($1.0, $1.1) })
        }
        let alpha = overlaps.reduce(0, +) / Double(overlaps.count)
        let spread = (overlaps.reduce(0) { $0 + ($1 - alpha) * ($1 - alpha) } / Double(overlaps.count)).squareRoot()

        var points: [Point] = []
        var blockAcceptance: [Double] = []
        var speculativeOutput: [Int] = []
        for gamma in gammas {
            var decodeRNG = SplitMix64(seed: seed ^ 0x4445_434F ^ UInt64(gamma))
            let run = decode(target: target, draft: draft, gamma: gamma, count: options.tokens, rng: &decodeRNG)
            let perCall = Double(gamma + 1) * compute(target) + Double(gamma) * compute(draft)
            points.append(
                Point(
                    gamma: gamma, tokensPerCall: Double(run.tokens.count) / Double(run.calls),
                    formula: (1 - pow(alpha, Double(gamma + 1))) / (1 - alpha),
                    computePerToken: Double(run.calls) * perCall / Double(run.tokens.count)))
            if gamma == options.gamma {
                blockAcceptance = zip(run.accepted, run.reached).map { $1 > 0 ? Double($0) / Double($1) : 0 }
                speculativeOutput = run.tokens
            }
        }
        var otherRNG = rng.split()
        let another = generateFromTarget(target, count: options.tokens, rng: &otherRNG)
        let greedyCount = 400
        let greedySpeculative = decodeGreedy(
            target: target, draft: draft, gamma: options.gamma, count: greedyCount, verifier: greedyVerifier)
        // The reference: the target decoding greedily on its own, one call per token.
        let greedyTarget = generateGreedy(target, count: greedyCount)
        return Result(
            seed: seed, acceptanceRate: alpha, acceptanceSpread: spread, points: points,
            blockAcceptance: blockAcceptance, gamma: options.gamma,
            frequencyDistance: totalVariation(speculativeOutput, reference, v),
            referenceDistance: totalVariation(another, reference, v),
            greedyIdentical: greedySpeculative.tokens == greedyTarget, greedyTokens: greedyCount,
            greedyTokensPerCall: Double(greedyCount) / Double(greedySpeculative.calls),
            targetCompute: compute(target), draftCompute: compute(draft), vocabulary: v, tokens: options.tokens)
    }

    struct Run {
        var tokens: [Int]
        var calls: Int
        /// accepted[k]: blocks where draft token k+1 was accepted; reached[k]: where it was checked.
        var accepted: [Int]
        var reached: [Int]
    }

    /// Speculative sampling until `count` tokens exist.
    static func decode(target: NGramModel, draft: NGramModel, gamma: Int, count: Int, rng: inout SplitMix64) -> Run {
        var run = Run(
            tokens: [], calls: 0, accepted: Array(repeating: 0, count: gamma),
            reached: Array(repeating: 0, count: gamma))
        run.tokens.reserveCapacity(count + gamma + 1)
        while run.tokens.count < count {
            // The draft writes its γ tokens after the history and they are taken off again, so
            // no block copies the history (a copy per block made decoding quadratic in length).
            var drafted: [Int] = []
            var draftDistributions: [[Double]] = []
            for _ in 0..<gamma {
                let q = Array(draft.distribution(after: run.tokens[...]))
                let x = rng.categorical(q)
                run.tokens.append(x)
                drafted.append(x)
                draftDistributions.append(q)
            }
            run.tokens.removeLast(gamma)
            run.calls += 1  // one target pass scores all γ + 1 positions
            var allAccepted = true
            for k in 0..<gamma {
                // The history so far is the old one plus the k drafted tokens accepted.
                let p = Array(target.distribution(after: run.tokens[...]))
                let q = draftDistributions[k]
                let x = drafted[k]
                run.reached[k] += 1
                if rng.nextDouble() < min(1, p[x] / q[x]) {
                    run.accepted[k] += 1
                    run.tokens.append(x)
                } else {
                    let residual = zip(p, q).map { max(0, $0 - $1) }
                    run.tokens.append(rng.categorical(residual))
                    allAccepted = false
                    break
                }
            }
            if allAccepted {
                run.tokens.append(rng.categorical(Array(target.distribution(after: run.tokens[...]))))
            }
        }
        run.tokens.removeLast(run.tokens.count - count)
        return run
    }

    static func generateFromTarget(_ target: NGramModel, count: Int, rng: inout SplitMix64) -> [Int] {
        var tokens: [Int] = []
        tokens.reserveCapacity(count)
        for _ in 0..<count { tokens.append(rng.categorical(Array(target.distribution(after: tokens[...])))) }
        return tokens
    }

    static func argmax(_ values: ArraySlice<Double>) -> Int {
        var best = values.startIndex
        for i in values.indices where values[i] > values[best] { best = i }
        return best - values.startIndex
    }

    static func generateGreedy(_ target: NGramModel, count: Int) -> [Int] {
        var tokens: [Int] = []
        for _ in 0..<count { tokens.append(argmax(target.distribution(after: tokens[...]))) }
        return tokens
    }

    /// Greedy speculative decoding: the draft proposes γ tokens greedily; the verifier keeps
    /// each draft token it accepts (the draft's token is what is written), and at the first
    /// rejection the target's own top token is written instead. With `exactGreedyVerifier` the
    /// output is the target's greedy output; a wrong verifier lets the draft's tokens through,
    /// which the comparison with an independent greedy decode of the target catches.
    static func decodeGreedy(
        target: NGramModel, draft: NGramModel, gamma: Int, count: Int, verifier: GreedyVerifier
    ) -> (tokens: [Int], calls: Int) {
        var tokens: [Int] = []
        var calls = 0
        while tokens.count < count {
            // As in `decode`: drafted after the history and taken off again, never a copy.
            var proposal: [Int] = []
            for _ in 0..<gamma {
                let x = argmax(draft.distribution(after: tokens[...]))
                tokens.append(x)
                proposal.append(x)
            }
            tokens.removeLast(gamma)
            calls += 1
            var allAccepted = true
            for k in 0..<gamma {
                let p = target.distribution(after: tokens[...])
                let drafted = proposal[k]
                if verifier(p, drafted) {
                    tokens.append(drafted)
                } else {
                    tokens.append(argmax(p))
                    allAccepted = false
                    break
                }
            }
            if allAccepted { tokens.append(argmax(target.distribution(after: tokens[...]))) }
        }
        return (Array(tokens.prefix(count)), calls)
    }

    static func totalVariation(_ a: [Int], _ b: [Int], _ v: Int) -> Double {
        var fa = [Double](repeating: 0, count: v)
        var fb = fa
        for t in a { fa[t] += 1 / Double(a.count) }
        for t in b { fb[t] += 1 / Double(b.count) }
        return zip(fa, fb).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
    }
}
