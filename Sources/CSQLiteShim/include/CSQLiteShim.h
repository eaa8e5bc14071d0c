#ifndef CSQLITESHIM_H
#define CSQLITESHIM_H
#include <sqlite3.h>

/// Asks SQLite not to checkpoint the WAL when this connection closes (SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE).
/// sqlite3_db_config is variadic, which Swift cannot call. Returns SQLite's result code.
int goalbook_no_checkpoint_on_close(sqlite3 *db);

#endif
