//! Slow and idle clients cannot hold the server: headers must arrive within the header timeout (which
//! also ends idle kept-alive connections), a request body that trickles in gets 408 once the request
//! deadline passes, and with every connection slot held by such clients a new client is served as soon as
//! one is cut off. Plain TCP sockets stand in for the misbehaving clients.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use codify::sync::server::{Connections, Limits, ServerOptions};

use super::{runtime, Server, TestDb};

const HEADERS: Duration = Duration::from_millis(400);
const REQUEST: Duration = Duration::from_millis(700);

/// Reads until the server closes the connection (or 10 s pass): what it sent, and how long that took.
fn read_until_closed(mut s: TcpStream) -> (String, Duration) {
    let started = Instant::now();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break,
            // A signal to this test process (another test's children come and go) is not the server's
            // doing: read again, within the same 10 s.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted && started.elapsed() < Duration::from_secs(10) => {}
            Err(e) => {
                panic!("the server kept the connection open for 10 s ({e}); got {:?}", String::from_utf8_lossy(&got))
            }
        }
    }
    (String::from_utf8_lossy(&got).into_owned(), started.elapsed())
}

fn connect(addr: SocketAddr, first_bytes: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(first_bytes.as_bytes()).unwrap();
    s
}

pub fn slow_and_idle_clients_are_cut_off_and_others_still_served(db: TestDb) {
    let rt = runtime();
    let connections =
        Connections { header_timeout: HEADERS, request_timeout: REQUEST, max_open: 2, max_per_address: 64 };
    let options = ServerOptions { limits: Limits::unlimited(), connections };
    let server = Server::start_with(&rt, &db, options, "127.0.0.1:0".parse().unwrap());

    // Headers that never finish: the connection is closed without an answer.
    let slow = connect(server.addr, "GET /health HTTP/1.1\r\nHost: codify\r\nX-Slow: ");
    let (got, took) = read_until_closed(slow);
    assert!(took >= HEADERS - Duration::from_millis(50), "closed after {took:?}, before the header timeout");
    assert!(!got.contains("200 OK"), "{got}");

    // A body that trickles in: 408 with a JSON error once the request deadline passes.
    let trickle = connect(
        server.addr,
        "POST /v1/register HTTP/1.1\r\nHost: codify\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"na",
    );
    let (got, took) = read_until_closed(trickle);
    assert!(got.starts_with("HTTP/1.1 408"), "{got}");
    assert!(got.contains("\"error\":\"timeout\""), "{got}");
    assert!(took >= REQUEST - Duration::from_millis(50), "answered after {took:?}");

    // A kept-alive connection that goes idle after its answer is closed too.
    let idle = connect(server.addr, "GET /health HTTP/1.1\r\nHost: codify\r\n\r\n");
    let (got, took) = read_until_closed(idle);
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    assert!(took >= HEADERS - Duration::from_millis(50), "{took:?}");

    // Both slots held by silent clients: a real client waits for a slot, then is served.
    let hold: Vec<TcpStream> = (0..2).map(|_| connect(server.addr, "GET /hea")).collect();
    std::thread::sleep(Duration::from_millis(50));
    let started = Instant::now();
    let (got, _) =
        read_until_closed(connect(server.addr, "GET /health HTTP/1.1\r\nHost: codify\r\nConnection: close\r\n\r\n"));
    assert!(got.starts_with("HTTP/1.1 200"), "{got}");
    let waited = started.elapsed();
    assert!(waited >= HEADERS - Duration::from_millis(100), "served after {waited:?}: the slots were not full");
    assert!(waited < Duration::from_secs(5), "{waited:?}");
    drop(hold);
    server.stop(&rt);
}
