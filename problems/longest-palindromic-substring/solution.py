class Solution:
    def longestPalindrome(self, s: str) -> str:
        n = len(s)
        best_start, best_len = 0, 1
        # centre c: even c is the character c // 2, odd c is the gap after character c // 2
        for c in range(2 * n - 1):
            left = c // 2
            right = left + c % 2
            while left >= 0 and right < n and s[left] == s[right]:
                left -= 1
                right += 1
            length = right - left - 1  # the loop stopped one step past each end
            if length > best_len:
                best_start, best_len = left + 1, length
        return s[best_start:best_start + best_len]
