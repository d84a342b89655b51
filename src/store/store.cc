#include "store/store.h"

#include <cassert>

#include "store/migrations/migrations.h"

namespace trm::store {

Store::Store(std::vector<std::unique_ptr<Connection>> pool,
             std::unique_ptr<crypto::FieldCipher> cipher, Mode mode)
    : cipher_(std::move(cipher)) {
  assert(!pool.empty() && "a store needs at least one connection");
  engine_ = pool.front()->engine();
  if (mode == Mode::kGroupCommit) {
    committer_ = std::make_unique<GroupCommitter>(std::move(pool.front()), *cipher_);
    pool.erase(pool.begin());
  }
  pool_ = std::move(pool);
  for (auto& c : pool_) idle_.push_back(c.get());
}

// The committer finishes its queue before the connections and cipher go.
Store::~Store() { committer_.reset(); }

Connection* Store::Acquire() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  Connection* c = idle_.back();
  idle_.pop_back();
  return c;
}

void Store::Release(Connection* conn) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(conn);
  }
  available_.notify_one();
}

class Store::Lease {
 public:
  explicit Lease(Store& s) : store_(s), conn_(s.Acquire()) {}
  ~Lease() { store_.Release(conn_); }
  Connection& operator*() { return *conn_; }

 private:
  Store& store_;
  Connection* conn_;
};

Status Store::Write(const std::function<Status(Tx&)>& fn) {
  if (committer_) return committer_->Write(fn);
  Lease lease(*this);
  Connection& conn = *lease;
  RETURN_IF_ERROR(conn.Begin());
  Tx tx(conn, *cipher_);
  Status s = fn(tx);
  if (!s.ok()) {
    Status r = conn.Rollback();
    (void)r;  // the use case's own failure is the one to report
    return s;
  }
  Status c = conn.Commit();
  if (!c.ok()) {
    (void)conn.Rollback();
    return Status::Unavailable("could not save: " + c.message());
  }
  return Status::Ok();
}

PendingCommit Store::WriteLater(std::function<Status(Tx&)> fn) {
  if (!committer_) return PendingCommit::Finished(Write(fn));
  PendingCommit done;
  committer_->WriteLater(std::move(fn), done);
  return done;
}

Status Store::Read(const std::function<Status(Tx&)>& fn) {
  if (pool_.empty()) {
    return committer_->Raw(
        [&](Connection& conn) {
          Tx tx(conn, *cipher_);
          return fn(tx);
        },
        /*writes=*/false);
  }
  Lease lease(*this);
  Connection& conn = *lease;
  RETURN_IF_ERROR(conn.BeginRead());
  // Ends the read transaction however `fn` leaves, an exception included, so
  // the connection goes back to the pool with no snapshot held.
  struct EndRead {
    Connection& conn;
    bool ended = false;
    Status End() {
      ended = true;
      Status s = conn.Commit();  // read-only: Commit only ends it
      if (!s.ok()) (void)conn.Rollback();
      return s;
    }
    ~EndRead() {
      if (!ended) (void)End();
    }
  } guard{conn};
  Tx tx(conn, *cipher_);
  Status s = fn(tx);
  Status end = guard.End();
  if (!end.ok() && s.ok()) return Status::Unavailable("could not finish reading: " + end.message());
  return s;
}

std::optional<uint64_t> Store::Generation() const {
  if (!committer_) return std::nullopt;
  return committer_->Generation();
}

Status Store::Raw(const std::function<Status(Connection&)>& fn) {
  if (committer_) return committer_->Raw(fn);
  Lease lease(*this);
  return fn(*lease);
}

Result<int> Store::Migrate(Millis now) {
  Result<int> out = Status::Internal("not run");
  Status s = Raw([&](Connection& conn) {
    out = ApplyMigrations(conn, now);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<int> Store::SchemaVersion() {
  Result<int> out = Status::Internal("not run");
  Status s = Raw([&](Connection& conn) {
    out = store::SchemaVersion(conn);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace trm::store
