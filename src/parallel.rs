//! Two pieces of work side by side: how the embedded tables are built at
//! start-up.

use std::sync::Mutex;

/// Runs `a` on this thread and `b` on a second one, and returns both
/// results. When no thread can be started (a container's process limit),
/// `b` runs after `a` on this thread. A panic in either is passed on.
pub(crate) fn join<RA, RB>(a: impl FnOnce() -> RA, b: impl FnOnce() -> RB + Send) -> (RA, RB)
where
    RB: Send,
{
    let job = Mutex::new(Some(b));
    let run = || {
        let b = job.lock().unwrap_or_else(|e| e.into_inner()).take();
        b.map(|b| b())
    };
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new().spawn_scoped(scope, run);
        let ra = a();
        let rb = match spawned {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => run(),
        };
        (ra, rb.expect("the second job runs exactly once"))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_results_come_back_in_order() {
        let words = ["Hà Nội", "Huế"];
        let (a, b) = super::join(|| words[0].chars().count(), || words[1].len());
        assert_eq!((a, b), (6, 5));
    }
}
