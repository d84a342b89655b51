#include "service/case_entry_service.h"

#include "service/case_access.h"
#include "service/case_audit.h"
#include "service/names.h"
#include "service/policy.h"

namespace trm::service {
namespace {

Result<const domain::CaseForm*> FormOf(const std::string& kind) {
  const domain::CaseForm* form = domain::FindCaseForm(kind);
  if (!form) return Status::InvalidArgument("there is no kind of entry called \"" + kind + "\"", "kind");
  return form;
}

std::string Detail(const domain::CaseEntry& e) {
  return e.kind + " " + std::to_string(e.id);
}

Result<EntryView> ViewOf(Names& names, const Actor& actor, const domain::Case& c,
                         domain::CaseEntry e) {
  EntryView v;
  ASSIGN_OR_RETURN(v.created_by_name, names.User(e.stamp.created_by));
  ASSIGN_OR_RETURN(v.updated_by_name, names.User(e.stamp.updated_by));
  if (e.index.confidential && !MayReadConfidential(actor, FactsOf(c, {}), e.stamp.created_by)) {
    v.restricted = true;
    e.fields.clear();
    e.index = {};
    e.index.confidential = true;
  }
  v.entry = std::move(e);
  return v;
}

// The ids an entry refers to must exist, and be of the right sort: a user of
// the case's organisation who works cases, any organisation, an entry of the
// named kind on the same case.
Status CheckReferences(store::Tx& tx, const domain::Case& c, const domain::CaseForm& form,
                       const domain::EntryFields& fields) {
  for (const auto& [name, value] : fields) {
    const domain::FormField* f = domain::FindField(form, name);
    const int64_t* id = std::get_if<int64_t>(&value);
    if (!f || !id) continue;
    const std::string path = "fields." + name;
    switch (f->type) {
      case domain::FieldType::kUser: {
        auto u = tx.users().Get(*id);
        if (!u.ok() || u->organisation_id != c.owner_organisation_id || !u->active ||
            !CanWorkCases(u->role))
          return Status::InvalidArgument(
              name + " must be an active user of the case's organisation who works cases", path);
        break;
      }
      case domain::FieldType::kOrganisation:
        if (!tx.orgs().Get(*id).ok())
          return Status::InvalidArgument(name + ": no such organisation", path);
        break;
      case domain::FieldType::kEntry: {
        auto e = tx.entries().Get(c.id, *id);
        if (!e.ok() || e->kind != f->ref_kind)
          return Status::InvalidArgument(
              name + " must be a " + std::string(f->ref_kind) + " entry of this case", path);
        break;
      }
      default:
        break;
    }
  }
  return Status::Ok();
}

// Some entries need the person's consent first (follow-up contact after return).
Status CheckConsent(store::Tx& tx, const domain::Case& c, const domain::CaseForm& form, Millis now) {
  if (!form.requires_consent) return Status::Ok();
  ASSIGN_OR_RETURN(domain::Organisation org, tx.orgs().Get(c.owner_organisation_id));
  ASSIGN_OR_RETURN(auto records, tx.casework().Consents(c.id));
  domain::ConsentAnswer answer =
      domain::ConsentCovers(records, *form.requires_consent, {org.id, org.country}, now);
  if (answer.covered) return Status::Ok();
  return Status::FailedPrecondition("the person's consent does not cover " +
                                    std::string(domain::Name(*form.requires_consent)) + ": " +
                                    answer.reason);
}

}  // namespace

Result<std::vector<EntryView>> CaseEntryService::List(const Actor& actor, domain::Id case_id,
                                                      const std::optional<std::string>& kind) {
  if (kind) RETURN_IF_ERROR(FormOf(*kind).status());
  const Millis now = clock_.Now();
  std::vector<EntryView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kViewCase));
    ASSIGN_OR_RETURN(auto entries, tx.entries().List(case_id, kind));
    Names names(tx);
    for (auto& e : entries) {
      ASSIGN_OR_RETURN(EntryView v, ViewOf(names, actor, c, std::move(e)));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  // Answered only once the read is on record.
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit().Append(CaseEvent(actor, now, "case.entries.read", case_id, kind.value_or("all")))
        .status();
  }));
  return out;
}

