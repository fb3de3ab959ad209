//! Order-keeping parallel maps on scoped threads (no thread pool to carry): over a slice,
//! and over items still being found (a folder walk), so finding and mapping overlap.

use std::sync::Mutex;
use std::sync::mpsc;
use std::thread::ScopedJoinHandle;

/// Worker threads worth starting: one per core, at most 8.
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}

/// Below this many items, starting threads costs more than it saves.
const MIN_ITEMS: usize = 64;

/// The workers' results, in the workers' order. A worker only panics if the mapped
/// function does, which loading, checking and rendering never do; the panic is re-raised.
fn joined<U>(handles: Vec<ScopedJoinHandle<'_, Vec<U>>>) -> Vec<U> {
    handles
        .into_iter()
        .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
        .collect()
}

/// Runs `work` on each part on a thread of its own; the results in the order of the parts.
fn each_part<P: Send, U: Send>(parts: Vec<P>, work: impl Fn(P) -> Vec<U> + Sync) -> Vec<U> {
    let work = &work;
    std::thread::scope(|scope| {
        joined(
            parts
                .into_iter()
                .map(|part| scope.spawn(move || work(part)))
                .collect(),
        )
    })
}

/// Maps `f` over `items` on the machine's cores, keeping the order. Parsing and checking
/// thousands of small files is CPU work that splits evenly; a small folder is not worth
/// the threads.
pub fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let threads = threads();
    if threads < 2 || items.len() < MIN_ITEMS {
        return items.iter().map(f).collect();
    }
    let parts: Vec<&[T]> = items.chunks(items.len().div_ceil(threads)).collect();
    each_part(parts, |part| part.iter().map(&f).collect())
}

/// [`map`] taking the items by value: each is dropped on its worker right after `f`, so
/// the memory it held is reused there rather than new memory being taken.
pub fn map_owned<T: Send, U: Send>(mut items: Vec<T>, f: impl Fn(T) -> U + Sync) -> Vec<U> {
    let threads = threads();
    if threads < 2 || items.len() < MIN_ITEMS {
        return items.into_iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let mut parts = Vec::with_capacity(threads);
    while items.len() > chunk {
        parts.push(items.split_off(items.len() - chunk));
    }
    parts.push(items);
    parts.reverse();
    each_part(parts, |part| part.into_iter().map(&f).collect())
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
    let threads = threads();
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
        let mut all: Vec<(usize, T, U)> = joined(workers);
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
