#include "service/case_service.h"

#include "crypto/crypto.h"
#include "domain/reference.h"
#include "domain/validation.h"
#include "service/case_access.h"
#include "service/case_audit.h"
#include "service/policy.h"

namespace trm::service {
namespace {

constexpr size_t kMaxReasonChars = 2000;


// Names already looked up while building one answer (a list page shows the
// same organisation and users on many rows).
struct NameCache {
  std::map<domain::Id, domain::Organisation> orgs;
  std::map<domain::Id, std::string> users;
};

Result<CaseView> MakeView(store::Tx& tx, domain::Case c, NameCache& cache) {
  CaseView v;
  auto org = cache.orgs.find(c.owner_organisation_id);
  if (org == cache.orgs.end()) {
    ASSIGN_OR_RETURN(domain::Organisation o, tx.orgs().Get(c.owner_organisation_id));
    org = cache.orgs.emplace(o.id, std::move(o)).first;
  }
  v.owner = org->second;
  std::vector<domain::Id> ids = c.team;
  if (c.assignee_id) ids.push_back(*c.assignee_id);
  ids.push_back(c.stamp.created_by);
  ids.push_back(c.stamp.updated_by);
  for (domain::Id id : ids) {
    if (id == 0 || v.user_names.count(id)) continue;
    auto name = cache.users.find(id);
    if (name == cache.users.end()) {
      ASSIGN_OR_RETURN(domain::User u, tx.users().Get(id));
      name = cache.users.emplace(id, u.display_name).first;
    }
    v.user_names[id] = name->second;
  }
  v.c = std::move(c);
  return v;
}

Result<CaseView> MakeView(store::Tx& tx, domain::Case c) {
  NameCache cache;
  return MakeView(tx, std::move(c), cache);
}

}  // namespace

Result<CaseView> MakeCaseView(store::Tx& tx, domain::Case c) { return MakeView(tx, std::move(c)); }

namespace {

// The assignee must be an active user of the owning organisation who works cases.
Status CheckAssignee(store::Tx& tx, domain::Id owner_org, domain::Id assignee) {
  auto u = tx.users().Get(assignee);
  if (!u.ok() || u->organisation_id != owner_org || !u->active || !CanWorkCases(u->role))
    return Status::InvalidArgument(
        "the assignee must be an active case-handling user of the case's organisation",
        "assignee_id");
  return Status::Ok();
}

void EnsureOnTeam(domain::Case& c, domain::Id user) {
  if (std::find(c.team.begin(), c.team.end(), user) == c.team.end()) c.team.push_back(user);
}

}  // namespace

// Its own transaction: the refused use case rolled back, the refusal is kept.
store::PendingCommit CaseService::AuditDeniedLater(const Actor& actor, domain::Id id,
                                                   const std::string& action) {
  store::AuditEvent event = CaseEvent(actor, clock_.Now(), "case.denied", id, action);
  return store_.WriteLater(
      [event = std::move(event)](store::Tx& tx) { return tx.audit().Append(event).status(); });
}

void CaseService::AuditDenied(const Actor& actor, domain::Id id, const std::string& action) {
  (void)AuditDeniedLater(actor, id, action).Wait();
}

Result<domain::Case> CaseService::LoadFor(store::Tx& tx, const Actor& actor, domain::Id id,
                                          Action action) {
  return LoadCaseFor(tx, actor, id, action);
}

Result<CaseView> CreateCaseInTx(store::Tx& tx, const Actor& actor, const NewCase& input,
                                Millis now) {
  RETURN_IF_ERROR(Authorize(actor, Action::kCreateCase));
  RETURN_IF_ERROR(domain::ValidatePerson(input.person));
  domain::Case c;
  c.status = domain::CaseStatus::kOpen;
  c.owner_organisation_id = actor.organisation_id;
  c.person = input.person;
  c.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
  c.team = {actor.user_id};
  if (input.assignee_id) {
    RETURN_IF_ERROR(CheckAssignee(tx, actor.organisation_id, *input.assignee_id));
    c.assignee_id = input.assignee_id;
    EnsureOnTeam(c, *input.assignee_id);
  }
  // References are random; check before inserting, since a failed INSERT
  // would abort the whole PostgreSQL transaction.
  for (int attempt = 0; c.reference.empty() && attempt < 8; ++attempt) {
    std::string ref = domain::MakeCaseReference(crypto::Random8());
    ASSIGN_OR_RETURN(auto taken, tx.connection().Query(
                                     "SELECT 1 FROM cases WHERE reference = ?", {ref}));
    if (taken.empty()) c.reference = ref;
  }
  if (c.reference.empty()) return Status::Unavailable("could not draw a free case reference");
  ASSIGN_OR_RETURN(c.id, tx.cases().Insert(c));
  RETURN_IF_ERROR(tx.audit().Append(CaseEvent(actor, now, "case.create", c.id)).status());
  ASSIGN_OR_RETURN(domain::Case stored, tx.cases().Get(c.id));
  return MakeView(tx, std::move(stored));
}

Result<CaseView> CaseService::Create(const Actor& actor, const NewCase& input) {
  // Checked here too so that a refused request never waits for the writer.
  RETURN_IF_ERROR(Authorize(actor, Action::kCreateCase));
  RETURN_IF_ERROR(domain::ValidatePerson(input.person));
  const Millis now = clock_.Now();
  Result<CaseView> out = Status::Internal("case was not created");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    out = CreateCaseInTx(tx, actor, input, now);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

// A read runs on a reader connection; only its audit row goes through the
// writer. The answer is given only once that row is durable, so nothing is
// disclosed without its record.
Result<Audited<CaseView>> CaseService::GetAudited(const Actor& actor, domain::Id id,
                                                  store::PendingCommit* refusal) {
  *refusal = store::PendingCommit::Finished(Status::Ok());
  const Millis now = clock_.Now();
  Result<CaseView> view = Status::Internal("case was not read");
  Status s = store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadFor(tx, actor, id, Action::kViewCase));
    view = MakeView(tx, std::move(c));
    return view.status();
  });
  if (s.code() == Code::kNotFound) *refusal = AuditDeniedLater(actor, id, "read");
  if (!s.ok()) return s;
  ReadRecord record{"case.read", "case", std::to_string(id), ""};
  store::PendingCommit audit = AuditReadLater(store_, actor, now, record);
  return Audited<CaseView>{std::move(*view), std::move(audit), std::move(record)};
}

