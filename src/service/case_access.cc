#include "service/case_access.h"

namespace trm::service {

Result<domain::Case> LoadCaseFor(store::Tx& tx, const Actor& actor, domain::Id id, Action action) {
  auto c = tx.cases().Get(id);
  if (!c.ok()) return c.status();
  ASSIGN_OR_RETURN(auto shared, tx.cases().SharedWith(id));
  CaseFacts facts = FactsOf(*c, std::move(shared));
  if (!Authorize(actor, Action::kViewCase, &facts).ok()) return Status::NotFound("case not found");
  RETURN_IF_ERROR(Authorize(actor, action, &facts));
  return c;
}

}  // namespace trm::service
