class Solution:
    def isMatch(self, s: str, p: str) -> bool:
        m, n = len(s), len(p)
        # ok[i][j] = True when the suffix s[i:] is matched by the pattern suffix p[j:]
        ok = [[False] * (n + 1) for _ in range(m + 1)]
        ok[m][n] = True  # empty text, empty pattern
        for i in range(m, -1, -1):
            for j in range(n - 1, -1, -1):
                first = i < m and (p[j] == s[i] or p[j] == ".")
                if j + 1 < n and p[j + 1] == "*":
                    # use "x*" zero times, or let it eat one more character and stay on it
                    ok[i][j] = ok[i][j + 2] or (first and ok[i + 1][j])
                else:
                    ok[i][j] = first and ok[i + 1][j + 1]
        return ok[0][0]