Result<CaseView> CaseService::Get(const Actor& actor, domain::Id id) {
  store::PendingCommit refusal;
  Result<Audited<CaseView>> read = GetAudited(actor, id, &refusal);
  if (!read.ok()) {
    RETURN_IF_ERROR(refusal.Wait());
    return read.status();
  }
  RETURN_IF_ERROR(read->audit.Wait());
  return std::move(read->shown);
}

Result<CaseView> CaseService::Update(const Actor& actor, domain::Id id, const CaseChange& change) {
  if (change.person) RETURN_IF_ERROR(domain::ValidatePerson(*change.person));
  if (change.version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  Result<CaseView> out = Status::Internal("case was not updated");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadFor(tx, actor, id, Action::kEditCase));
    if (c.stamp.version != change.version)
      return Status::Conflict("the case was changed by someone else (now version " +
                              std::to_string(c.stamp.version) + "); reload it and try again");
    if (c.status == domain::CaseStatus::kClosed)
      return Status::FailedPrecondition("the case is closed; reopen it before changing it");
    std::string detail;
    if (change.person) {
      c.person = *change.person;
      detail += "person ";
    }
    if (change.assignee_id && *change.assignee_id != c.assignee_id) {
      ASSIGN_OR_RETURN(auto shared, tx.cases().SharedWith(id));
      CaseFacts facts = FactsOf(c, std::move(shared));
      RETURN_IF_ERROR(Authorize(actor, Action::kAssignCase, &facts));
      if (*change.assignee_id) {
        RETURN_IF_ERROR(CheckAssignee(tx, c.owner_organisation_id, **change.assignee_id));
        EnsureOnTeam(c, **change.assignee_id);
      }
      c.assignee_id = *change.assignee_id;
      detail += "assignee ";
    }
    c.stamp.version += 1;
    c.stamp.updated_by = actor.user_id;
    c.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.cases().Update(c));
    RETURN_IF_ERROR(tx.audit().Append(CaseEvent(actor, now, "case.update", id, detail)).status());
    out = MakeView(tx, std::move(c));
    return out.status();
  });
  if (s.code() == Code::kNotFound || s.code() == Code::kPermissionDenied)
    AuditDenied(actor, id, "update");
  if (!s.ok()) return s;
  return out;
}

