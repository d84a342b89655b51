#include "service/audited.h"

#include <utility>

#include "store/audit_log.h"
#include "store/tx.h"

namespace trm::service {

store::PendingCommit AuditReadLater(store::Store& store, const Actor& actor, Millis at,
                                    const ReadRecord& record) {
  store::AuditEvent event{at,        actor.user_id,      actor.organisation_id, record.action,
                          record.record_type, record.record_id, actor.ip,              record.detail};
  return store.WriteLater(
      [event = std::move(event)](store::Tx& tx) { return tx.audit().Append(event).status(); });
}

}  // namespace trm::service
