/// `support`: short customer-support messages over six intents, generated from templates.
///
/// Most messages are easy (they name their intent with a keyword); the rest are the hard
/// cases a small keyword model gets wrong or is unsure about, and a larger model with a richer
/// view can still read:
/// - **paraphrase**: the intent in everyday words, no keyword at all;
/// - **typo**: an easy message whose keyword is misspelled;
/// - **misleading**: "this is not about my password, …" — another intent's keyword, negated, then
///   the real request (a keyword model sees two intents and cannot tell which one counts);
/// - **ambiguous**: two requests in one message, labelled with either one at random (no model
///   can do better than a coin flip between the two, and the small one is often sure anyway).
///
/// Two views of every message:
/// - the **keyword view** (`keywordView`): counts of a fixed lexicon of keywords plus the
///   negation words, for a small model;
/// - the **rich view** (`richView`): word unigrams, word pairs and character trigrams hashed
///   into `richFeatures` buckets — a stand-in for a "pretrained" representation that survives
///   typos and sees word order locally.
///
/// Labels are class-balanced: each intent gets ⌊n/6⌋ or ⌊n/6⌋+1 messages of every split.
public struct SupportDataset: Sendable {
    /// The six intents, in label order.
    public static let intents = ["billing", "shipping", "refund", "technical", "account", "cancel"]

