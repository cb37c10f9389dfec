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

    @Test func weakToStrongTaskIsReproducibleWithTheDocumentedShapes() {
        let a = WeakToStrongTask(seed: 11)
        let b = WeakToStrongTask(seed: 11)
        #expect(a.strongView(3, of: a.halfB) == b.strongView(3, of: b.halfB))
        #expect(a.weakView(0, of: a.test) == b.weakView(0, of: b.test))
        #expect(WeakToStrongTask(seed: 12).halfA.labels != a.halfA.labels)
        #expect(a.weakFeatures == 1 + 8 && a.strongFeatures(0) == 1 + 4 + 128)
        #expect(a.halfA.count == 800 && a.halfB.count == 400 && a.validation.count == 200 && a.test.count == 1000)
        var options = WeakToStrongTask.Options()
        options.classes = 6
        let six = WeakToStrongTask(seed: 3, options: options)
        #expect(six.weakFeatures == 6 + 8 && six.strongFeatures(2) == 6 + 6 + 128)
        #expect(Set(six.test.labels) == Set(0..<6))
    }

    /// The design's salience ordering: in every strong view the concept column has unit variance,
    /// the cue and junk columns are fainter, and both fade with size; the concept is cleaner too.
    @Test func weakToStrongStrongViewsPutTheConceptFirstAndCleanerWithSize() {
        let task = WeakToStrongTask(seed: 5)
        func variance(_ column: [Double]) -> Double {
            let mean = column.reduce(0, +) / Double(column.count)
            return column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(column.count)
        }
        var previous: (cue: Double, junk: Double, agreement: Double)?
        for size in 0..<WeakToStrongTask.strongLadder.count {
            let view = task.strongView(size, of: task.test)
            let concept = variance(view.column(0))
            let cue = variance(view.column(1))
            let junk = variance(view.column(1 + 4))
            #expect(abs(concept - 1) < 0.15 && cue < 0.1 && junk < 0.3, "size \(size)")
            // The sign of the concept column agrees with the label more often as size grows.
            let agreement =
                Double(zip(view.column(0), task.test.labels).filter { ($0 > 0 ? 1 : 0) == $1 }.count)
                / Double(task.test.count)
            if let previous {
                #expect(cue < previous.cue && junk < previous.junk && agreement >= previous.agreement)
            }
            previous = (cue, junk, agreement)
        }
        // The weak views: noisier pictures of the concept, less so up the ladder.
        let weakAgreement = (0..<3).map { size in
            let column = task.weakView(size, of: task.test).column(0)
            return Double(zip(column, task.test.labels).filter { ($0 > 0 ? 1 : 0) == $1 }.count)
                / Double(task.test.count)
        }
        #expect(weakAgreement[0] < weakAgreement[1] && weakAgreement[1] < weakAgreement[2])
        #expect(weakAgreement[2] < (previous?.agreement ?? 0))
    }
}
