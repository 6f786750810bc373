//! The wall clock as the crate stores it: milliseconds since the Unix epoch. A leaf module, so that the
//! store, the coach, the server and the front ends read time one way without depending on each other.

/// Milliseconds since the Unix epoch; 0 on a clock set before 1970.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}
