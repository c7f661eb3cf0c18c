/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The closest candidate within a distance that scales with the word, or nil.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let length = word.count
        let limit = max(2, length / 3)
        let lowered = word.lowercased()
        var best: (String, Int)?
        // The distance is at least the difference in length: a 10,000-character value costs nothing against a key.
        for candidate in candidates where abs(candidate.count - length) <= limit {
            let d = distance(lowered, candidate.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
