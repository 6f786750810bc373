class Solution:
    def numDistinct(self, s: str, t: str) -> int:
        m = len(t)
        # ways[j] = number of ways to pick t[:j] as a subsequence of the part of s read so far
        ways = [0] * (m + 1)
        ways[0] = 1  # the empty prefix of t can always be picked, in exactly one way
        for ch in s:
            # Right to left, so this character of s only extends prefixes counted *before* it.
            for j in range(m, 0, -1):
                if t[j - 1] == ch:
                    ways[j] += ways[j - 1]
        return ways[m]
