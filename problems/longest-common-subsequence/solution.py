class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        n = len(text2)
        # prev[j] = LCS length of the part of text1 seen so far and text2[:j].
        prev = [0] * (n + 1)
        for a in text1:
            cur = [0] * (n + 1)
            for j in range(1, n + 1):
                if a == text2[j - 1]:
                    # both letters end the common subsequence of the two shorter prefixes
                    cur[j] = prev[j - 1] + 1
                elif prev[j] > cur[j - 1]:
                    cur[j] = prev[j]      # best without this letter of text1
                else:
                    cur[j] = cur[j - 1]   # best without this letter of text2
            prev = cur
        return prev[n]
