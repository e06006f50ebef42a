import Glibc

/// Output files being written under a temporary name, so that the host can delete them when the
/// process is interrupted (SIGINT, SIGTERM) and never leave a half-written output behind.
/// Shared by every plugin through the one SDK library.
public enum PartialFiles {
    nonisolated(unsafe) private static var paths: Set<String> = []
    nonisolated(unsafe) private static var mutex = pthread_mutex_t()
    private static let setup: Void = { pthread_mutex_init(&mutex, nil) }()

    public static func register(_ path: String) {
        _ = setup
        pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }
        paths.insert(path)
    }

    public static func unregister(_ path: String) {
        _ = setup
        pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }
        paths.remove(path)
    }

    /// Deletes every registered partial file. For an interrupt handler, just before exiting.
    public static func removeAll() {
        _ = setup
        pthread_mutex_lock(&mutex); defer { pthread_mutex_unlock(&mutex) }
        for p in paths { unlink(p) }
        paths.removeAll()
    }
}
