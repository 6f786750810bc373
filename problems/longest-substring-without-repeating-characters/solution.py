class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last_seen = {}
        left = 0
        best = 0
        for right, ch in enumerate(s):
            prev = last_seen.get(ch, -1)
            if prev >= left:
                left = prev + 1  # drop everything up to the earlier copy of ch
            last_seen[ch] = right
            if right - left + 1 > best:
                best = right - left + 1
        return best
