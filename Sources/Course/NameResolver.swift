/// One resolver for lessons and exercises, used by every command: a number (`3`), a slug
/// (`cascades`) or a unique prefix of a slug. Unknown or ambiguous names list the valid ones.
public struct NameResolver<Item>: Sendable where Item: Sendable {
    public struct Candidate: Sendable {
        public var number: Int
        public var slug: String
        public var title: String
        public var item: Item
        public init(number: Int, slug: String, title: String, item: Item) {
            self.number = number
            self.slug = slug
            self.title = title
            self.item = item
        }
    }

    public let kind: String
    public let candidates: [Candidate]

    public init(kind: String, candidates: [Candidate]) {
        self.kind = kind
        self.candidates = candidates
    }

    public func resolve(_ name: String) throws(ResolveError) -> Item {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let number = Int(key) {
            if let match = candidates.first(where: { $0.number == number }) { return match.item }
            throw ResolveError(message: "no \(kind) \(number); valid: \(listing(candidates))")
        }
        if let exact = candidates.first(where: { $0.slug.lowercased() == key }) { return exact.item }
        let prefixed = candidates.filter { $0.slug.lowercased().hasPrefix(key) }
        if prefixed.count == 1 { return prefixed[0].item }
        if prefixed.count > 1 {
            throw ResolveError(message: "'\(name)' is ambiguous: did you mean \(listing(prefixed, joiner: " or "))?")
        }
        let near =
            candidates
            .map { ($0, editDistance(key, $0.slug.lowercased())) }
            .filter {
                $0.1 <= max(2, key.count / 3) || $0.0.slug.lowercased().contains(key)
                    || $0.0.title.lowercased().contains(key)
            }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
        if !near.isEmpty {
            throw ResolveError(
                message: "no \(kind) '\(name)'; did you mean \(listing(Array(near.prefix(3)), joiner: " or "))?")
        }
        throw ResolveError(message: "no \(kind) '\(name)'; valid: \(listing(candidates))")
    }

    private func listing(_ items: [Candidate], joiner: String = ", ") -> String {
        items.map { "\($0.number) (\($0.slug))" }.joined(separator: joiner)
    }
}

public struct ResolveError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}

extension CourseFolder {
    public var lessonResolver: NameResolver<LessonEntry> {
        NameResolver(
            kind: "lesson",
            candidates: manifest.lessons.map {
                .init(number: $0.number, slug: $0.slug, title: $0.title, item: $0)
            })
    }

    public var exerciseResolver: NameResolver<ExerciseEntry> {
        NameResolver(
            kind: "exercise",
            candidates: manifest.exercises.map {
                .init(number: $0.number, slug: $0.slug, title: $0.title, item: $0)
            })
    }
}

/// Levenshtein distance, for "did you mean".
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8)
    let b = Array(b.utf8)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
