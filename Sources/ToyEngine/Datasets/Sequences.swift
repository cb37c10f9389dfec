import Foundation

/// Synthetic token sequences for speculative decoding: a second-order Markov source, and
/// n-gram language models estimated from its samples (a cheap bigram *draft* and a larger
/// trigram *target*).
///
/// The source's next-token distribution given the two previous tokens (a, b) is
/// softmax(sharpness · (gᵇ + `contextWeight` · hᵃᵇ)), with g and h fixed normal draws: g is what a
/// bigram model can learn from b alone, h is the part only a model that also sees a knows.
/// `contextWeight` therefore sets how much a bigram draft disagrees with a trigram target, and so
/// the acceptance rate of speculative decoding.
public struct MarkovSource: Sendable {
    /// The source's knobs.
    public struct Options: Sendable, Equatable, Codable {
        /// Number of distinct tokens (V).
        public var vocabulary = 12
        /// Scale of the scores before softmax: larger makes the next token more predictable.
        public var sharpness = 1.6
        /// Weight of the part of the scores that depends on the token two back (see above).
        public var contextWeight = 0.6
        /// The defaults above.
        public init() {}
    }

    /// The options the source was generated with.
    public let options: Options
    /// P(next | a, b) at index (a · V + b) · V + next.
    public let probabilities: [Double]

    /// The source whose tables g and h are drawn from `seed`.
    public init(seed: UInt64, options: Options = Options()) {
        self.options = options
        let v = options.vocabulary
        var rng = SplitMix64(seed: seed ^ 0x4D41_524B_4F56_0000)
        let bigram = (0..<(v * v)).map { _ in rng.normal() }
        var table = [Double](repeating: 0, count: v * v * v)
        for a in 0..<v {
            for b in 0..<v {
                var row = (0..<v).map { x in
                    options.sharpness * (bigram[b * v + x] + options.contextWeight * rng.normal())
                }
                let top = row.max() ?? 0
                row = row.map { exp($0 - top) }
                let total = row.reduce(0, +)
                for x in 0..<v { table[(a * v + b) * v + x] = row[x] / total }
            }
        }
        probabilities = table
    }

    /// `count` tokens sampled from the source, starting from the context (0, 0).
    public func sample(count: Int, rng: inout SplitMix64) -> [Int] {
        let v = options.vocabulary
        var tokens: [Int] = []
        tokens.reserveCapacity(count)
        var a = 0
        var b = 0
        for _ in 0..<count {
            let base = (a * v + b) * v
            let next = rng.categorical(Array(probabilities[base..<(base + v)]))
            tokens.append(next)
            a = b
            b = next
        }
        return tokens
    }
}

/// An n-gram language model: next-token probabilities from counts of the previous `order`
/// tokens, with add-`smoothing` (Laplace) smoothing. `order` 1 is a bigram model, 2 a trigram.
public struct NGramModel: Sendable {
    /// Tokens of context (1: bigram, 2: trigram).
    public let order: Int
    /// Number of distinct tokens.
    public let vocabulary: Int
    /// P(next | context) at index context · V + next, with the context as a base-V number.
    public let table: [Double]

    /// Estimates the model from `tokens` (the first `order` tokens only serve as context).
    public init(order: Int, vocabulary: Int, tokens: [Int], smoothing: Double = 0.5) {
        precondition(order >= 1, "NGramModel: order must be at least 1")
        self.order = order
        self.vocabulary = vocabulary
        var contexts = 1
        for _ in 0..<order { contexts *= vocabulary }
        var counts = [Double](repeating: smoothing, count: contexts * vocabulary)
        if tokens.count > order {
            for i in order..<tokens.count {
                var context = 0
                for j in (i - order)..<i { context = context * vocabulary + tokens[j] }
                counts[context * vocabulary + tokens[i]] += 1
            }
        }
        for c in 0..<contexts {
            let base = c * vocabulary
            var total = 0.0
            for x in 0..<vocabulary { total += counts[base + x] }
            for x in 0..<vocabulary { counts[base + x] /= total }
        }
        table = counts
    }

    /// The next-token distribution after `history` (only its last `order` tokens matter; missing
    /// ones count as token 0, the source's start context).
    public func distribution(after history: ArraySlice<Int>) -> ArraySlice<Double> {
        var context = 0
        for k in 0..<order {
            let index = history.endIndex - order + k
            context = context * vocabulary + (index >= history.startIndex ? history[index] : 0)
        }
        let base = context * vocabulary
        return table[base..<(base + vocabulary)]
    }

    /// Table look-ups per token: the model's cost (one row of `vocabulary` numbers).
    public var cost: Int { vocabulary }
}