Result<CaseView> CaseService::SetStatus(const Actor& actor, domain::Id id, int64_t version,
                                        const std::string& reason, domain::CaseStatus to) {
  const bool closing = to == domain::CaseStatus::kClosed;
  RETURN_IF_ERROR(
      domain::CheckText(reason, "reason", kMaxReasonChars, domain::TextKind::kMultiline));
  if (domain::IsBlank(reason)) return Status::InvalidArgument("a reason is required", "reason");
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  Result<CaseView> out = Status::Internal("case status was not changed");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    Action action = closing ? Action::kCloseCase : Action::kReopenCase;
    ASSIGN_OR_RETURN(domain::Case c, LoadFor(tx, actor, id, action));
    if (c.stamp.version != version)
      return Status::Conflict("the case was changed by someone else (now version " +
                              std::to_string(c.stamp.version) + "); reload it and try again");
    if (c.status == to)
      return Status::FailedPrecondition(closing ? "the case is already closed"
                                                : "the case is already open");
    c.status = to;
    c.closure_reason = closing ? reason : "";
    c.stamp.version += 1;
    c.stamp.updated_by = actor.user_id;
    c.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.cases().Update(c));
    // The reason may name people; the audit row only says that one was given.
    RETURN_IF_ERROR(
        tx.audit().Append(CaseEvent(actor, now, closing ? "case.close" : "case.reopen", id)).status());
    out = MakeView(tx, std::move(c));
    return out.status();
  });
  if (s.code() == Code::kNotFound || s.code() == Code::kPermissionDenied)
    AuditDenied(actor, id, closing ? "close" : "reopen");
  if (!s.ok()) return s;
  return out;
}

Result<CaseView> CaseService::Close(const Actor& actor, domain::Id id, int64_t version,
                                    const std::string& reason) {
  return SetStatus(actor, id, version, reason, domain::CaseStatus::kClosed);
}

Result<CaseView> CaseService::Reopen(const Actor& actor, domain::Id id, int64_t version,
                                     const std::string& reason) {
  return SetStatus(actor, id, version, reason, domain::CaseStatus::kOpen);
}

Result<Audited<CaseListView>> CaseService::ListAudited(const Actor& actor,
                                                       const store::CaseFilter& filter) {
  if (filter.page < 1 || filter.page > 1000000)
    return Status::InvalidArgument("page must be between 1 and 1000000", "page");
  if (filter.page_size < 1 || filter.page_size > 100)
    return Status::InvalidArgument("page_size must be between 1 and 100", "page_size");
  const Millis now = clock_.Now();
  CaseListView out;
  out.page = filter.page;
  out.page_size = filter.page_size;
  std::string ids;
  Status s = store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(store::CasePage page, tx.cases().List(CaseListScope(actor), filter));
    out.total = page.total;
    NameCache names;
    for (auto& c : page.items) {
      ids += (ids.empty() ? "" : ",") + std::to_string(c.id);
      ASSIGN_OR_RETURN(CaseView v, MakeView(tx, std::move(c), names));
      out.items.push_back(std::move(v));
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  // A list shows names, so it is a read of each listed case.
  ReadRecord record{"case.list", "case", ids.empty() ? "-" : ids, ""};
  store::PendingCommit audit = AuditReadLater(store_, actor, now, record);
  return Audited<CaseListView>{std::move(out), std::move(audit), std::move(record)};
}

Result<CaseListView> CaseService::List(const Actor& actor, const store::CaseFilter& filter) {
  ASSIGN_OR_RETURN(Audited<CaseListView> list, ListAudited(actor, filter));
  RETURN_IF_ERROR(list.audit.Wait());
  return std::move(list.shown);
}

Status CaseService::Share(const Actor& actor, domain::Id id, domain::Id organisation_id) {
  const Millis now = clock_.Now();
  return store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Case c, LoadFor(tx, actor, id, Action::kAssignCase));
    RETURN_IF_ERROR(tx.orgs().Get(organisation_id).status());
    RETURN_IF_ERROR(tx.cases().Share(id, organisation_id, actor.user_id, now));
    return tx.audit()
        .Append(CaseEvent(actor, now, "case.share", id, "organisation " + std::to_string(organisation_id)))
        .status();
  });
}

}  // namespace trm::service
