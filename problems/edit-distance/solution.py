class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        m, n = len(word1), len(word2)
        # prev[j] = edits turning the previous prefix of word1 into word2[:j]
        prev = list(range(n + 1))  # from the empty prefix: insert j characters
        for i in range(1, m + 1):
            cur = [i] + [0] * n  # to the empty word2 prefix: delete i characters
            for j in range(1, n + 1):
                if word1[i - 1] == word2[j - 1]:
                    cur[j] = prev[j - 1]  # last characters agree: no edit needed for them
                else:
                    # replace the last character, delete it from word1, or insert word2's
                    cur[j] = 1 + min(prev[j - 1], prev[j], cur[j - 1])
            prev = cur
        return prev[n]
