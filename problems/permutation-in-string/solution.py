class Solution:
    def checkInclusion(self, s1: str, s2: str) -> bool:
        m, n = len(s1), len(s2)
        if m > n:
            return False
        base = ord("a")
        diff = [0] * 26  # window count minus s1 count, per letter
        for ch in s1:
            diff[ord(ch) - base] -= 1
        for ch in s2[:m]:
            diff[ord(ch) - base] += 1
        zeros = diff.count(0)  # letters whose counts agree
        if zeros == 26:
            return True
        for i in range(m, n):
            for idx, delta in ((ord(s2[i]) - base, 1), (ord(s2[i - m]) - base, -1)):
                if diff[idx] == 0:
                    zeros -= 1
                diff[idx] += delta
                if diff[idx] == 0:
                    zeros += 1
            if zeros == 26:
                return True
        return False
