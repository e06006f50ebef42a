/// Word segmentation by maximum matching against the phrase dictionary.
extension PinyinConverter {
    /// Words of a Han stretch as index ranges into `chars`, in order, covering it.
    ///
    /// Forward and backward maximum matching both run; the cut with fewer words wins, then the
    /// one with fewer single characters, then the backward one (usually right when they differ,
    /// as in 结合成分子: 结合│成│分子, not 结合│成分│子).
    func segment(_ chars: [Character]) -> [Range<Int>] {
        let forward = forwardMaximumMatching(chars)
        let backward = backwardMaximumMatching(chars)
        func singles(_ cut: [Range<Int>]) -> Int { cut.count(where: { $0.count == 1 }) }
        if forward.count != backward.count { return forward.count < backward.count ? forward : backward }
        return singles(forward) < singles(backward) ? forward : backward
    }

    func forwardMaximumMatching(_ chars: [Character]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < chars.count {
            let longest = min(dictionary.longestPhrase, chars.count - start)
            let length = stride(from: longest, to: 1, by: -1).first { isWord(chars[start..<start + $0]) } ?? 1
            out.append(start..<start + length)
            start += length
        }
        return out
    }

    func backwardMaximumMatching(_ chars: [Character]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var end = chars.count
        while end > 0 {
            let longest = min(dictionary.longestPhrase, end)
            let length = stride(from: longest, to: 1, by: -1).first { isWord(chars[end - $0..<end]) } ?? 1
            out.append(end - length..<end)
            end -= length
        }
        return out.reversed()
    }

    private func isWord(_ chars: ArraySlice<Character>) -> Bool {
        dictionary.phrases.contains(String(chars))
    }
}
