//! In-memory token buckets, one per key (a client's address prefix or a token hash). A bucket holds up to
//! `burst` requests and refills at `per_second`; a request finding it empty is refused with the time until
//! the next token. Memory stays bounded: when there are many keys, full (idle) buckets are dropped.
//!
//! Addresses are keyed by what one client can cheaply hold, not by the exact address: rate limits by
//! [`prefix_key`] (an IPv4 /24, the whole loopback network, an IPv6 /64: a host with one /64 has 2^64
//! addresses) and connection counts by [`host_key`] (one IPv4 address, one IPv6 /64).

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A sustained rate and the burst allowed above it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rate {
    pub per_second: f64,
    pub burst: f64,
}

impl Rate {
    pub const fn new(per_second: f64, burst: f64) -> Rate {
        Rate { per_second, burst }
    }
}

/// Rate limits of a server; `None` turns one off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Every request, per client IP address.
    pub per_address: Option<Rate>,
    /// Authenticated requests, per token.
    pub per_token: Option<Rate>,
    /// Registrations, per client address prefix.
    pub register_per_address: Option<Rate>,
    /// New comments per user in any 24 hours.
    pub comments_per_day: Option<u32>,
    /// Votes and comments only on problems of the bundled bank. Off only for load tests, which vote on
    /// made-up problems.
    pub bank_slugs_only: bool,
}

/// The daily comment cap of a public server: far above what a learner writes, low enough that one
/// account cannot flood the feed every client pulls.
pub const COMMENTS_PER_DAY: u32 = 200;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            per_address: Some(Rate::new(50.0, 200.0)),
            per_token: Some(Rate::new(10.0, 60.0)),
            register_per_address: Some(Rate::new(0.1, 10.0)),
            comments_per_day: Some(COMMENTS_PER_DAY),
            bank_slugs_only: true,
        }
    }
}

impl Limits {
    /// No limits, any well-formed slug: for load tests on the loopback interface.
    pub fn unlimited() -> Limits {
        Limits {
            per_address: None,
            per_token: None,
            register_per_address: None,
            comments_per_day: None,
            bank_slugs_only: false,
        }
    }
}

/// The rate-limit key of an address: its IPv4 /24 (the whole 127.0.0.0/8 for loopback) or IPv6 /64.
/// IPv4-mapped IPv6 addresses count as IPv4.
pub fn prefix_key(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V4(v4) if v4.is_loopback() => IpAddr::V4(Ipv4Addr::new(127, 0, 0, 0)),
        IpAddr::V4(v4) => IpAddr::V4(Ipv4Addr::from(u32::from(v4) & 0xffff_ff00)),
        IpAddr::V6(v6) => IpAddr::V6(v6_64(v6)),
    }
}

/// The connection-count key of an address: the IPv4 address itself, or its IPv6 /64.
pub fn host_key(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => IpAddr::V6(v6_64(v6)),
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn v6_64(v6: Ipv6Addr) -> Ipv6Addr {
    Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))
}

const MAX_KEYS: usize = 100_000;

struct Bucket {
    tokens: f64,
    at: Instant,
}

pub struct Buckets<K> {
    rate: Option<Rate>,
    map: Mutex<HashMap<K, Bucket>>,
}

impl<K: Hash + Eq> Buckets<K> {
    pub fn new(rate: Option<Rate>) -> Buckets<K> {
        Buckets { rate, map: Mutex::new(HashMap::new()) }
    }

    /// Takes one token for `key` at time `now`; `Err(wait)` when there is none.
    pub fn check(&self, key: K, now: Instant) -> Result<(), Duration> {
        let Some(rate) = self.rate else { return Ok(()) };
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_KEYS {
            map.retain(|_, b| {
                b.tokens + now.saturating_duration_since(b.at).as_secs_f64() * rate.per_second < rate.burst
            });
        }
        let b = map.entry(key).or_insert(Bucket { tokens: rate.burst, at: now });
        let elapsed = now.saturating_duration_since(b.at).as_secs_f64();
        b.tokens = (b.tokens + elapsed * rate.per_second).min(rate.burst);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else if rate.per_second > 0.0 {
            Err(Duration::from_secs_f64((1.0 - b.tokens) / rate.per_second))
        } else {
            Err(Duration::from_secs(3600))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bucket_allows_its_burst_then_refills_at_its_rate() {
        let b = Buckets::new(Some(Rate::new(2.0, 3.0)));
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(b.check("a", t0).is_ok());
        }
        let wait = b.check("a", t0).unwrap_err();
        assert!((wait.as_secs_f64() - 0.5).abs() < 1e-6, "{wait:?}");
        assert!(b.check("other", t0).is_ok(), "keys are independent");
        assert!(b.check("a", t0 + Duration::from_millis(500)).is_ok());
        assert!(b.check("a", t0 + Duration::from_millis(500)).is_err());
    }

    #[test]
    fn addresses_are_keyed_by_what_one_client_holds() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert_eq!(prefix_key(ip("203.0.113.7")), ip("203.0.113.0"));
        assert_eq!(prefix_key(ip("203.0.113.7")), prefix_key(ip("203.0.113.200")));
        assert_ne!(prefix_key(ip("203.0.113.7")), prefix_key(ip("203.0.114.7")));
        assert_eq!(prefix_key(ip("127.0.0.1")), prefix_key(ip("127.20.3.4")));
        assert_eq!(prefix_key(ip("::ffff:203.0.113.9")), ip("203.0.113.0"));
        assert_eq!(prefix_key(ip("2001:db8:1:2:aaaa::1")), ip("2001:db8:1:2::"));
        assert_eq!(prefix_key(ip("2001:db8:1:2:ffff:1:2:3")), prefix_key(ip("2001:db8:1:2::9")));
        assert_ne!(prefix_key(ip("2001:db8:1:2::1")), prefix_key(ip("2001:db8:1:3::1")));
        assert_eq!(host_key(ip("203.0.113.7")), ip("203.0.113.7"));
        assert_ne!(host_key(ip("127.0.0.1")), host_key(ip("127.0.0.2")));
        assert_eq!(host_key(ip("::ffff:127.0.0.2")), ip("127.0.0.2"));
        assert_eq!(host_key(ip("2001:db8::1")), host_key(ip("2001:db8::ffff:1")));
    }

    #[test]
    fn no_rate_means_no_limit() {
        let b = Buckets::new(None);
        let t0 = Instant::now();
        assert!((0..10_000).all(|_| b.check(1, t0).is_ok()));
    }
}
