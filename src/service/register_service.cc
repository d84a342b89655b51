#include "service/register_service.h"

#include <algorithm>
#include <map>

#include "domain/line_file.h"
#include "domain/validation.h"
#include "service/case_access.h"

namespace trm::service {
namespace {

store::AuditEvent RegisterEvent(const Actor& a, Millis at, std::string action, std::string record_id,
                                std::string detail) {
  return store::AuditEvent{at, a.user_id, a.organisation_id, std::move(action), "register_entry",
                           std::move(record_id), a.ip, std::move(detail)};
}

// The line of history for a change that keeps the status.
domain::RegisterHistory SameStatus(const domain::RegisterEntry& e, const char* change, const std::string& reason) {
  domain::RegisterHistory h;
  h.change = change;
  h.from_status = e.status;
  h.to_status = e.status;
  h.status_date = e.status_date;
  h.source = e.source;
  h.reason = reason;
  return h;
}

void Apply(domain::RegisterEntry& e, const RegisterFields& f) {
  e.kind = f.kind;
  e.role = f.role;
  e.country = f.country;
  e.details = f.details;
  e.review_date = f.review_date;
}

bool NameContains(const domain::RegisterEntry& e, const std::string& key) {
  auto has = [&](const std::vector<std::string>& v) {
    return std::any_of(v.begin(), v.end(),
                       [&](const std::string& s) { return domain::NameKey(s).find(key) != std::string::npos; });
  };
  return has(e.details.names) || has(e.details.aliases);
}

// The entry's names that the engine found for the check's name and company,
// by entry: a match of its own kind for each, unless the value matched by key
// already (that says more) or is no longer the entry's (edited since the
// index looked).
using NameMatches = std::map<domain::Id, std::vector<domain::RegisterMatch>>;

Result<NameMatches> MatchNames(RegisterNames* names, store::Store& store, const domain::CheckQuery& q) {
  NameMatches out;
  if (names == nullptr) return out;
  for (const auto& [field, value] : {std::pair{"name", &q.name}, std::pair{"company", &q.company}}) {
    if (domain::IsBlank(*value)) continue;
    ASSIGN_OR_RETURN(auto hits, names->Query(store, *value));
    for (RegisterNameHit& h : hits) {
      const domain::MatchHow how =
          h.other_script ? domain::MatchHow::kNameOtherScript : domain::MatchHow::kNameSoundsAlike;
      domain::RegisterMatch m{field, std::string(domain::TrimSpaces(*value)), h.entry_field,
                              std::move(h.entry_value), how, h.probability, std::move(h.agreement)};
      out[h.entry_id].push_back(std::move(m));
    }
  }
  return out;
}

void AddNameMatches(const domain::RegisterEntry& e, const NameMatches& found,
                    std::vector<domain::RegisterMatch>& matches) {
  auto it = found.find(e.id);
  if (it == found.end()) return;
  for (const domain::RegisterMatch& m : it->second) {
    const auto& values = m.entry_field == "name" ? e.details.names : e.details.aliases;
    if (std::find(values.begin(), values.end(), m.entry_value) == values.end()) continue;
    const bool by_key = std::any_of(matches.begin(), matches.end(), [&](const domain::RegisterMatch& k) {
      return k.query_field == m.query_field && k.entry_field == m.entry_field && k.entry_value == m.entry_value;
    });
    if (!by_key) matches.push_back(m);
  }
}

}  // namespace

Status CheckStatusFields(const RegisterStatusChange& s, const std::string& today) {
  RETURN_IF_ERROR(domain::ValidateStatusChange(s.status_date, s.source, s.reason));
  if (s.status_date > today) return Status::InvalidArgument("status_date may not be in the future", "status_date");
  return Status::Ok();
}

Result<RegisterAccess> RegisterService::Access(const Actor& actor) {
  RegisterAccess level = RegisterAccess::kCheck;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(level, AccessIn(tx, actor));
    return Status::Ok();
  }));
  return level;
}

