class Solution:
    def isPalindrome(self, s: str) -> bool:
        def keep(ch: str) -> bool:
            # only ASCII letters and digits count
            return ch.isascii() and ch.isalnum()

        i, j = 0, len(s) - 1
        while i < j:
            if not keep(s[i]):
                i += 1
            elif not keep(s[j]):
                j -= 1
            elif s[i].lower() != s[j].lower():
                return False
            else:
                i += 1
                j -= 1
        return True
