//! `Ctrl-a` / `Ctrl-x`: adding to the decimal number at or after the cursor (a pure function on one line).
//!
//! As vim with `nrformats=bin,hex` for decimals: the number under the cursor, or else the first one after
//! it on the line; a `-` right before the digits makes it negative; leading zeros keep the digit count
//! (`007` + 1 = `008`). Only decimal numbers are recognised (Python has no `0`-prefixed octal), and the
//! result saturates at the limits of a 64-bit integer instead of wrapping.

/// Adds `delta` to the number at or after `col`; returns the new line and the column of its last digit.
pub(crate) fn add(line: &[char], col: usize, delta: i64) -> Option<(Vec<char>, usize)> {
    let col = col.min(line.len().saturating_sub(1));
    let mut start = if line.get(col).is_some_and(char::is_ascii_digit) {
        let mut s = col;
        while s > 0 && line[s - 1].is_ascii_digit() {
            s -= 1;
        }
        s
    } else {
        // On a `-` right before digits, the number starts there too.
        let from = if line.get(col) == Some(&'-') { col } else { col + 1 };
        from + line.get(from..)?.iter().position(char::is_ascii_digit)?
    };
    let end = start + line[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    let digits: String = line[start..end].iter().collect();
    let negative = start > 0 && line[start - 1] == '-';
    if negative {
        start -= 1;
    }
    let magnitude: i128 = digits.parse().unwrap_or(i128::from(i64::MAX));
    let value = if negative { -magnitude } else { magnitude };
    let new = (value + i128::from(delta)).clamp(i128::from(i64::MIN), i128::from(i64::MAX));
    let width = if digits.len() > 1 && digits.starts_with('0') { digits.len() } else { 0 };
    let sign = if new < 0 { "-" } else { "" };
    let text = format!("{sign}{:0width$}", new.unsigned_abs());
    let mut out = line[..start].to_vec();
    out.extend(text.chars());
    let last = out.len() - 1;
    out.extend_from_slice(&line[end..]);
    Some((out, last))
}
