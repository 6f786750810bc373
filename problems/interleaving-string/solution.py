class Solution:
    def isInterleave(self, s1: str, s2: str, s3: str) -> bool:
        m, n = len(s1), len(s2)
        if m + n != len(s3):
            return False  # every character must be used exactly once
        # After processing row i, ok[j] tells whether s1[:i] and s2[:j]
        # interleave into s3[:i + j].
        ok = [False] * (n + 1)
        for i in range(m + 1):
            for j in range(n + 1):
                if i == 0 and j == 0:
                    ok[j] = True  # two empty prefixes make the empty prefix
                    continue
                k = i + j - 1  # the last character of s3[:i + j]
                # ok[j] still holds row i - 1 here: the previous character came from s1 ...
                from_s1 = i > 0 and ok[j] and s1[i - 1] == s3[k]
                # ... and ok[j - 1] already holds row i: it came from s2.
                from_s2 = j > 0 and ok[j - 1] and s2[j - 1] == s3[k]
                ok[j] = from_s1 or from_s2
        return ok[n]
