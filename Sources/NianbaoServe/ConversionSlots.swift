import Synchronization

/// Bounded work: at most `jobs` holders at once, at most `queue` waiting; the rest are refused.
/// A lock, not an actor: taking a free slot costs no hop to another executor (measured: two
/// actor hops per request were a visible share of the service's time per report).
final class ConversionSlots: Sendable {
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Bool, Never>] = []
    }

    private let jobs: Int
    private let queueLimit: Int
    private let state = Mutex(State())

    init(jobs: Int, queue: Int) {
        self.jobs = jobs
        self.queueLimit = queue
    }

    /// Takes a slot, waiting in the queue when all are busy; `false` when the queue is full too.
    func acquire() async -> Bool {
        let took = state.withLock { state -> Bool in
            guard state.running < jobs else { return false }
            state.running += 1
            return true
        }
        if took { return true }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            // Decided under the lock: a slot freed meanwhile is taken, else the request waits
            // (handed a slot by `release`) or, with the queue full, is refused.
            let answer = state.withLock { state -> Bool? in
                if state.running < jobs {
                    state.running += 1
                    return true
                }
                guard state.waiting.count < queueLimit else { return false }
                state.waiting.append(continuation)
                return nil
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    /// Gives a slot back (to the first waiter, if any).
    func release() {
        let next = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.running -= 1
            return nil
        }
        next?.resume(returning: true)
    }

    /// Conversions running and requests waiting.
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }
}
