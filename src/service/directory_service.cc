#include "service/directory_service.h"

#include "service/policy.h"

namespace trm::service {
namespace {

store::AuditEvent ProfileEvent(const Actor& a, Millis at, const char* action, domain::Id org,
                               std::string detail) {
  return store::AuditEvent{at, a.user_id, a.organisation_id, action, "directory_profile",
                           std::to_string(org), a.ip, std::move(detail)};
}

std::string Beds(const std::optional<int>& n) { return n ? std::to_string(*n) : "-"; }

}  // namespace

Status CheckAgreementPartners(store::Tx& tx, domain::Id organisation_id,
                              const domain::ProfileDetails& d) {
  for (size_t i = 0; i < d.agreements.size(); ++i) {
    const std::string f = "agreements[" + std::to_string(i) + "].partner_organisation_id";
    const domain::Id partner = d.agreements[i].partner_organisation_id;
    if (partner == organisation_id)
      return Status::InvalidArgument("an agreement is with another organisation", f);
    if (!tx.orgs().Get(partner).ok()) return Status::InvalidArgument("no such organisation", f);
  }
  return Status::Ok();
}

Result<std::vector<DirectoryHit>> DirectoryService::Search(const Actor&,
                                                           const domain::DirectoryQuery& q) {
  RETURN_IF_ERROR(domain::ValidateDirectoryQuery(q));
  std::vector<domain::DirectoryProfile> all;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(all, tx.directory().List());
    return Status::Ok();
  }));
  std::vector<DirectoryHit> out;
  for (auto& m : domain::RankProfiles(all, q))
    out.push_back(DirectoryHit{*m.profile, m.score, std::move(m.matched), std::move(m.missed),
                               std::move(m.words)});
  return out;
}

Result<domain::DirectoryProfile> DirectoryService::Get(const Actor&, domain::Id organisation_id) {
  domain::DirectoryProfile p;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(p, tx.directory().Get(organisation_id));
    return Status::Ok();
  }));
  return p;
}

bool DirectoryService::MayEdit(const Actor& actor, domain::Id organisation_id) const {
  return AuthorizeDirectoryEdit(actor, organisation_id).ok();
}

Result<domain::DirectoryProfile> DirectoryService::Change(
    const Actor& actor, domain::Id organisation_id, int64_t version, const char* audit_action,
    const std::function<Status(store::Tx&, domain::DirectoryProfile&)>& apply) {
  if (version < 0) return Status::InvalidArgument("version must be 0 or more", "version");
  // Refused before the writer is asked: the rule needs no data. Input is
  // checked after this (in `apply`), so a refused actor learns nothing more.
  RETURN_IF_ERROR(AuthorizeDirectoryEdit(actor, organisation_id));
  const Millis now = clock_.Now();
  domain::DirectoryProfile saved;
  Status s = store_.Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(domain::DirectoryProfile p, tx.directory().Get(organisation_id));
    if (p.stamp.version != version)
      return Status::Conflict("the profile was changed by someone else (now version " +
                              std::to_string(p.stamp.version) + "); reload it");
    RETURN_IF_ERROR(apply(tx, p));
    if (p.stamp.version == 0) p.stamp = domain::Stamp{0, actor.user_id, now, 0, 0};
    p.stamp.version += 1;
    p.stamp.updated_by = actor.user_id;
    p.stamp.updated_at = now;
    RETURN_IF_ERROR(tx.directory().Save(p));
    ASSIGN_OR_RETURN(saved, tx.directory().Get(organisation_id));
    std::string detail = "version " + std::to_string(saved.stamp.version);
    if (std::string(audit_action) == "directory.capacity")
      detail += ", beds " + Beds(saved.capacity.free_beds) + "/" + Beds(saved.capacity.total_beds);
    return tx.audit().Append(ProfileEvent(actor, now, audit_action, organisation_id, detail)).status();
  });
  if (!s.ok()) return s;
  return saved;
}

Result<domain::DirectoryProfile> DirectoryService::Update(const Actor& actor,
                                                          domain::Id organisation_id,
                                                          int64_t version,
                                                          domain::ProfileDetails details) {
  return Change(actor, organisation_id, version, "directory.update",
                [&](store::Tx& tx, domain::DirectoryProfile& p) -> Status {
                  RETURN_IF_ERROR(domain::ValidateProfileDetails(details));
                  RETURN_IF_ERROR(CheckAgreementPartners(tx, organisation_id, details));
                  p.details = std::move(details);
                  return Status::Ok();
                });
}

Result<domain::DirectoryProfile> DirectoryService::UpdateCapacity(const Actor& actor,
                                                                  domain::Id organisation_id,
                                                                  int64_t version,
                                                                  std::optional<int> free_beds,
                                                                  std::optional<int> total_beds) {
  const Millis now = clock_.Now();
  return Change(actor, organisation_id, version, "directory.capacity",
                [&](store::Tx&, domain::DirectoryProfile& p) -> Status {
                  RETURN_IF_ERROR(domain::ValidateCapacity(free_beds, total_beds));
                  p.capacity = domain::Capacity{free_beds, total_beds, now, actor.user_id, ""};
                  return Status::Ok();
                });
}

}  // namespace trm::service
