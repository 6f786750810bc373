//! The store on a thread of its own: the event loop hands it jobs and never waits on SQLite, so a slow or
//! locked database (another `codify` writing, a busy disk) cannot freeze the screen. Jobs run one at a
//! time in the order they were sent, so a draft saved and then read back agree; their answers come back
//! through the app's inbox like every other background result.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use crate::store::Store;

type StoreJob = Box<dyn FnOnce(&Store) + Send>;

pub struct StoreWorker {
    jobs: Option<Sender<StoreJob>>,
    thread: Option<JoinHandle<()>>,
}

impl StoreWorker {
    pub fn spawn(store: Store) -> std::io::Result<StoreWorker> {
        let (tx, rx) = mpsc::channel::<StoreJob>();
        let thread = std::thread::Builder::new().name("codify-store".into()).spawn(move || {
            for job in rx {
                job(&store);
            }
        })?;
        Ok(StoreWorker { jobs: Some(tx), thread: Some(thread) })
    }

    /// Queues `job`; it runs after every job sent before it.
    pub fn run(&self, job: impl FnOnce(&Store) + Send + 'static) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Box::new(job));
        }
    }

    /// Runs `f` after every job sent before it and waits for its answer: only for the few moments that must
    /// know at once (quitting must know whether the last draft was saved). None if the worker is gone.
    pub fn call<R: Send + 'static>(&self, f: impl FnOnce(&Store) -> R + Send + 'static) -> Option<R> {
        let (tx, rx) = mpsc::channel();
        self.run(move |store| {
            let _ = tx.send(f(store));
        });
        rx.recv().ok()
    }
}

impl Drop for StoreWorker {
    /// Lets queued jobs finish (a last save must not be lost on the way out).
    fn drop(&mut self) {
        self.jobs.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_run_in_order_and_call_waits_for_the_ones_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let worker = StoreWorker::spawn(Store::open(&dir.path().join("c.db")).unwrap()).unwrap();
        worker.run(|s| s.save_draft("two-sum", "first").unwrap());
        worker.run(|s| s.save_draft("two-sum", "second").unwrap());
        let read = worker.call(|s| s.draft("two-sum").unwrap());
        assert_eq!(read, Some(Some("second".to_string())));
    }

    #[test]
    fn queued_jobs_finish_before_the_worker_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let worker = StoreWorker::spawn(Store::open(&db).unwrap()).unwrap();
        worker.run(|s| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            s.save_draft("two-sum", "kept").unwrap();
        });
        drop(worker);
        assert_eq!(Store::open(&db).unwrap().draft("two-sum").unwrap().as_deref(), Some("kept"));
    }
}
