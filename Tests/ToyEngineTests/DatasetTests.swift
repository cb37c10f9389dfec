import Testing

@testable import ToyEngine

@Suite struct DatasetTests {
    @Test func supportIsReproducibleAndSeedDependent() {
        let a = SupportDataset(seed: 7)
        let b = SupportDataset(seed: 7)
        let c = SupportDataset(seed: 8)
        #expect(a.train.messages == b.train.messages)
        #expect(a.test.richView == b.test.richView)
        #expect(a.validation.keywordView == b.validation.keywordView)
        #expect(a.train.messages != c.train.messages)
    }

    @Test func supportSplitsAreClassBalanced() {
        let data = SupportDataset(seed: 3)
        for split in [data.train, data.validation, data.test] {
            let counts = split.keywordView.classCounts
            #expect(counts.count == SupportDataset.intents.count)
            #expect(counts.max()! - counts.min()! <= 1, "counts \(counts)")
            #expect(split.richView.labels == split.keywordView.labels)
        }
    }

    @Test func supportHasEveryKindOfMessageInRoughlyTheDocumentedMix() {
        let data = SupportDataset(seed: 1)
        let n = Double(data.test.messages.count)
        func share(_ kind: SupportDataset.Kind) -> Double {
            Double(data.test.messages.filter { $0.kind == kind }.count) / n
        }
        let options = SupportDataset.Options()
        #expect(abs(share(.paraphrase) - options.paraphrase) < 0.04)
        #expect(abs(share(.typo) - options.typo) < 0.04)
        #expect(abs(share(.misleading) - options.misleading) < 0.04)
        #expect(abs(share(.ambiguous) - options.ambiguous) < 0.03)
        #expect(share(.easy) > 0.5)
    }

    @Test func supportViewsSeeWhatTheyShould() {
        let data = SupportDataset(seed: 2)
        for (i, message) in data.test.messages.enumerated().prefix(200) {
            let keywords = data.test.keywordView.inputs.rowArray(i)
            let intentKeywords = SupportDataset.keywords[message.intent]
            let sees = intentKeywords.contains { k in message.text.split(separator: " ").contains { $0 == k } }
            if message.kind == .easy {
                #expect(sees, "an easy message names its intent: \(message.text)")
                #expect(keywords.reduce(0, +) >= 1)
            }
            if message.kind == .paraphrase {
                // No keyword of any intent (only marker words may appear).
                #expect(
                    keywords.prefix(SupportDataset.keywords.flatMap { $0 }.count).allSatisfy { $0 == 0 },
                    "\(message.text)")
            }
            // The rich view is unit length.
            let norm = data.test.richView.inputs.rowArray(i).reduce(0) { $0 + $1 * $1 }
            #expect(abs(norm - 1) < 1e-9)
        }
    }

    @Test func misspellingChangesTheWord() {
        var rng = SplitMix64(seed: 5)
        for word in ["refund", "password", "invoice", "bug"] {
            for _ in 0..<20 { #expect(SupportDataset.misspell(word, &rng) != word) }
        }
    }

    @Test func latentTaskIsReproducibleWithTheDocumentedShapes() {
        var options = LatentTask.Options()
        options.blind = 3
        options.strongNuisance = 5
        let a = LatentTask(seed: 11, options: options)
        let b = LatentTask(seed: 11, options: options)
        #expect(a.halfB.strong == b.halfB.strong)
        #expect(a.test.weak == b.test.weak)
        #expect(a.weakFeatures == 5)
        #expect(a.strongFeatures == 2 * 8 + 5)
        #expect(a.halfA.weak.features == 5 && a.halfA.strong.features == 21)
        #expect(a.halfA.count == options.halfACount && a.halfB.count == options.halfBCount)
        #expect(a.validation.count == options.validationCount && a.test.count == options.testCount)
        #expect(a.halfA.weak.labels == a.halfA.strong.labels)
        #expect(LatentTask(seed: 12, options: options).halfA.weak != a.halfA.weak)
    }

    @Test func latentTaskSplitsAreExactlyBalancedAndLabelsFollowTheFactors() {
        for seed in UInt64(1)...5 {
            let task = LatentTask(seed: seed)
            for split in [task.halfA, task.halfB, task.validation, task.test] {
                let counts = split.weak.classCounts
                #expect(abs(counts[0] - counts[1]) <= 1, "seed \(seed): \(counts)")
            }
        }
        // Balancing by rejection keeps the label rule: with no noise anywhere, the weak view's
        // sum decides the label exactly (see weakNoiseZeroMakesTheWeakViewExact).
    }

    @Test func weakNoiseZeroMakesTheWeakViewExact() {
        var options = LatentTask.Options()
        options.weakNoise = 0
        options.blind = 0
        options.labelNoise = 0
        let task = LatentTask(seed: 4, options: options)
        // With every factor seen exactly, the sum of the weak view decides the label.
        for r in 0..<task.test.count {
            let score = task.test.weak.inputs.rowArray(r).reduce(0, +)
            #expect((score > 0 ? 1 : 0) == task.test.weak.labels[r])
        }
    }

    @Test func clusterTaskIsBalancedAndItsMessIsAsAskedFor() {
        var options = ClusterTask.Options()
        options.classes = 3
        options.trainCount = 900
        options.labelNoise = 0.2
        options.duplicates = 0.1
        let task = ClusterTask(seed: 9, options: options)
        let clean = LabeledSet(inputs: task.train.inputs, labels: task.cleanLabels, classes: 3)
        #expect(clean.classCounts.max()! - clean.classCounts.min()! <= 1)
        #expect(task.test.classCounts.max()! - task.test.classCounts.min()! <= 1)
        let wrong = Double(zip(task.train.labels, task.cleanLabels).filter { $0 != $1 }.count) / 900
        #expect(abs(wrong - 0.2) < 0.05)
        #expect(task.isDuplicate.filter { $0 }.count == 90)
        #expect(ClusterTask(seed: 9, options: options).train == task.train)
    }

    @Test func ngramModelsAreDistributionsFittedToTheirSource() {
        let source = MarkovSource(seed: 3)
        var rng = SplitMix64(seed: 3)
        let tokens = source.sample(count: 50_000, rng: &rng)
        #expect(tokens.allSatisfy { (0..<source.options.vocabulary).contains($0) })
        var again = SplitMix64(seed: 3)
        #expect(source.sample(count: 1000, rng: &again) == Array(tokens.prefix(1000)))
        let trigram = NGramModel(order: 2, vocabulary: source.options.vocabulary, tokens: tokens, smoothing: 0.1)
        let bigram = NGramModel(order: 1, vocabulary: source.options.vocabulary, tokens: tokens)
        // Every row is a distribution; the trigram model is closer to the source than the bigram
        // model on average (it sees the context the source uses).
        let v = source.options.vocabulary
        var trigramDistance = 0.0
        var bigramDistance = 0.0
        for a in 0..<v {
            for b in 0..<v {
                let p = trigram.distribution(after: [a, b][...])
                let q = bigram.distribution(after: [a, b][...])
                #expect(abs(p.reduce(0, +) - 1) < 1e-9 && abs(q.reduce(0, +) - 1) < 1e-9)
                let base = (a * v + b) * v
                let truth = source.probabilities[base..<(base + v)]
                trigramDistance += zip(p, truth).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
                bigramDistance += zip(q, truth).reduce(0) { $0 + abs($1.0 - $1.1) } / 2
            }
        }
        #expect(trigramDistance / Double(v * v) < 0.12)
        #expect(trigramDistance < bigramDistance)
    }
}

