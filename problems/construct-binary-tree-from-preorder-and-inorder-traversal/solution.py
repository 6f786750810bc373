# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
from typing import List, Optional


class Solution:
    def buildTree(self, preorder: List[int], inorder: List[int]) -> Optional[TreeNode]:
        # Where each value sits in the in-order list: one dictionary lookup instead of a search.
        position = {v: i for i, v in enumerate(inorder)}
        next_root = 0  # preorder[next_root] is the root of the next subtree to build

        def build(lo: int, hi: int) -> Optional[TreeNode]:
            # Builds the subtree whose values are inorder[lo..hi] (empty when lo > hi).
            nonlocal next_root
            if lo > hi:
                return None
            value = preorder[next_root]
            next_root += 1
            node = TreeNode(value)
            mid = position[value]  # left of mid: left subtree; right of mid: right subtree
            node.left = build(lo, mid - 1)  # pre-order lists the whole left subtree first
            node.right = build(mid + 1, hi)
            return node

        return build(0, len(inorder) - 1)
