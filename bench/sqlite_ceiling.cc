// The machine's durable-write ceiling for SQLite: a bare loop that commits one
// row per transaction, with nothing else in the way (no HTTP, no JSON, no
// encryption, no audit chain, one prepared statement reused).
//
//   sqlite_ceiling --db PATH [--sync FULL|NORMAL] [--seconds S] [--bytes B] [--batch K]
//                  [--reprepare]
//
// Each transaction is BEGIN IMMEDIATE; K x INSERT; COMMIT, in WAL mode with the
// given synchronous level (FULL is the server's durable default). --bytes is
// the size of the inserted row's payload: scripts/bench.sh passes the average
// size of a case row plus its audit row, measured on the benchmark database.
// --batch > 1 shows what group commit (several requests per fsync) could reach.
// --reprepare prepares and finalizes the INSERT for every row, as the server's
// SqliteConnection does for every statement, to show what that costs.
//
// Prints one line:  sync=FULL batch=1 bytes=420 seconds=5.00 commits=... commits_per_s=... rows_per_s=...
// The loop stops after --seconds of wall time (bounded), whatever the disk does.
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace {

[[noreturn]] void Die(sqlite3* db, const char* what) {
  std::fprintf(stderr, "sqlite_ceiling: %s: %s\n", what, db ? sqlite3_errmsg(db) : "?");
  std::exit(1);
}

void Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite_ceiling: %s: %s\n", sql, err ? err : "?");
    std::exit(1);
  }
}

void Usage() {
  std::fprintf(stderr,
               "usage: sqlite_ceiling --db PATH [--sync FULL|NORMAL] [--seconds S] "
               "[--bytes B] [--batch K] [--reprepare]\n");
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string path;
  std::string sync = "FULL";
  double seconds = 5;
  int bytes = 400;
  int batch = 1;
  bool reprepare = false;
  for (int i = 1; i < argc; ++i) {
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) Usage();
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--db")) path = next();
    else if (!std::strcmp(argv[i], "--sync")) sync = next();
    else if (!std::strcmp(argv[i], "--seconds")) seconds = std::atof(next());
    else if (!std::strcmp(argv[i], "--bytes")) bytes = std::atoi(next());
    else if (!std::strcmp(argv[i], "--batch")) batch = std::atoi(next());
    else if (!std::strcmp(argv[i], "--reprepare")) reprepare = true;
    else Usage();
  }
  if (path.empty() || (sync != "FULL" && sync != "NORMAL") || seconds <= 0 || seconds > 600 ||
      bytes < 1 || bytes > (1 << 20) || batch < 1 || batch > 10000)
    Usage();

  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK)
    Die(db, "open");
  // The same connection settings as the server (src/store/sqlite/sqlite_connection.cc).
  Exec(db, "PRAGMA journal_mode=WAL");
  Exec(db, ("PRAGMA synchronous=" + sync).c_str());
  Exec(db,
       "CREATE TABLE IF NOT EXISTS ceiling (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
       "kind TEXT NOT NULL, payload BLOB NOT NULL) STRICT");

  const char* insert_sql = "INSERT INTO ceiling (at, kind, payload) VALUES (?, ?, ?)";
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_prepare_v2(db, insert_sql, -1, &insert, nullptr) != SQLITE_OK) Die(db, "prepare");

  // Random bytes, like ciphertext: a row the size of a case plus its audit row.
  std::mt19937_64 rng(42);
  std::string payload(static_cast<size_t>(bytes), '\0');
  for (char& c : payload) c = static_cast<char>(rng());

  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::duration_cast<Clock::duration>(
                                    std::chrono::duration<double>(seconds));
  long long commits = 0;
  auto now = start;
  while (now < deadline) {
    Exec(db, "BEGIN IMMEDIATE");
    for (int k = 0; k < batch; ++k) {
      if (reprepare) {
        sqlite3_finalize(insert);
        if (sqlite3_prepare_v2(db, insert_sql, -1, &insert, nullptr) != SQLITE_OK)
          Die(db, "prepare");
      }
      // Vary a few bytes so no two rows are equal.
      std::memcpy(payload.data(), &commits, sizeof commits);
      sqlite3_bind_int64(insert, 1, commits);
      sqlite3_bind_text(insert, 2, "case.create", -1, SQLITE_STATIC);
      sqlite3_bind_blob(insert, 3, payload.data(), static_cast<int>(payload.size()),
                        SQLITE_STATIC);
      if (sqlite3_step(insert) != SQLITE_DONE) Die(db, "insert");
      sqlite3_reset(insert);
    }
    Exec(db, "COMMIT");
    ++commits;
    now = Clock::now();
  }
  const double elapsed = std::chrono::duration<double>(now - start).count();
  sqlite3_finalize(insert);
  sqlite3_close_v2(db);
  std::printf(
      "sync=%s batch=%d bytes=%d reprepare=%d seconds=%.2f commits=%lld commits_per_s=%.1f "
      "rows_per_s=%.1f\n",
      sync.c_str(), batch, bytes, reprepare ? 1 : 0, elapsed, commits, commits / elapsed,
      static_cast<double>(commits) * batch / elapsed);
  return 0;
}
