#include "service/register_view.h"

#include "service/case_access.h"

namespace trm::service {

Result<RegisterAccess> AccessIn(store::Tx& tx, const Actor& actor) {
  ASSIGN_OR_RETURN(domain::Organisation org, tx.orgs().Get(actor.organisation_id));
  return RegisterAccessOf(actor, org.type);
}

Result<RegisterView> ViewEntry(store::Tx& tx, Names& names, const Actor& actor, RegisterAccess level,
                               domain::RegisterEntry e, const std::string& today, bool full) {
  RegisterView v;
  v.id = e.id;
  v.kind = e.kind;
  v.role = e.role;
  v.country = e.country;
  v.status = e.status;
  v.status_date = e.status_date;
  v.source_kind = e.source.kind;
  // A police or prosecutor's case number is not public; a court's decision
  // and a public list are.
  if (e.source.kind != domain::SourceKind::kCase) v.public_reference = e.source.reference;
  v.version = e.stamp.version;
  v.may_edit = level == RegisterAccess::kEdit;
  if (level == RegisterAccess::kCheck) return v;
  RegisterDetailView d;
  d.source_reference = e.source.reference;
  d.review_date = e.review_date;
  d.due_for_review = domain::DueForReview(e, today);
  d.stamp = e.stamp;
  d.details = std::move(e.details);
  if (full) {
    ASSIGN_OR_RETURN(auto history, tx.register_entries().History(e.id));
    for (auto& h : history) {
      RegisterHistoryView hv;
      if (h.actor_id != 0) {
        ASSIGN_OR_RETURN(hv.actor_name, names.User(h.actor_id));
      }
      hv.line = std::move(h);
      d.history.push_back(std::move(hv));
    }
    ASSIGN_OR_RETURN(auto links, tx.register_entries().Links(e.id));
    for (const auto& link : links) {
      // The case rule decides, not the register level: a case the actor may
      // not see is left out without a trace.
      auto c = LoadCaseFor(tx, actor, link.case_id, Action::kViewCase);
      if (!c.ok()) continue;
      RegisterCaseView cv{link.case_id, c->reference, link.stamp.created_at, ""};
      if (link.stamp.created_by != 0) {
        ASSIGN_OR_RETURN(cv.linked_by_name, names.User(link.stamp.created_by));
      }
      d.cases.push_back(std::move(cv));
    }
  }
  v.detail = std::move(d);
  return v;
}

}  // namespace trm::service
