"""Writes large.jsonl: python3 gen.py > large.jsonl (deterministic). small(rng) feeds `problems check`."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "_gen"))
from genlib import XorShift64, emit, load_solution  # noqa: E402

Solution = load_solution(__file__)

N = 100


def walled(rng, n):
    """A permutation of 0..n*n-1 where a full column in the middle holds the n highest values
    except that its single gap holds a value around the 3/4 mark, and the corners are low:
    the answer is far above both corners, so trying every water level upward from the corners
    (a flood fill per level) costs about n^4 / 4 cell visits."""
    total = n * n
    wall_col = n // 2
    cells = [(r, c) for r in range(n) for c in range(n) if c != wall_col]
    rng.shuffle(cells)
    grid = [[0] * n for _ in range(n)]
    high = list(range(total - n, total))  # the wall's values
    rng.shuffle(high)
    gap = rng.below(n)
    rest = list(range(total - n))  # the other values
    gap_value = rest.pop(3 * len(rest) // 4 + rng.below(n))
    rest.append(high[gap])  # the wall value displaced by the gap goes elsewhere
    rng.shuffle(rest)
    # the smallest remaining values go to the two corners
    rest.remove(0)
    rest.remove(1)
    rest = [0, 1] + rest
    for r in range(n):
        grid[r][wall_col] = high[r]
    grid[gap][wall_col] = gap_value
    corners = [(0, 0), (n - 1, n - 1)]
    others = [cell for cell in cells if cell not in corners]
    for (r, c), v in zip(corners + others, rest):
        grid[r][c] = v
    return grid


def main():
    rng = XorShift64(0x2545F4914F6CDD1D)
    grid = walled(rng, N)
    emit({"grid": grid}, Solution().swimInWater([row[:] for row in grid]))
    # A random permutation at the top size.
    vals = list(range(N * N))
    rng.shuffle(vals)
    grid = [vals[r * N:(r + 1) * N] for r in range(N)]
    emit({"grid": grid}, Solution().swimInWater([row[:] for row in grid]))


def small(rng):
    """A 1x1 to 6x6 grid holding a random permutation of 0..n*n-1 (routes that must turn
    back up or left appear from about 5x5)."""
    n = rng.randint(1, 6)
    vals = list(range(n * n))
    rng.shuffle(vals)
    return {"grid": [vals[r * n:(r + 1) * n] for r in range(n)]}


if __name__ == "__main__":
    main()
