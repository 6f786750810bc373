class TrieNode:
    def __init__(self):
        self.children = {}  # letter -> TrieNode
        self.is_word = False  # True when an added word ends at this node


class WordDictionary:
    def __init__(self):
        self.root = TrieNode()

    def addWord(self, word: str) -> None:
        node = self.root
        for ch in word:
            nxt = node.children.get(ch)
            if nxt is None:
                nxt = node.children[ch] = TrieNode()
            node = nxt
        node.is_word = True

    def search(self, word: str) -> bool:
        # Depth-first search over (node, position): a letter follows one edge, a dot tries every
        # child. With at most two dots a query branches at only two levels.
        stack = [(self.root, 0)]
        n = len(word)
        while stack:
            node, i = stack.pop()
            if i == n:
                if node.is_word:
                    return True
                continue
            ch = word[i]
            if ch == ".":
                for child in node.children.values():
                    stack.append((child, i + 1))
            else:
                child = node.children.get(ch)
                if child is not None:
                    stack.append((child, i + 1))
        return False