@Suite struct SupportDifficultyTests {
    /// Test accuracy of a logistic regression per kind of message, trained on one view.
    static func accuracyByKind(_ data: SupportDataset, rich: Bool) -> [SupportDataset.Kind: Double] {
        let trainSet = rich ? data.train.richView : data.train.keywordView
        let test = rich ? data.test.richView : data.test.keywordView
        var rng = SplitMix64(seed: 5)
        let model = LogisticRegression(inputs: trainSet.features, classes: trainSet.classes, rng: &rng)
        train(
            model, inputs: trainSet.inputs, targets: .hard(trainSet.labels),
            config: TrainingConfig(epochs: 30, batchSize: 32, optimizer: .adam(learningRate: 0.05)), rng: &rng)
        let predictions = model.predict(test.inputs)
        var result: [SupportDataset.Kind: Double] = [:]
        for kind in SupportDataset.Kind.allCases {
            let rows = data.test.messages.indices.filter { data.test.messages[$0].kind == kind }
            result[kind] = Metrics.accuracy(
                predictions: rows.map { predictions[$0] }, labels: rows.map { test.labels[$0] })
        }
        return result
    }

    @Test(arguments: [UInt64(1), 2])
    func aKeywordModelGetsTheEasyOnesAndFailsTheHardOnesWhichTheRichViewReads(seed: UInt64) throws {
        let data = SupportDataset(seed: seed)
        let small = Self.accuracyByKind(data, rich: false)
        let large = Self.accuracyByKind(data, rich: true)
        #expect(try #require(small[.easy]) >= 0.95)
        for kind in [SupportDataset.Kind.paraphrase, .typo, .misleading, .ambiguous] {
            #expect(try #require(small[kind]) < 0.7, "\(kind): \(small[kind]!)")
        }
        // The rich view reads paraphrases, typos and negations the keyword view cannot.
        for kind in [SupportDataset.Kind.paraphrase, .typo, .misleading] {
            #expect(try #require(large[kind]) > small[kind]! + 0.3, "\(kind): \(large[kind]!) vs \(small[kind]!)")
        }
        // An ambiguous message's label is a coin flip between its two requests, for any model.
        #expect(try #require(large[.ambiguous]) < 0.75)
    }
}
