from typing import Dict, List, Tuple


class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups: Dict[Tuple[int, ...], List[str]] = {}
        base = ord("a")
        for word in strs:
            counts = [0] * 26
            for ch in word:
                counts[ord(ch) - base] += 1
            key = tuple(counts)
            if key in groups:
                groups[key].append(word)
            else:
                groups[key] = [word]
        return list(groups.values())
