import CMariaDB

/// A server-side prepared statement; values only ever travel as binds.
final class Statement {
    private let handle: UnsafeMutablePointer<MYSQL_STMT>
    let parameterCount: Int

    init(connection: UnsafeMutablePointer<MYSQL>, sql: String) throws(DatabaseError) {
        guard let handle = mysql_stmt_init(connection) else {
            throw .unavailable("out of memory creating a statement")
        }
        self.handle = handle
        let rc = sql.withCString { mysql_stmt_prepare(handle, $0, UInt(strlen($0))) }
        if rc != 0 {
            let error = Self.error(of: handle)
            mysql_stmt_close(handle)
            throw error
        }
        parameterCount = Int(mysql_stmt_param_count(handle))
        _ = cs_stmt_attr_update_max_length(handle)
    }

    deinit { mysql_stmt_close(handle) }

    /// Runs the statement; returns rows when it produces a result set.
    func run(_ values: [Value]) throws(DatabaseError) -> (rows: [Row], affected: Int, insertID: Int) {
        guard values.count == parameterCount else {
            throw .failed(code: 0, message: "statement takes \(parameterCount) values, got \(values.count)")
        }
        let binds = cs_binds_alloc(UInt32(values.count))!
        var buffers: [UnsafeMutableRawPointer] = []
        defer {
            for buffer in buffers { buffer.deallocate() }
            cs_binds_free(binds)
        }
        for (index, value) in values.enumerated() {
            buffers.append(contentsOf: Self.fill(&binds[index], with: value))
        }
        if parameterCount > 0, mysql_stmt_bind_param(handle, binds) != 0 { throw Self.error(of: handle) }
        if mysql_stmt_execute(handle) != 0 { throw Self.error(of: handle) }
        guard let metadata = mysql_stmt_result_metadata(handle) else {
            return ([], Int(mysql_stmt_affected_rows(handle)), Int(mysql_stmt_insert_id(handle)))
        }
        defer {
            mysql_free_result(metadata)
            mysql_stmt_free_result(handle)
        }
        if mysql_stmt_store_result(handle) != 0 { throw Self.error(of: handle) }
        return (try fetchAll(metadata), 0, 0)
    }

    private func fetchAll(_ metadata: UnsafeMutablePointer<MYSQL_RES>) throws(DatabaseError) -> [Row] {
        let count = Int(mysql_num_fields(metadata))
        let fields = mysql_fetch_fields(metadata)!
        let columns = ColumnIndex(names: (0..<count).map { String(cString: fields[$0].name) })
        let result = ResultBuffers(fields: fields, count: count)
        defer { result.release() }
        if mysql_stmt_bind_result(handle, result.binds) != 0 { throw Self.error(of: handle) }
        var rows: [Row] = []
        rows.reserveCapacity(Int(mysql_stmt_num_rows(handle)))
        while true {
            let status = mysql_stmt_fetch(handle)
            if status == MYSQL_NO_DATA { break }
            if status == 1 { throw Self.error(of: handle) }
            var values: [Value] = []
            values.reserveCapacity(count)
            for column in 0..<count {
                values.append(result.value(at: column, statement: handle))
            }
            rows.append(Row(columns: columns, values: values))
        }
        return rows
    }

    /// Points one parameter bind at a freshly allocated copy of the value.
    private static func fill(_ bind: inout MYSQL_BIND, with value: Value) -> [UnsafeMutableRawPointer] {
        switch value {
        case .null:
            bind.buffer_type = MYSQL_TYPE_NULL
            return []
        case .int(let number):
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
            buffer.storeBytes(of: number, as: Int64.self)
            bind.buffer_type = MYSQL_TYPE_LONGLONG
            bind.buffer = buffer
            return [buffer]
        case .double(let number):
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8)
            buffer.storeBytes(of: number, as: Double.self)
            bind.buffer_type = MYSQL_TYPE_DOUBLE
            bind.buffer = buffer
            return [buffer]
        case .text(let text):
            return fillBytes(&bind, Array(text.utf8), type: MYSQL_TYPE_STRING)
        case .blob(let bytes):
            return fillBytes(&bind, bytes, type: MYSQL_TYPE_BLOB)
        }
    }

    private static func fillBytes(_ bind: inout MYSQL_BIND, _ bytes: [UInt8], type: enum_field_types)
        -> [UnsafeMutableRawPointer]
    {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: source.count) }
        }
        bind.buffer_type = type
        bind.buffer = buffer
        bind.buffer_length = UInt(bytes.count)
        return [buffer]
    }

    static func error(of handle: UnsafeMutablePointer<MYSQL_STMT>) -> DatabaseError {
        DatabaseError.classify(code: mysql_stmt_errno(handle), message: String(cString: mysql_stmt_error(handle)))
    }
}
