# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
from typing import Optional


class Solution:
    def maxPathSum(self, root: Optional[TreeNode]) -> int:
        best = root.val  # a path holds at least one node, so never start from 0

        def down(node: Optional[TreeNode]) -> int:
            # The largest sum of a path that starts at node and only goes downward (0 if no node).
            nonlocal best
            if node is None:
                return 0
            left = max(down(node.left), 0)  # a branch that loses value is simply not taken
            right = max(down(node.right), 0)
            best = max(best, node.val + left + right)  # the best path that turns at this node
            return node.val + max(left, right)  # a path going on upward may use one side only

        down(root)
        return best
