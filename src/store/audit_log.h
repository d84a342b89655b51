// The audit log: an append-only, hash-chained record of every write, every read
// of personal data and every sign-in attempt.
//
// Row n stores hash_n = SHA-256(hash_{n-1} || the row's fields); audit_head
// keeps the last sequence number and hash, so that deleting the newest rows is
// detected as well as editing or deleting any row in the middle.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/status.h"
#include "store/sql.h"

namespace trm::store {

struct AuditEvent {
  Millis at = 0;
  std::optional<int64_t> actor_user_id;  // absent for anonymous or failed sign-in
  std::optional<int64_t> actor_organisation_id;
  std::string action;       // e.g. "case.read", "auth.sign_in_failed"
  std::string record_type;  // e.g. "case", "user", "session"
  std::string record_id;
  std::string ip;      // where the request came from
  std::string detail;  // short, never personal field values
};

struct AuditRow {
  int64_t seq = 0;
  AuditEvent event;
  std::string prev_hash;
  std::string hash;
};

// What `Verify` found.
struct AuditVerdict {
  bool intact = true;
  int64_t rows_checked = 0;
  int64_t first_broken_seq = 0;  // when !intact
  std::string reason;            // when !intact
};

class AuditLog {
 public:
  explicit AuditLog(Connection& conn) : conn_(conn) {}

  // Appends one row. REQUIRES: inside the use case's write transaction, so
  // that the row commits or rolls back with the change it records.
  Result<int64_t> Append(const AuditEvent& event);

  // Reads rows with seq > after, oldest first, at most `limit`.
  Result<std::vector<AuditRow>> List(int64_t after, int limit);

  // Walks the whole chain and reports the first broken link.
  Result<AuditVerdict> Verify();

 private:
  Connection& conn_;
};

// The hash of a row given its predecessor's hash (exposed for tests).
std::string AuditHash(const std::string& prev_hash, int64_t seq, const AuditEvent& e);

}  // namespace trm::store
