#include "store/audit_log.h"

#include "crypto/crypto.h"

namespace trm::store {
namespace {

// Length-prefixed so that no two different rows serialise alike.
void Put(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

std::string OptToString(const std::optional<int64_t>& v) {
  return v ? std::to_string(*v) : std::string("-");
}

Value OptValue(const std::optional<int64_t>& v) {
  if (v) return *v;
  return std::monostate{};
}

constexpr const char* kColumns =
    "seq, at, actor_user_id, actor_organisation_id, action, record_type, record_id, ip, "
    "detail, prev_hash, hash";

AuditRow FromRow(const Row& r) {
  AuditRow a;
  a.seq = r.Int(0);
  a.event.at = r.Int(1);
  a.event.actor_user_id = r.OptInt(2);
  a.event.actor_organisation_id = r.OptInt(3);
  a.event.action = r.Text(4);
  a.event.record_type = r.Text(5);
  a.event.record_id = r.Text(6);
  a.event.ip = r.Text(7);
  a.event.detail = r.Text(8);
  a.prev_hash = r.Text(9);
  a.hash = r.Text(10);
  return a;
}

}  // namespace

std::string AuditHash(const std::string& prev_hash, int64_t seq, const AuditEvent& e) {
  std::string buf;
  Put(buf, prev_hash);
  Put(buf, std::to_string(seq));
  Put(buf, std::to_string(e.at));
  Put(buf, OptToString(e.actor_user_id));
  Put(buf, OptToString(e.actor_organisation_id));
  Put(buf, e.action);
  Put(buf, e.record_type);
  Put(buf, e.record_id);
  Put(buf, e.ip);
  Put(buf, e.detail);
  return crypto::Sha256Hex(buf);
}

Result<int64_t> AuditLog::Append(const AuditEvent& e) {
  // FOR UPDATE serialises appenders on PostgreSQL; SQLite's BEGIN IMMEDIATE
  // already holds the database write lock.
  const char* head_sql = conn_.engine() == Engine::kPostgres
                             ? "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                             : "SELECT seq, hash FROM audit_head WHERE id = 1";
  ASSIGN_OR_RETURN(Rows head, conn_.Query(head_sql));
  if (head.size() != 1) return Status::Internal("audit head row is missing");
  const int64_t seq = head[0].Int(0) + 1;
  const std::string prev = head[0].Text(1);
  const std::string hash = AuditHash(prev, seq, e);
  std::string sql = std::string("INSERT INTO audit_log (") + kColumns +
                    ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  ASSIGN_OR_RETURN(int64_t n, conn_.Exec(sql, {seq, e.at, OptValue(e.actor_user_id),
                                               OptValue(e.actor_organisation_id), e.action,
                                               e.record_type, e.record_id, e.ip, e.detail, prev,
                                               hash}));
  if (n != 1) return Status::Internal("audit row was not written");
  ASSIGN_OR_RETURN(int64_t m,
                   conn_.Exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {seq, hash}));
  if (m != 1) return Status::Internal("audit head was not advanced");
  return seq;
}

Result<std::vector<AuditRow>> AuditLog::List(int64_t after, int limit) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?";
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(sql, {after, int64_t{limit}}));
  std::vector<AuditRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(FromRow(r));
  return out;
}

Result<AuditVerdict> AuditLog::Verify() {
  AuditVerdict v;
  std::string prev;
  int64_t expect_seq = 1;
  constexpr int kBatch = 5000;
  int64_t after = 0;
  auto broken = [&](int64_t seq, std::string why) {
    v.intact = false;
    v.first_broken_seq = seq;
    v.reason = std::move(why);
    return v;
  };
  while (true) {
    ASSIGN_OR_RETURN(auto rows, List(after, kBatch));
    for (const AuditRow& r : rows) {
      if (r.seq != expect_seq)
        return broken(expect_seq, "row " + std::to_string(expect_seq) + " is missing");
      if (r.prev_hash != prev)
        return broken(r.seq, "row " + std::to_string(r.seq) +
                                 " does not point at the hash of the row before it");
      if (AuditHash(prev, r.seq, r.event) != r.hash)
        return broken(r.seq, "row " + std::to_string(r.seq) + " was altered after it was written");
      prev = r.hash;
      ++expect_seq;
      ++v.rows_checked;
    }
    if (static_cast<int>(rows.size()) < kBatch) break;
    after = rows.back().seq;
  }
  ASSIGN_OR_RETURN(Rows head, conn_.Query("SELECT seq, hash FROM audit_head WHERE id = 1"));
  if (head.size() != 1) return broken(expect_seq, "audit head row is missing");
  if (head[0].Int(0) != expect_seq - 1 || head[0].Text(1) != prev)
    return broken(expect_seq, "the newest rows were removed (the log ends at row " +
                                  std::to_string(expect_seq - 1) + " but the head records row " +
                                  std::to_string(head[0].Int(0)) + ")");
  return v;
}

}  // namespace trm::store
