import CMariaDB

/// Process- and thread-level set-up that Connector/C requires.
public enum Database {
    /// Call once in `main`, before any thread opens a connection.
    public static func libraryInit() {
        _ = cs_library_init()
    }

    /// Call on each thread that used a connection, just before it exits.
    public static func threadEnd() {
        mysql_thread_end()
    }
}
