//! The server against clients that hold connections or dodge rate limits (issue 13): one address holding
//! every connection, and registrations spread over loopback addresses. Real HTTP on 127.0.0.1.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde_json::json;

use super::{call, runtime, Server, TestDb};
use codify::sync::server::{Connections, Limits, Rate, ServerOptions};

/// A plain TCP connection from `local` (any loopback address works on Linux) that sends nothing.
async fn idle_from(local: IpAddr, server: SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(local, 0)).unwrap();
    socket.connect(server).await.unwrap()
}

#[test]
fn one_address_cannot_hold_every_connection() {
    use tokio::io::AsyncReadExt;
    let rt = runtime();
    let db = TestDb::sqlite();
    let connections = Connections {
        header_timeout: Duration::from_secs(5),
        request_timeout: Duration::from_secs(5),
        max_open: 100,
        max_per_address: 16,
    };
    let server = Server::start_with(
        &rt,
        &db,
        ServerOptions { limits: Limits::unlimited(), connections },
        "127.0.0.1:0".parse().unwrap(),
    );
    let hog: IpAddr = "127.0.0.2".parse().unwrap();
    let mut idle = rt.block_on(async {
        let mut all = Vec::new();
        for _ in 0..200 {
            all.push(idle_from(hog, server.addr).await);
        }
        all
    });
    // Another address is served at once, not after the hog's sockets time out.
    let started = Instant::now();
    let (status, _) = call(&rt, "GET", &format!("{}/health", server.url), None, None);
    let took = started.elapsed();
    assert_eq!(status, 200);
    assert!(took < Duration::from_secs(2), "a normal request took {took:?}");
    // The hog's connections past its share were answered 503 and closed promptly.
    let last = idle.pop().unwrap();
    let got = rt.block_on(async move {
        let mut last = last;
        let mut got = Vec::new();
        tokio::time::timeout(Duration::from_secs(2), last.read_to_end(&mut got))
            .await
            .expect("closed promptly")
            .unwrap();
        String::from_utf8_lossy(&got).into_owned()
    });
    assert!(got.starts_with("HTTP/1.1 503") && got.contains("too_many_connections"), "{got}");
    drop(idle);
    server.stop(&rt);
}

#[test]
fn rate_limits_count_the_whole_loopback_network_as_one_client() {
    let rt = runtime();
    let db = TestDb::sqlite();
    let limits = Limits { register_per_address: Some(Rate::new(0.01, 2.0)), ..Limits::unlimited() };
    let server = Server::start(&rt, &db, limits);
    let register_from = |local: &str, name: &str| {
        let client = reqwest::Client::builder().local_address(local.parse::<IpAddr>().unwrap()).build().unwrap();
        let url = format!("{}/v1/register", server.url);
        rt.block_on(async { client.post(&url).json(&json!({ "name": name })).send().await.unwrap().status().as_u16() })
    };
    assert_eq!(register_from("127.0.0.1", "one"), 201);
    assert_eq!(register_from("127.0.0.2", "two"), 201);
    assert_eq!(register_from("127.0.0.3", "three"), 429, "a third loopback address is the same client");
    server.stop(&rt);
}
