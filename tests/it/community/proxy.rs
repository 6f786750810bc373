//! An HTTP/1.1 relay between a sync client and the server that can lose an acknowledgement on purpose:
//! when armed, it forwards the n-th `POST /v1/events` to the server, reads the server's whole answer (so
//! the batch is committed), and then closes the client's connection instead of answering. That is a
//! crash or a lost connection at the worst moment, made deterministic. Requests and answers are relayed
//! whole (Content-Length framing, which is what reqwest and axum use here). It can also hold the answer
//! instead, keeping the connection open, so that a test can kill the client while it waits.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

#[derive(Clone, Copy, PartialEq)]
enum Fault {
    /// Close the client's connection without answering.
    Drop,
    /// Keep the connection open without answering, until the client goes away.
    Hold,
}

struct State {
    upstream: Mutex<SocketAddr>,
    armed: Mutex<Option<(usize, Fault)>>,
    pushes: AtomicUsize,
    dropped: Notify,
}

pub struct AckDropper {
    pub url: String,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl AckDropper {
    pub async fn start(upstream: SocketAddr) -> AckDropper {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(State {
            upstream: Mutex::new(upstream),
            armed: Mutex::new(None),
            pushes: AtomicUsize::new(0),
            dropped: Notify::new(),
        });
        let st = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let st = st.clone();
                tokio::spawn(async move {
                    let _ = relay(client, st).await;
                });
            }
        });
        AckDropper { url, state, task }
    }

    /// Loses the answer to the `n`-th push from now on (1 = the next one), closing the connection.
    pub fn drop_answer_to_push(&self, n: usize) {
        self.arm(n, Fault::Drop);
    }

    /// Holds back the answer to the `n`-th push from now on, keeping the connection open.
    pub fn hold_answer_to_push(&self, n: usize) {
        self.arm(n, Fault::Hold);
    }

    fn arm(&self, n: usize, fault: Fault) {
        let seen = self.state.pushes.load(Ordering::SeqCst);
        *self.state.armed.lock().unwrap() = Some((seen + n, fault));
    }

    pub fn set_upstream(&self, addr: SocketAddr) {
        *self.state.upstream.lock().unwrap() = addr;
    }

    /// Completes once the armed answer has been dropped or is being held (the batch is committed).
    pub async fn answer_withheld(&self) {
        let wait = self.state.dropped.notified();
        tokio::time::timeout(std::time::Duration::from_secs(60), wait).await.expect("the armed push never came");
    }
}

impl Drop for AckDropper {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn relay(client: TcpStream, st: Arc<State>) -> std::io::Result<()> {
    let (client_r, mut client_w) = client.into_split();
    let mut client_r = BufReader::new(client_r);
    let mut server: Option<(BufReader<tokio::net::tcp::OwnedReadHalf>, tokio::net::tcp::OwnedWriteHalf)> = None;
    while let Some(request) = read_message(&mut client_r).await? {
        if server.is_none() {
            let upstream = *st.upstream.lock().unwrap();
            let (r, w) = TcpStream::connect(upstream).await?.into_split();
            server = Some((BufReader::new(r), w));
        }
        let Some((server_r, server_w)) = server.as_mut() else { unreachable!() };
        server_w.write_all(&request).await?;
        let answer = read_message(server_r).await?.ok_or(std::io::ErrorKind::UnexpectedEof)?;
        if request.starts_with(b"POST /v1/events ") {
            let n = st.pushes.fetch_add(1, Ordering::SeqCst) + 1;
            let fault = {
                let mut armed = st.armed.lock().unwrap();
                match *armed {
                    Some((at, fault)) if at == n => {
                        *armed = None;
                        Some(fault)
                    }
                    _ => None,
                }
            };
            if let Some(fault) = fault {
                st.dropped.notify_one();
                if fault == Fault::Hold {
                    let mut byte = [0u8; 1];
                    let _ = client_r.read(&mut byte).await; // returns when the client is gone
                }
                return Ok(()); // both connections close; the client never sees the answer
            }
        }
        client_w.write_all(&answer).await?;
    }
    Ok(())
}

/// One whole HTTP/1.1 message (head and Content-Length body), or `None` at a clean end of stream.
async fn read_message<R: AsyncBufRead + Unpin>(r: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut msg = Vec::new();
    loop {
        let mut line = Vec::new();
        if r.read_until(b'\n', &mut line).await? == 0 {
            return if msg.is_empty() { Ok(None) } else { Err(std::io::ErrorKind::UnexpectedEof.into()) };
        }
        msg.extend_from_slice(&line);
        if line == b"\r\n" {
            break;
        }
    }
    let head = String::from_utf8_lossy(&msg).to_ascii_lowercase();
    assert!(!head.contains("transfer-encoding"), "the relay only frames by Content-Length:\n{head}");
    let len: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().expect("content-length"))
        .unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body).await?;
    msg.extend_from_slice(&body);
    Ok(Some(msg))
}
