class Solution:
    def numDecodings(self, s: str) -> int:
        # ways(i) = cuttings of s[:i]; the last piece is s[i-1] alone or s[i-2:i].
        two_back, one_back = 0, 1  # ways(i - 2) and ways(i - 1); ways(0) = 1
        for i, digit in enumerate(s):
            here = one_back if digit != "0" else 0  # one-digit piece "1".."9"
            if i > 0 and (s[i - 1] == "1" or (s[i - 1] == "2" and digit <= "6")):
                here += two_back  # two-digit piece "10".."26"
            two_back, one_back = one_back, here
        return one_back
