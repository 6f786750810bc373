//! The server benchmarks' backends: SQLite in a temporary file, then PostgreSQL in a schema of its own
//! (dropped after) when CODIFY_TEST_POSTGRES_URL is set.

use codify::sync::server::DbTarget;

/// Runs `bench(name, target)` on each available backend.
pub fn each(dir: &std::path::Path, file: &str, mut bench: impl FnMut(&str, DbTarget)) {
    bench("SQLite", DbTarget::Sqlite(dir.join(file)));
    let Some(url) = std::env::var("CODIFY_TEST_POSTGRES_URL").ok().filter(|u| !u.is_empty()) else {
        println!("\nPostgreSQL skipped: set CODIFY_TEST_POSTGRES_URL=postgres://… to measure it.");
        return;
    };
    let schema = format!("bench_{}", uuid::Uuid::new_v4().simple());
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let exec = |sql: String| {
        rt.block_on(async {
            let (client, conn) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.expect("connect");
            let conn = tokio::spawn(conn);
            client.batch_execute(&sql).await.expect("schema");
            drop(client);
            let _ = conn.await;
        })
    };
    exec(format!("CREATE SCHEMA {schema}"));
    let sep = if url.contains('?') { '&' } else { '?' };
    bench("PostgreSQL", DbTarget::Postgres(format!("{url}{sep}options=-c%20search_path%3D{schema}")));
    exec(format!("DROP SCHEMA {schema} CASCADE"));
}

/// A server on 127.0.0.1:0 over `target` with the rate limits off, on a runtime of its own, with `users`
/// registered clients on a second runtime (the caller's), as a load from other processes would be.
pub struct Running {
    pub server_rt: tokio::runtime::Runtime,
    pub client_rt: tokio::runtime::Runtime,
    pub clients: Vec<codify::sync::Client>,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<Result<(), codify::sync::server::ServeError>>,
}

impl Running {
    pub fn start(target: DbTarget, users: usize, name_prefix: &str) -> Running {
        use codify::sync::server::{self, Limits, ServerOptions};
        let runtime = || tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        let (server_rt, client_rt) = (runtime(), runtime());
        let listener = server_rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let options = ServerOptions { limits: Limits::unlimited(), ..ServerOptions::default() };
        let task = server_rt.spawn(async move {
            server::run(listener, &target, options, async {
                let _ = stopped.await;
            })
            .await
        });
        let run_id = uuid::Uuid::new_v4().simple().to_string();
        let clients = client_rt.block_on(async {
            let mut clients = Vec::new();
            for i in 0..users {
                let anon = codify::sync::Client::new(&url, None).unwrap();
                let name = format!("{name_prefix}-{}-{i}", &run_id[..8]);
                let token = anon.register(&name).await.expect("register").token;
                clients.push(codify::sync::Client::new(&url, Some(token)).unwrap());
            }
            clients
        });
        Running { server_rt, client_rt, clients, stop, task }
    }

    /// Stops the server; it must stop cleanly.
    pub fn stop(self) {
        let _ = self.stop.send(());
        self.server_rt.block_on(self.task).expect("server task").expect("server stopped cleanly");
    }
}