    /// The kinds of message, easy first.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case easy, paraphrase, typo, misleading, ambiguous
    }

    /// One message with its label and kind.
    public struct Message: Sendable, Equatable {
        /// The message, lower case, words separated by single spaces.
        public var text: String
        /// The label: an index into `SupportDataset.intents`.
        public var intent: Int
        /// Which kind of message it is (easy or one of the hard kinds).
        public var kind: Kind
    }

    /// One split: the messages and both views of them.
    public struct Split: Sendable {
        /// The messages, in the same order as the rows of both views.
        public var messages: [Message]
        /// Keyword counts (n × `SupportDataset.keywordFeatures`).
        public var keywordView: LabeledSet
        /// Hashed unigrams, word pairs and character trigrams (n × `richFeatures`).
        public var richView: LabeledSet
    }

    /// The mix of message kinds (fractions summing to 1) and the size of each split.
    public struct Options: Sendable, Equatable {
        /// Messages in the training split.
        public var trainCount = 1200
        /// Messages in the validation split.
        public var validationCount = 600
        /// Messages in the test split.
        public var testCount = 1000
        /// Expected fraction of paraphrases.
        public var paraphrase = 0.16
        /// Expected fraction of misspelled keyword messages.
        public var typo = 0.09
        /// Expected fraction of negated-decoy messages.
        public var misleading = 0.08
        /// Expected fraction of two-request messages (the rest are easy).
        public var ambiguous = 0.05
        /// Buckets of the rich view.
        public var richFeatures = 128
        /// The defaults above.
        public init() {}
    }

    /// The options the dataset was generated with.
    public let options: Options
    /// The training split.
    public let train: Split
    /// The validation split (e.g. for choosing a cascade threshold).
    public let validation: Split
    /// The test split.
    public let test: Split

    /// Generates the three splits from `seed` (same seed, same messages and features).
    public init(seed: UInt64, options: Options = Options()) {
        self.options = options
        var rng = SplitMix64(seed: seed ^ 0x5355_5050_4F52_5400)
        var trainRNG = rng.split()
        var validationRNG = rng.split()
        var testRNG = rng.split()
        train = SupportDataset.makeSplit(count: options.trainCount, options: options, rng: &trainRNG)
        validation = SupportDataset.makeSplit(count: options.validationCount, options: options, rng: &validationRNG)
        test = SupportDataset.makeSplit(count: options.testCount, options: options, rng: &testRNG)
    }

    // MARK: - Vocabulary

    /// Per intent: keywords (in the small model's lexicon).
    static let keywords: [[String]] = [
        ["invoice", "charged", "bill", "payment"],
        ["package", "delivery", "tracking", "shipped"],
        ["refund", "return", "reimbursement", "credit"],
        ["error", "crash", "bug", "loading"],
        ["password", "login", "username", "email"],
        ["cancel", "subscription", "unsubscribe", "plan"],
    ]
    /// Words that carry no intent but that a keyword model can still see.
    static let markerWords = ["not", "about", "and"]

    /// The keyword lexicon of the small model's view, in feature order.
    public static let lexicon: [String] = keywords.flatMap { $0 } + markerWords
    /// Features of the keyword view.
    public static var keywordFeatures: Int { lexicon.count }

    /// Per intent: phrases that name the intent with one of its keywords (`{k}`).
    static let keywordPhrases: [[String]] = [
        [
            "i was {k} twice this month", "my {k} shows the wrong amount", "there is a problem with my {k}",
            "can you explain this {k}", "my {k} went through twice",
        ],
        [
            "where is my {k}", "my {k} is late", "the {k} says it is stuck", "has my {k} moved at all",
            "i have a question on my {k}",
        ],
        [
            "i want a {k} for this order", "how long does a {k} take", "please start my {k}",
            "i am waiting on my {k}", "i need a {k} for the broken item",
        ],
        [
            "the app shows an {k} on start", "i keep getting a {k} when i open it", "there is a {k} in the app",
            "the page is stuck {k}", "i see a {k} every time i save",
        ],
        [
            "i forgot my {k}", "i need to change my {k}", "my {k} stopped working", "how do i reset my {k}",
            "help me update my {k}",
        ],
        [
            "i want to {k} today", "please {k} my account now", "how do i {k} this", "stop my {k} please",
            "i would like to end my {k}",
        ],
    ]
    /// Per intent: the same requests in everyday words, with no keyword.
    static let paraphrases: [[String]] = [
        [
            "you took money from me two times", "the amount on my statement is too high",
            "why did my card get hit again", "i paid for this month already",
        ],
        [
            "my order never showed up", "the box is still on its way after two weeks",
            "the courier left nothing at my door", "when will my order get here",
        ],
        [
            "i want my money back", "send back what i paid for the broken item",
            "the item broke and i paid for it", "give me back what i spent",
        ],
        [
            "the screen goes blank when i open it", "it freezes when i press save",
            "everything is frozen after the update", "the app closes by itself",
        ],
        [
            "i cannot get in to my profile", "it says my details are wrong when i sign in",
            "i am locked out of my profile", "someone changed my sign in details",
        ],
        [
            "i do not want this service any more", "stop taking money every month for this service",
            "end this service for me", "i want out of this monthly deal",
        ],
    ]
    static let openers = ["hi", "hello", "hey there", "good morning", "excuse me", "quick question", "", "", ""]
    static let closers = ["thanks", "thank you", "please help", "asap", "cheers", "", "", ""]

    // MARK: - Generation

    static func makeSplit(count: Int, options: Options, rng: inout SplitMix64) -> Split {
        let labels = balancedLabels(count: count, classes: intents.count, rng: &rng)
        var messages: [Message] = []
        messages.reserveCapacity(count)
        for intent in labels {
            messages.append(makeMessage(intent: intent, options: options, rng: &rng))
        }
        return Split(
            messages: messages,
            keywordView: LabeledSet(
                inputs: keywordView(messages.map(\.text)), labels: messages.map(\.intent), classes: intents.count),
            richView: LabeledSet(
                inputs: richView(messages.map(\.text), buckets: options.richFeatures), labels: messages.map(\.intent),
                classes: intents.count))
    }

    static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[rng.int(below: items.count)] }

    static func keywordPhrase(_ intent: Int, _ rng: inout SplitMix64) -> String {
        pick(keywordPhrases[intent], &rng).replacingOccurrences(of: "{k}", with: pick(keywords[intent], &rng))
    }

    static func wrap(_ core: String, _ rng: inout SplitMix64) -> String {
        [pick(openers, &rng), core, pick(closers, &rng)].filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func otherIntent(than intent: Int, _ rng: inout SplitMix64) -> Int {
        (intent + 1 + rng.int(below: intents.count - 1)) % intents.count
    }

    static func makeMessage(intent: Int, options: Options, rng: inout SplitMix64) -> Message {
        let u = rng.nextDouble()
        var threshold = options.paraphrase
        if u < threshold {
            return Message(text: wrap(pick(paraphrases[intent], &rng), &rng), intent: intent, kind: .paraphrase)
        }
        threshold += options.typo
        if u < threshold {
            let keyword = pick(keywords[intent], &rng)
            let phrase = pick(keywordPhrases[intent], &rng).replacingOccurrences(
                of: "{k}", with: misspell(keyword, &rng))
            return Message(text: wrap(phrase, &rng), intent: intent, kind: .typo)
        }
        threshold += options.misleading
        if u < threshold {
            let decoy = pick(keywords[otherIntent(than: intent, &rng)], &rng)
            let truth = keywordPhrase(intent, &rng)
            return Message(
                text: wrap("this is not about my \(decoy) \(truth)", &rng), intent: intent, kind: .misleading)
        }
        threshold += options.ambiguous
        if u < threshold {
            // Two requests; the label is one of them at random, so neither model can know it.
            let other = otherIntent(than: intent, &rng)
            let first = rng.bernoulli(0.5) ? intent : other
            let second = first == intent ? other : intent
            return Message(
                text: wrap(keywordPhrase(first, &rng) + " and " + keywordPhrase(second, &rng), &rng),
                intent: intent, kind: .ambiguous)
        }
        return Message(text: wrap(keywordPhrase(intent, &rng), &rng), intent: intent, kind: .easy)
    }

    /// A plausible typo: two neighbouring letters swapped, or one letter dropped or doubled.
    static func misspell(_ word: String, _ rng: inout SplitMix64) -> String {
        var letters = Array(word)
        guard letters.count >= 4 else { return word + word.suffix(1) }
        let i = 1 + rng.int(below: letters.count - 2)
        switch rng.int(below: 3) {
        case 0: letters.swapAt(i, i + 1 == letters.count ? i - 1 : i + 1)
        case 1: letters.remove(at: i)
        default: letters.insert(letters[i], at: i)
        }
        let result = String(letters)
        return result == word ? word + "e" : result
    }

    // MARK: - Views

    static let lexiconIndex: [String: Int] = Dictionary(uniqueKeysWithValues: lexicon.enumerated().map { ($1, $0) })

    /// Keyword counts for each text (the small model's view).
    public static func keywordView(_ texts: [String]) -> Matrix {
        var m = Matrix(rows: texts.count, cols: lexicon.count)
        for (r, text) in texts.enumerated() {
            for word in text.split(separator: " ") {
                if let c = lexiconIndex[String(word)] { m[r, c] += 1 }
            }
        }
        return m
    }

    /// Hashed word unigrams, word pairs and character trigrams, each row scaled to unit length
    /// (the large model's view).
    public static func richView(_ texts: [String], buckets: Int) -> Matrix {
        var m = Matrix(rows: texts.count, cols: buckets)
        for (r, text) in texts.enumerated() {
            let words = text.split(separator: " ").map { Array($0.utf8) }
            func add(_ bytes: [UInt8], salt: UInt64, weight: Double) {
                m[r, Int(fnv1a(bytes, salt: salt) % UInt64(buckets))] += weight
            }
            for (i, word) in words.enumerated() {
                add(word, salt: 1, weight: 1)
                if i + 1 < words.count { add(word + [32] + words[i + 1], salt: 2, weight: 1) }
                let padded = [UInt8(ascii: "<")] + word + [UInt8(ascii: ">")]
                if padded.count >= 3 {
                    for j in 0...(padded.count - 3) { add(Array(padded[j..<(j + 3)]), salt: 3, weight: 0.5) }
                }
            }
            var norm = 0.0
            for c in 0..<buckets { norm += m[r, c] * m[r, c] }
            norm = norm.squareRoot()
            if norm > 0 { for c in 0..<buckets { m[r, c] /= norm } }
        }
        return m
    }

    /// FNV-1a over `bytes`, salted so the three feature families hash differently.
    static func fnv1a(_ bytes: [UInt8], salt: UInt64) -> UInt64 {
        FNV1a.hash(bytes, basis: FNV1a.offsetBasis ^ (salt &* 0x9E37_79B9_7F4A_7C15))
    }
}