Result<RegisterCheckResult> RegisterService::Check(const Actor& actor, const domain::CheckQuery& q) {
  RETURN_IF_ERROR(domain::ValidateCheckQuery(q));
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  const domain::PreparedCheck prepared(q);
  ASSIGN_OR_RETURN(NameMatches by_name, MatchNames(names_, store_, q));
  RegisterCheckResult out;
  out.extracted = prepared.extracted();
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.hits.clear();
    ASSIGN_OR_RETURN(RegisterAccess level, AccessIn(tx, actor));
    ASSIGN_OR_RETURN(auto entries, tx.register_entries().List());
    Names names(tx);
    for (auto& e : entries) {
      std::vector<domain::RegisterMatch> matches = prepared.Match(e);
      AddNameMatches(e, by_name, matches);
      if (matches.empty()) continue;
      // At the check level the entry's own values stay hidden: the query's
      // values and the field names say how it matched.
      if (level == RegisterAccess::kCheck)
        for (auto& m : matches) m.entry_value.clear();
      ASSIGN_OR_RETURN(RegisterView v, ViewEntry(tx, names, actor, level, std::move(e), today, false));
      out.hits.push_back(RegisterHit{std::move(v), std::move(matches)});
    }
    return Status::Ok();
  }));
  std::stable_sort(out.hits.begin(), out.hits.end(), [](const RegisterHit& a, const RegisterHit& b) {
    return a.matches.size() > b.matches.size();
  });
  std::string ids;
  for (const RegisterHit& h : out.hits) ids += (ids.empty() ? " " : ",") + std::to_string(h.entry.id);
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit()
        .Append(RegisterEvent(actor, now, "register.check", "",
                              std::to_string(out.hits.size()) + " matched" + ids))
        .status();
  }));
  return out;
}

Result<std::vector<RegisterView>> RegisterService::List(const Actor& actor, const RegisterListQuery& q) {
  RETURN_IF_ERROR(domain::CheckText(q.q, "q", 200));
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  const std::string key = domain::NameKey(q.q);
  std::vector<RegisterView> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    out.clear();
    ASSIGN_OR_RETURN(RegisterAccess level, AccessIn(tx, actor));
    ASSIGN_OR_RETURN(domain::Organisation org, tx.orgs().Get(actor.organisation_id));
    RETURN_IF_ERROR(AuthorizeRegister(actor, org.type, RegisterAccess::kDetails));
    store::RegisterFilter filter{q.status, q.due_for_review ? today : ""};
    ASSIGN_OR_RETURN(auto entries, tx.register_entries().List(filter));
    Names names(tx);
    for (auto& e : entries) {
      if (!key.empty() && !NameContains(e, key)) continue;
      ASSIGN_OR_RETURN(RegisterView v, ViewEntry(tx, names, actor, level, std::move(e), today, false));
      out.push_back(std::move(v));
    }
    return Status::Ok();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit()
        .Append(RegisterEvent(actor, now, "register.list", "", std::to_string(out.size()) + " entries"))
        .status();
  }));
  return out;
}

Result<RegisterView> RegisterService::Get(const Actor& actor, domain::Id id) {
  const Millis now = clock_.Now();
  Result<RegisterView> out = Status::Internal("register entry was not read");
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Organisation org, tx.orgs().Get(actor.organisation_id));
    RETURN_IF_ERROR(AuthorizeRegister(actor, org.type, RegisterAccess::kDetails));
    ASSIGN_OR_RETURN(domain::RegisterEntry e, tx.register_entries().Get(id));
    Names names(tx);
    out = ViewEntry(tx, names, actor, RegisterAccessOf(actor, org.type), std::move(e), FormatDate(now), true);
    return out.status();
  }));
  RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) {
    return tx.audit().Append(RegisterEvent(actor, now, "register.read", std::to_string(id), "")).status();
  }));
  return out;
}

