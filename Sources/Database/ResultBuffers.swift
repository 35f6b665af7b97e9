import CMariaDB

/// Output binds for one result set, sized from the stored result's max lengths.
final class ResultBuffers {
    private enum Kind {
        case integer(unsigned: Bool)
        case double
        case text
        case blob
        case skip
    }

    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private var kinds: [Kind] = []
    private var buffers: [UnsafeMutableRawPointer] = []
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private let count: Int

    init(fields: UnsafeMutablePointer<MYSQL_FIELD>, count: Int) {
        self.count = count
        binds = cs_binds_alloc(UInt32(count))
        lengths = .allocate(capacity: max(count, 1))
        lengths.initialize(repeating: 0, count: max(count, 1))
        nulls = .allocate(capacity: max(count, 1))
        nulls.initialize(repeating: 0, count: max(count, 1))
        for index in 0..<count {
            let field = fields[index]
            let kind = Self.kind(of: field)
            kinds.append(kind)
            let size: Int
            switch kind {
            case .integer(let unsigned):
                binds[index].buffer_type = MYSQL_TYPE_LONGLONG
                binds[index].is_unsigned = unsigned ? 1 : 0
                size = 8
            case .double:
                binds[index].buffer_type = MYSQL_TYPE_DOUBLE
                size = 8
            case .text, .blob:
                binds[index].buffer_type = MYSQL_TYPE_STRING
                // Temporal and decimal columns report a binary max_length; their display width bounds the text.
                size = max(Int(field.max_length), min(Int(field.length), 1024), 64) + 1
            case .skip:
                binds[index].buffer_type = MYSQL_TYPE_NULL
                size = 0
            }
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(size, 1), alignment: 8)
            buffers.append(buffer)
            binds[index].buffer = buffer
            binds[index].buffer_length = UInt(size)
            binds[index].length = lengths + index
            binds[index].is_null = nulls + index
        }
    }

    func release() {
        for buffer in buffers { buffer.deallocate() }
        lengths.deallocate()
        nulls.deallocate()
        cs_binds_free(binds)
    }

    /// The fetched value of one column; a value longer than its buffer is fetched again in full.
    func value(at index: Int, statement: UnsafeMutablePointer<MYSQL_STMT>) -> Value {
        if nulls[index] != 0 { return .null }
        let buffer = buffers[index]
        switch kinds[index] {
        case .integer(let unsigned):
            return unsigned
                ? .int(Int64(truncatingIfNeeded: buffer.load(as: UInt64.self)))
                : .int(buffer.load(as: Int64.self))
        case .double:
            return .double(buffer.load(as: Double.self))
        case .skip:
            return .null
        case .text, .blob:
            let length = Int(lengths[index])
            var bytes: [UInt8]
            if length <= Int(binds[index].buffer_length) {
                bytes = Array(UnsafeRawBufferPointer(start: buffer, count: length))
            } else {
                bytes = [UInt8](repeating: 0, count: length)
                bytes.withUnsafeMutableBytes { raw in
                    var bind = MYSQL_BIND()
                    bind.buffer_type = MYSQL_TYPE_STRING
                    bind.buffer = raw.baseAddress
                    bind.buffer_length = UInt(length)
                    _ = mysql_stmt_fetch_column(statement, &bind, UInt32(index), 0)
                }
            }
            if case .blob = kinds[index] { return .blob(bytes) }
            return .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func kind(of field: MYSQL_FIELD) -> Kind {
        switch field.type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_INT24,
            MYSQL_TYPE_YEAR:
            var copy = field
            return .integer(unsigned: cs_field_is_unsigned(&copy) != 0)
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            return .double
        case MYSQL_TYPE_NULL:
            return .skip
        case MYSQL_TYPE_TINY_BLOB, MYSQL_TYPE_BLOB, MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB,
            MYSQL_TYPE_STRING, MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_VARCHAR:
            var copy = field
            return cs_field_is_binary(&copy) != 0 ? .blob : .text
        default:
            return .text
        }
    }
}