Result<EntryView> CaseEntryService::Add(const Actor& actor, domain::Id case_id,
                                        const std::string& kind, domain::EntryFields fields) {
  ASSIGN_OR_RETURN(const domain::CaseForm* form, FormOf(kind));
  RETURN_IF_ERROR(domain::ValidateEntry(*form, fields));
  const Millis now = clock_.Now();
  Result<EntryView> out = Status::Internal("entry was not recorded");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kEditCase));
    if (!form->multiple) {
      ASSIGN_OR_RETURN(int64_t n, tx.entries().Count(case_id, kind));
      if (n > 0)
        return Status::AlreadyExists("this case already has its " + kind + "; change that one");
    }
    RETURN_IF_ERROR(CheckReferences(tx, c, *form, fields));
    RETURN_IF_ERROR(CheckConsent(tx, c, *form, now));
    domain::CaseEntry e;
    e.case_id = case_id;
    e.kind = kind;
    e.index = domain::IndexOf(*form, fields);
    e.fields = std::move(fields);
    e.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
    ASSIGN_OR_RETURN(e.id, tx.entries().Insert(e));
    RETURN_IF_ERROR(tx.audit().Append(CaseEvent(actor, now, "case.entry.add", case_id, Detail(e))).status());
    Names names(tx);
    out = ViewOf(names, actor, c, std::move(e));
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<EntryView> CaseEntryService::Change(const Actor& actor, domain::Id case_id,
                                           domain::Id entry_id, int64_t version,
                                           domain::EntryFields fields) {
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  Result<EntryView> out = Status::Internal("entry was not changed");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadCaseFor(tx, actor, case_id, Action::kEditCase));
    ASSIGN_OR_RETURN(domain::CaseEntry e, tx.entries().Get(case_id, entry_id));
    ASSIGN_OR_RETURN(const domain::CaseForm* form, FormOf(e.kind));
    if (e.index.confidential && !MayReadConfidential(actor, FactsOf(c, {}), e.stamp.created_by))
      return Status::PermissionDenied("this note is confidential to its author and supervisors");
    if (e.stamp.version != version)
      return Status::Conflict("the entry was changed by someone else; reload it");
    RETURN_IF_ERROR(domain::ValidateEntry(*form, fields));
    RETURN_IF_ERROR(CheckReferences(tx, c, *form, fields));
    e.index = domain::IndexOf(*form, fields);
    e.fields = std::move(fields);
    e.stamp.version = version + 1;
    e.stamp.updated_by = actor.user_id;
    e.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.entries().Update(e));
    RETURN_IF_ERROR(
        tx.audit().Append(CaseEvent(actor, now, "case.entry.change", case_id, Detail(e))).status());
    Names names(tx);
    out = ViewOf(names, actor, c, std::move(e));
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<TaskView>> CaseEntryService::MyTasks(const Actor& actor) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  std::vector<TaskView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(auto tasks, tx.entries().OpenTasksOf(actor.user_id, 500));
    Names names(tx);
    for (auto& t : tasks) {
      // A task on a case the user no longer sees (taken off the team) is not shown.
      auto c = LoadCaseFor(tx, actor, t.entry.case_id, Action::kViewCase);
      if (!c.ok()) {
        if (c.status().code() == Code::kNotFound || c.status().code() == Code::kPermissionDenied)
          continue;
        return c.status();
      }
      TaskView v;
      v.overdue = t.entry.index.due_on && *t.entry.index.due_on < today;
      v.case_reference = std::move(t.case_reference);
      ASSIGN_OR_RETURN(v.entry, ViewOf(names, actor, *c, std::move(t.entry)));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit()
        .Append(store::AuditEvent{now, actor.user_id, actor.organisation_id, "tasks.read", "user",
                                  std::to_string(actor.user_id), actor.ip, ""})
        .status();
  }));
  return out;
}

}  // namespace trm::service
