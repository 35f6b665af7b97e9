#ifndef CLAIMSCORE_CMARIADB_SHIM_H
#define CLAIMSCORE_CMARIADB_SHIM_H
#include <mysql.h>
#include <errmsg.h>
#include <string.h>
#include <stdlib.h>

/// Zeroed array of result or parameter binds; Swift cannot size MYSQL_BIND portably otherwise.
static inline MYSQL_BIND *cs_binds_alloc(unsigned int count) {
    return (MYSQL_BIND *)calloc(count == 0 ? 1 : count, sizeof(MYSQL_BIND));
}
static inline void cs_binds_free(MYSQL_BIND *binds) { free(binds); }

/// my_bool is char in Connector/C 3.x; these keep Swift independent of that detail.
static inline int cs_stmt_attr_update_max_length(MYSQL_STMT *stmt) {
    my_bool on = 1;
    return mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
}
static inline int cs_field_is_unsigned(const MYSQL_FIELD *f) { return (f->flags & UNSIGNED_FLAG) != 0; }
static inline int cs_field_is_binary(const MYSQL_FIELD *f) { return f->charsetnr == 63; }
/// mysql_library_init is a macro; Swift sees only functions.
static inline int cs_library_init(void) { return mysql_library_init(0, NULL, NULL); }
#endif
