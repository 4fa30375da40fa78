//! The caller's address, for the login throttle and the citizen limits.
//!
//! Behind `n` trusted reverse proxies (`KINERJA_TRUSTED_PROXIES`), each proxy appends the
//! address it saw to `X-Forwarded-For`. Only the entries those proxies wrote can be
//! believed: the client is the `n`-th entry counted from the right. Anything further left
//! was written by the client and is ignored, so inventing addresses does not escape a
//! limit.

use actix_web::HttpRequest;
use std::net::IpAddr;

/// The client address of a request behind `trusted_proxies` proxies (0: the socket peer).
pub fn client_address(req: &HttpRequest, trusted_proxies: u32) -> String {
    let peer = req.peer_addr().map(|a| a.ip());
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    pick_client(peer, &forwarded.join(","), trusted_proxies)
        .map(|ip| ip.to_string())
        .unwrap_or_default()
}

/// The address `trusted_proxies` hops away: the peer for 0, otherwise the entry of
/// `X-Forwarded-For` (all values joined by commas) that many places from the right. When
/// the header has fewer entries, every entry was written by a trusted proxy and the
/// leftmost is taken; an unreadable entry falls back to the peer.
pub fn pick_client(peer: Option<IpAddr>, forwarded: &str, trusted_proxies: u32) -> Option<IpAddr> {
    if trusted_proxies == 0 {
        return peer;
    }
    let entries: Vec<&str> = forwarded
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let Some(last) = entries.len().checked_sub(1) else {
        return peer;
    };
    let index = last.saturating_sub(trusted_proxies as usize - 1);
    parse_entry(entries[index]).or(peer)
}

/// An address as proxies write it: `203.0.113.7`, `2001:db8::1`, `[2001:db8::1]:443` or
/// `203.0.113.7:5000`.
fn parse_entry(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse() {
        return Some(ip);
    }
    if let Ok(sock) = entry.parse::<std::net::SocketAddr>() {
        return Some(sock.ip());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::pick_client;
    use std::net::IpAddr;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().expect("ip"))
    }

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        assert_eq!(pick_client(ip("10.0.0.1"), "1.2.3.4", 0), ip("10.0.0.1"));
    }

    #[test]
    fn one_trusted_proxy_takes_the_rightmost_entry_whatever_the_client_wrote() {
        let got = pick_client(ip("10.0.0.1"), "6.6.6.6, 7.7.7.7, 203.0.113.9", 1);
        assert_eq!(got, ip("203.0.113.9"));
    }

    #[test]
    fn two_trusted_proxies_skip_the_inner_one() {
        let got = pick_client(ip("10.0.0.1"), "6.6.6.6, 203.0.113.9, 10.0.0.2", 2);
        assert_eq!(got, ip("203.0.113.9"));
    }

    #[test]
    fn a_short_or_missing_header_falls_back_safely() {
        assert_eq!(pick_client(ip("10.0.0.1"), "", 1), ip("10.0.0.1"));
        assert_eq!(
            pick_client(ip("10.0.0.1"), "203.0.113.9", 3),
            ip("203.0.113.9")
        );
        assert_eq!(pick_client(ip("10.0.0.1"), "garbage", 1), ip("10.0.0.1"));
        assert_eq!(
            pick_client(ip("10.0.0.1"), "[2001:db8::1]:443", 1),
            ip("2001:db8::1")
        );
    }
}
