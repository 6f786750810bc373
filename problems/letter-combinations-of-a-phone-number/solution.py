from typing import List

KEYS = {
    "2": "abc", "3": "def", "4": "ghi", "5": "jkl",
    "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz",
}


class Solution:
    def letterCombinations(self, digits: str) -> List[str]:
        if not digits:
            return []  # no digits: no spellings at all

        result = []
        letters = []  # the spelling being built, one letter per digit so far

        def backtrack(i):
            if i == len(digits):
                result.append("".join(letters))
                return
            for ch in KEYS[digits[i]]:
                letters.append(ch)
                backtrack(i + 1)
                letters.pop()

        backtrack(0)
        return result
