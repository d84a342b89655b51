// SQLite as the server runs it: one writer (group commit) and reader
// connections. Each Store::Read is one read transaction; these tests prove
// that its snapshot ends with it, so a reader never answers from the past,
// and that Store::Generation moves with every write that could change an
// answer, including one from another process.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "crypto/crypto.h"
#include "crypto/field_cipher.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"
#include "store/tx.h"

namespace trm::store_test {
namespace {

namespace fs = std::filesystem;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto::Init().ok());
    std::string tmpl = (fs::temp_directory_path() / "trm-reader-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    const std::string path = (fs::path(dir_) / "trm.db").string();
    std::vector<std::unique_ptr<store::Connection>> pool;
    // The writer first, then exactly one reader: every Read uses the same
    // reader connection, the one that would keep a stale snapshot.
    for (int i = 0; i < 2; ++i) {
      auto conn = store::OpenSqlite(path, {});
      ASSERT_TRUE(conn.ok()) << conn.status().ToString();
      pool.push_back(std::move(*conn));
    }
    store_ = std::make_unique<store::Store>(
        std::move(pool), std::make_unique<crypto::FieldCipher>(crypto::RandomBytes(32)),
        store::Store::Mode::kGroupCommit);
    ASSERT_TRUE(store_->Write([](store::Tx& tx) {
      return tx.connection().ExecScript(
          "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT");
    }).ok());
  }
  void TearDown() override {
    store_.reset();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  Status AddNote(const std::string& body) {
    return store_->Write([&](store::Tx& tx) -> Status {
      return tx.connection().Insert("INSERT INTO note (body) VALUES (?)", {body}).status();
    });
  }

  // Counts the notes twice in one Read: both counts come from one snapshot.
  Result<int64_t> CountNotes() {
    int64_t first = -1, second = -2;
    Status s = store_->Read([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(auto a, tx.connection().Query("SELECT COUNT(*) FROM note"));
      first = a.at(0).Int(0);
      ASSIGN_OR_RETURN(auto b, tx.connection().Query("SELECT COUNT(*) FROM note"));
      second = b.at(0).Int(0);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    if (first != second) return Status::Internal("one read saw two snapshots");
    return first;
  }

  std::string dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(SqliteStoreTest, EachReadSeesEveryWriteCommittedBeforeIt) {
  for (int i = 1; i <= 20; ++i) {
    ASSERT_TRUE(AddNote("note " + std::to_string(i)).ok());
    auto n = CountNotes();
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_EQ(*n, i);
  }
}

TEST_F(SqliteStoreTest, AReadThatFailsOrThrowsLeavesNoSnapshotBehind) {
  ASSERT_TRUE(AddNote("before").ok());
  Status failed = store_->Read([&](store::Tx& tx) -> Status {
    auto rows = tx.connection().Query("SELECT COUNT(*) FROM note");
    (void)rows;
    return Status::NotFound("the use case refused after reading");
  });
  EXPECT_EQ(failed.code(), Code::kNotFound);
  ASSERT_TRUE(AddNote("after the failed read").ok());
  auto n = CountNotes();
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 2);

  EXPECT_THROW((void)store_->Read([&](store::Tx& tx) -> Status {
    auto rows = tx.connection().Query("SELECT COUNT(*) FROM note");
    (void)rows;
    throw std::runtime_error("a bug in a use case");
  }),
               std::runtime_error);
  ASSERT_TRUE(AddNote("after the throwing read").ok());
  n = CountNotes();
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 3);
}

// A connection asked to begin a read while still inside a transaction ends
// that transaction and refuses, so the next read starts from the present.
TEST_F(SqliteStoreTest, BeginningAReadInsideATransactionEndsItAndRefuses) {
  auto conn = store::OpenSqlite((fs::path(dir_) / "trm.db").string(), {});
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  store::Connection& c = **conn;
  ASSERT_TRUE(AddNote("one").ok());
  ASSERT_TRUE(c.BeginRead().ok());
  auto before = c.Query("SELECT COUNT(*) FROM note");
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->at(0).Int(0), 1);
  ASSERT_TRUE(AddNote("two").ok());
  EXPECT_EQ(c.BeginRead().code(), Code::kInternal);
  ASSERT_TRUE(c.BeginRead().ok());
  auto after = c.Query("SELECT COUNT(*) FROM note");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->at(0).Int(0), 2);
  EXPECT_TRUE(c.Commit().ok());
}

TEST_F(SqliteStoreTest, GenerationMovesWithWritesOfRecordsOnly) {
  auto at = [&] { return store_->Generation().value_or(0); };
  const uint64_t start = at();
  ASSERT_NE(start, 0u);
  // A use case that touches nothing but returns ok, and one that fails.
  ASSERT_TRUE(store_->Write([](store::Tx&) { return Status::Ok(); }).ok());
  EXPECT_EQ(at(), start);
  ASSERT_TRUE(CountNotes().ok());  // reads leave it too
  EXPECT_EQ(at(), start);
  ASSERT_TRUE(AddNote("a record").ok());
  const uint64_t after_write = at();
  EXPECT_NE(after_write, start);
  // Handed over without waiting: moved once durable, before it is reported.
  store::PendingCommit later = store_->WriteLater([](store::Tx& tx) {
    return tx.connection().Insert("INSERT INTO note (body) VALUES ('later')", {}).status();
  });
  ASSERT_TRUE(later.Wait().ok());
  EXPECT_NE(at(), after_write);
}

TEST_F(SqliteStoreTest, GenerationMovesWhenAnotherProcessWrites) {
  const uint64_t start = store_->Generation().value_or(0);
  ASSERT_TRUE(store_->Write([](store::Tx&) { return Status::Ok(); }).ok());
  ASSERT_EQ(store_->Generation().value_or(0), start);
  // Another connection (as another process would) adds a note.
  auto other = store::OpenSqlite((fs::path(dir_) / "trm.db").string(), {});
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->Insert("INSERT INTO note (body) VALUES ('from elsewhere')", {}).ok());
  // Noticed by the writer at its next batch, before that batch is answered.
  ASSERT_TRUE(store_->Write([](store::Tx&) { return Status::Ok(); }).ok());
  EXPECT_NE(store_->Generation().value_or(0), start);
}

}  // namespace
}  // namespace trm::store_test
