//! Order-keeping parallel maps on scoped threads (no thread pool to carry): over a slice,
//! and over items still being found (a folder walk), so finding and mapping overlap.

use std::sync::Mutex;
use std::sync::mpsc;

/// Maps `f` over `items` on the machine's cores, keeping the order. Parsing and checking
/// thousands of small files is CPU work that splits evenly; a small folder is not worth
/// the threads.
pub fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || items.len() < 64 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            // A worker only panics if `f` does, which loading never does; re-raise it.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// [`map`] taking the items by value: each is dropped on its worker right after `f`, so
/// the memory it held is reused there rather than new memory being taken.
pub fn map_owned<T: Send, U: Send>(mut items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 || items.len() < 64 {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts = Vec::with_capacity(threads);
    while items.len() > chunk {
        parts.push(items.split_off(items.len() - chunk));
    }
    parts.push(items);
    parts.reverse();
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || part.into_iter().map(f).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            // A worker only panics if `f` does; re-raise it.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// How many items the producer hands over at a time: enough to make the hand-over cheap,
/// few enough that the workers start at once.
const BATCH: usize = 32;

/// Maps `f` over the items `produce` finds, on the machine's cores, while `produce` is
/// still finding them (on this thread). Returns what `produce` returns and the items with
/// their results, in the order produced.
pub fn map_while_producing<T: Send, U: Send, R>(
    produce: impl FnOnce(&mut dyn FnMut(T)) -> R,
    f: impl Fn(&T) -> U + Sync,
) -> (R, Vec<(T, U)>) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads < 2 {
        let mut items = Vec::new();
        let r = produce(&mut |t| items.push(t));
        let mapped = items.into_iter().map(|t| {
            let u = f(&t);
            (t, u)
        });
        return (r, mapped.collect());
    }
    let (tx, rx) = mpsc::channel::<(usize, Vec<T>)>();
    let rx = Mutex::new(rx);
    let f = &f;
    let rx = &rx;
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut out = Vec::new();
                    // A poisoned lock means another worker panicked; that panic is
                    // re-raised below, so this one just stops.
                    while let Ok(Ok((first, batch))) = rx.lock().map(|r| r.recv()) {
                        for (i, t) in batch.into_iter().enumerate() {
                            let u = f(&t);
                            out.push((first + i, t, u));
                        }
                    }
                    out
                })
            })
            .collect();
        let mut batch = Vec::with_capacity(BATCH);
        let mut sent = 0;
        let r = produce(&mut |t| {
            batch.push(t);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                let first = sent;
                sent += full.len();
                // The workers outlive the sender, so sending cannot fail.
                let _ = tx.send((first, full));
            }
        });
        if !batch.is_empty() {
            let _ = tx.send((sent, batch));
        }
        drop(tx);
        let mut all: Vec<(usize, T, U)> = workers
            .into_iter()
            // A worker only panics if `f` does; re-raise it.
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect();
        all.sort_unstable_by_key(|(i, ..)| *i);
        (r, all.into_iter().map(|(_, t, u)| (t, u)).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
        let (count, mapped) = map_while_producing(
            |sink| {
                for x in 0..1000u32 {
                    sink(x);
                }
                1000
            },
            |x| x * 2,
        );
        assert_eq!(count, 1000);
        assert_eq!(mapped, (0..1000).map(|x| (x, x * 2)).collect::<Vec<_>>());
        let (_, none) = map_while_producing(|_| (), |x: &u32| *x);
        assert!(none.is_empty());
    }
}
