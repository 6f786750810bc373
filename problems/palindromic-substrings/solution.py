class Solution:
    def countSubstrings(self, s: str) -> int:
        n = len(s)
        total = 0
        # centre c: even c is the character c // 2, odd c is the gap after character c // 2
        for c in range(2 * n - 1):
            left = c // 2
            right = left + c % 2
            while left >= 0 and right < n and s[left] == s[right]:
                total += 1  # s[left:right + 1] is a palindrome
                left -= 1
                right += 1
        return total
