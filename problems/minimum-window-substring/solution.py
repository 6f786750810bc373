from collections import Counter


class Solution:
    def minWindow(self, s: str, t: str) -> str:
        need = Counter(t)
        missing = len(t)  # characters of t the window still lacks, with multiplicity
        best_start, best_len = 0, len(s) + 1
        left = 0
        for right, ch in enumerate(s):
            if need[ch] > 0:
                missing -= 1
            need[ch] -= 1  # negative values mean the window has spare copies
            if missing == 0:
                # drop characters from the left while they are spare
                while need[s[left]] < 0:
                    need[s[left]] += 1
                    left += 1
                if right - left + 1 < best_len:
                    best_start, best_len = left, right - left + 1
                # give up the leftmost needed character and look for the next window
                need[s[left]] += 1
                missing += 1
                left += 1
        return s[best_start:best_start + best_len] if best_len <= len(s) else ""
