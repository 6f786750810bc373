from typing import Optional


# Definition for a binary tree node.
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
class Solution:
    def diameterOfBinaryTree(self, root: Optional[TreeNode]) -> int:
        best = 0  # longest path (in edges) seen so far

        def height(node: Optional[TreeNode]) -> int:
            """Number of nodes on the longest downward path from node (0 for None)."""
            nonlocal best
            if node is None:
                return 0
            left = height(node.left)
            right = height(node.right)
            # The longest path whose highest node is `node` uses left + right edges.
            best = max(best, left + right)
            return 1 + max(left, right)

        height(root)
        return best
