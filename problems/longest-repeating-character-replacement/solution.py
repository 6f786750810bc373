class Solution:
    def characterReplacement(self, s: str, k: int) -> int:
        count = [0] * 26
        base = ord("A")
        left = 0
        maxf = 0  # highest single-letter count seen in any window so far
        for right, ch in enumerate(s):
            i = ord(ch) - base
            count[i] += 1
            if count[i] > maxf:
                maxf = count[i]
            if right - left + 1 - maxf > k:
                # too many edits needed: slide the window (its length stays the same)
                count[ord(s[left]) - base] -= 1
                left += 1
        return len(s) - left
