# Definition for a binary tree node.
# class TreeNode(object):
#     def __init__(self, x):
#         self.val = x
#         self.left = None
#         self.right = None
from collections import deque


class Codec:
    # The text is the tree in level order: node values separated by commas, with "#" for every
    # missing child of a node that exists. Nothing else needs to be stored: reading the items in the
    # same order rebuilds the same shape. Both directions run without recursion.

    def serialize(self, root):
        """Encodes a tree to a single string."""
        items = []
        queue = deque([root])
        while queue:
            node = queue.popleft()
            if node is None:
                items.append("#")
                continue
            items.append(str(node.val))
            queue.append(node.left)
            queue.append(node.right)
        return ",".join(items)

    def deserialize(self, data):
        """Decodes your encoded data to tree."""
        items = data.split(",")
        if items[0] == "#":
            return None
        root = TreeNode(int(items[0]))
        queue = deque([root])
        i = 1  # the next item to read: the left child, then the right child, of queue's front node
        while queue:
            node = queue.popleft()
            if items[i] != "#":
                node.left = TreeNode(int(items[i]))
                queue.append(node.left)
            if items[i + 1] != "#":
                node.right = TreeNode(int(items[i + 1]))
                queue.append(node.right)
            i += 2
        return root
