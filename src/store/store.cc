#include "store/store.h"

#include <cassert>

#include "store/migrations/migrations.h"

namespace trm::store {

Store::Store(std::vector<std::unique_ptr<Connection>> pool,
             std::unique_ptr<crypto::FieldCipher> cipher)
    : cipher_(std::move(cipher)), pool_(std::move(pool)) {
  assert(!pool_.empty() && "a store needs at least one connection");
  engine_ = pool_.front()->engine();
  for (auto& c : pool_) idle_.push_back(c.get());
}

Store::~Store() = default;

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

Status Store::Read(const std::function<Status(Tx&)>& fn) {
  Lease lease(*this);
  Tx tx(*lease, *cipher_);
  return fn(tx);
}

Result<int> Store::Migrate(Millis now) {
  Lease lease(*this);
  return ApplyMigrations(*lease, now);
}

Result<int> Store::SchemaVersion() {
  Lease lease(*this);
  return store::SchemaVersion(*lease);
}

}  // namespace trm::store