Result<RegisterView> RegisterService::Create(const Actor& actor, const RegisterFields& fields,
                                             const RegisterStatusChange& status) {
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<RegisterView> out = Status::Internal("register entry was not created");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Organisation org, tx.orgs().Get(actor.organisation_id));
    RETURN_IF_ERROR(AuthorizeRegister(actor, org.type, RegisterAccess::kEdit));
    domain::RegisterEntry e;
    Apply(e, fields);
    e.status = status.status;
    e.status_date = status.status_date;
    e.source = status.source;
    RETURN_IF_ERROR(domain::ValidateRegisterEntry(e));
    RETURN_IF_ERROR(CheckStatusFields(status, today));
    RETURN_IF_ERROR(domain::CheckInitialStatus(e.status));
    e.stamp = domain::Stamp{1, actor.user_id, now, actor.user_id, now};
    ASSIGN_OR_RETURN(e.id, tx.register_entries().Insert(e));
    domain::RegisterHistory h{0, e.id, now, actor.user_id, "create", std::nullopt, e.status, e.status_date,
                              e.source, status.reason};
    ASSIGN_OR_RETURN(domain::Id hid, tx.register_entries().AddHistory(h));
    RETURN_IF_ERROR(tx.audit()
                        .Append(RegisterEvent(actor, now, "register.create", std::to_string(e.id),
                                              std::string(domain::Name(e.status)) + ", history " +
                                                  std::to_string(hid)))
                        .status());
    Names names(tx);
    out = ViewEntry(tx, names, actor, RegisterAccess::kEdit, std::move(e), today, true);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<RegisterView> RegisterService::Change(
    const Actor& actor, domain::Id id, int64_t version, const char* audit_action,
    const std::string& audit_detail,
    const std::function<Result<domain::RegisterHistory>(store::Tx&, domain::RegisterEntry&)>& apply) {
  if (version < 1) return Status::InvalidArgument("version must be given", "version");
  const Millis now = clock_.Now();
  const std::string today = FormatDate(now);
  Result<RegisterView> out = Status::Internal("register entry was not changed");
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::Organisation org, tx.orgs().Get(actor.organisation_id));
    RETURN_IF_ERROR(AuthorizeRegister(actor, org.type, RegisterAccess::kEdit));
    ASSIGN_OR_RETURN(domain::RegisterEntry e, tx.register_entries().Get(id));
    if (e.stamp.version != version)
      return Status::Conflict("the register entry was changed by someone else (now version " +
                              std::to_string(e.stamp.version) + "); reload it");
    const domain::RegisterStatus before = e.status;
    ASSIGN_OR_RETURN(domain::RegisterHistory h, apply(tx, e));
    e.stamp.version += 1;
    e.stamp.updated_by = actor.user_id;
    e.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.register_entries().Update(e));
    h.entry_id = e.id;
    h.at = now;
    h.actor_id = actor.user_id;
    ASSIGN_OR_RETURN(domain::Id hid, tx.register_entries().AddHistory(h));
    std::string detail = audit_detail + "history " + std::to_string(hid);
    if (before != e.status)
      detail = std::string(domain::Name(before)) + " -> " + std::string(domain::Name(e.status)) + ", " + detail;
    RETURN_IF_ERROR(tx.audit().Append(RegisterEvent(actor, now, audit_action, std::to_string(id), detail)).status());
    Names names(tx);
    out = ViewEntry(tx, names, actor, RegisterAccess::kEdit, std::move(e), today, true);
    return out.status();
  });
  if (!s.ok()) return s;
  return out;
}

Result<RegisterView> RegisterService::Edit(const Actor& actor, domain::Id id, int64_t version,
                                           const RegisterFields& fields, const std::string& reason) {
  return Change(actor, id, version, "register.edit", "",
                [&](store::Tx&, domain::RegisterEntry& e) -> Result<domain::RegisterHistory> {
                  Apply(e, fields);
                  RETURN_IF_ERROR(domain::ValidateRegisterEntry(e));
                  RETURN_IF_ERROR(domain::CheckRegisterReason(reason));
                  return SameStatus(e, "edit", reason);
                });
}

Result<RegisterView> RegisterService::ChangeStatus(const Actor& actor, domain::Id id, int64_t version,
                                                   const RegisterStatusChange& change) {
  const std::string today = FormatDate(clock_.Now());
  return Change(actor, id, version, "register.status", "",
                [&](store::Tx&, domain::RegisterEntry& e) -> Result<domain::RegisterHistory> {
                  RETURN_IF_ERROR(CheckStatusFields(change, today));
                  RETURN_IF_ERROR(domain::CheckStatusChange(e.status, change.status));
                  domain::RegisterHistory h{0, e.id, 0, 0, "status", e.status, change.status,
                                            change.status_date, change.source, change.reason};
                  e.status = change.status;
                  e.status_date = change.status_date;
                  e.source = change.source;
                  return h;
                });
}

Result<RegisterView> RegisterService::Link(const Actor& actor, domain::Id id, int64_t version,
                                           domain::Id case_id, const std::string& reason) {
  const Millis now = clock_.Now();
  return Change(actor, id, version, "register.link", "case " + std::to_string(case_id) + ", ",
                [&](store::Tx& tx, domain::RegisterEntry& e) -> Result<domain::RegisterHistory> {
                  RETURN_IF_ERROR(domain::CheckRegisterReason(reason));
                  RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
                  domain::RegisterCaseLink link{0, e.id, case_id, {1, actor.user_id, now, actor.user_id, now}};
                  RETURN_IF_ERROR(tx.register_entries().AddLink(link).status());
                  return SameStatus(e, "link", reason);
                });
}

Result<RegisterView> RegisterService::Unlink(const Actor& actor, domain::Id id, int64_t version,
                                             domain::Id case_id, const std::string& reason) {
  return Change(actor, id, version, "register.unlink", "case " + std::to_string(case_id) + ", ",
                [&](store::Tx& tx, domain::RegisterEntry& e) -> Result<domain::RegisterHistory> {
                  RETURN_IF_ERROR(domain::CheckRegisterReason(reason));
                  RETURN_IF_ERROR(LoadCaseFor(tx, actor, case_id, Action::kViewCase).status());
                  RETURN_IF_ERROR(tx.register_entries().RemoveLink(e.id, case_id));
                  return SameStatus(e, "unlink", reason);
                });
}

}  // namespace trm::service
