import CFastCGI

#if canImport(Glibc)
    import Glibc
#endif

/// Ties a worker process's life to its master's, so a master killed with SIGKILL leaves no
/// orphan workers serving on the sockets it opened.
public enum ParentDeath {
    /// Asks the kernel to send `signal` when the parent exits; false when that failed or the
    /// parent is already gone (its pid is no longer our parent's).
    public static func deliver(_ signal: Int32, expectedParent: pid_t) -> Bool {
        guard cs_set_parent_death_signal(signal) == 0 else { return false }
        return getppid() == expectedParent
    }
}
