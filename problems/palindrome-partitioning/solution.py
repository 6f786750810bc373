from typing import List


class Solution:
    def partition(self, s: str) -> List[List[str]]:
        n = len(s)
        # pal[i][j]: is s[i..j] (both ends included) a palindrome?
        pal = [[False] * n for _ in range(n)]
        for i in range(n - 1, -1, -1):
            for j in range(i, n):
                if s[i] == s[j] and (j - i < 2 or pal[i + 1][j - 1]):
                    pal[i][j] = True

        result = []
        path = []

        def backtrack(start):
            if start == n:
                result.append(path[:])  # a copy: path keeps changing
                return
            for end in range(start, n):
                if pal[start][end]:
                    path.append(s[start:end + 1])
                    backtrack(end + 1)
                    path.pop()

        backtrack(0)
        return result
