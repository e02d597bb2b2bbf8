/// Bounded work: at most `jobs` holders at once, at most `queue` waiting; the rest are refused.
actor ConversionSlots {
    private let jobs: Int
    private let queueLimit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(jobs: Int, queue: Int) {
        self.jobs = jobs
        self.queueLimit = queue
    }

    /// Takes a slot, waiting in the queue when all are busy; `false` when the queue is full too.
    func acquire() async -> Bool {
        if running < jobs {
            running += 1
            return true
        }
        guard waiting.count < queueLimit else { return false }
        await withCheckedContinuation { waiting.append($0) }
        return true
    }

    /// Gives a slot back (to the first waiter, if any).
    func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Conversions running and requests waiting.
    var load: (running: Int, waiting: Int) { (running, waiting.count) }
}
