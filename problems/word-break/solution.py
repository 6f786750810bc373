from typing import List


class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        # A trie of the words: walking it from a position reads every word that starts there, one letter at
        # a time, without copying pieces of s.
        END = "$"  # marks where a word ends; never a letter of s
        trie = {}
        for word in wordDict:
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[END] = True

        n = len(s)
        ok = [False] * (n + 1)  # ok[i]: s[:i] can be cut into dictionary words
        ok[0] = True  # the empty prefix needs no words
        for i in range(n):
            if not ok[i]:
                continue  # no cut ends here, so no word may start here
            node = trie
            j = i
            while j < n and s[j] in node:
                node = node[s[j]]
                j += 1
                if END in node:
                    ok[j] = True  # a word covers s[i:j]
        return ok[n]
