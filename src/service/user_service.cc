#include "service/user_service.h"

#include "domain/codes.h"
#include "domain/validation.h"
#include "service/policy.h"

namespace trm::service {

Result<std::vector<domain::User>> UserService::ListOwnOrganisation(const Actor& actor) {
  RETURN_IF_ERROR(Authorize(actor, Action::kListOwnOrganisationUsers));
  std::vector<domain::User> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, tx.users().ListByOrganisation(actor.organisation_id));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<domain::Organisation>> UserService::ListOrganisations() {
  std::vector<domain::Organisation> out;
  RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(out, tx.orgs().List());
    return Status::Ok();
  }));
  return out;
}

Result<domain::Id> AddOrganisation(store::Tx& tx, domain::Organisation org, Millis now) {
  RETURN_IF_ERROR(domain::CheckText(org.name, "name", 200));
  if (org.name.empty()) return Status::InvalidArgument("name is required", "name");
  if (!domain::IsCountryCode(org.country))
    return Status::InvalidArgument("unknown country code", "country");
  org.stamp = domain::Stamp{1, 0, now, 0, now};
  ASSIGN_OR_RETURN(domain::Id id, tx.orgs().Insert(org));
  RETURN_IF_ERROR(tx.audit()
                      .Append({now, std::nullopt, std::nullopt, "organisation.create",
                               "organisation", std::to_string(id), "local", ""})
                      .status());
  return id;
}

Result<domain::Id> AddUser(store::Tx& tx, domain::User user, const std::string& password,
                           crypto::PasswordCost cost, Millis now) {
  RETURN_IF_ERROR(domain::CheckText(user.username, "username", 100));
  RETURN_IF_ERROR(domain::CheckText(user.display_name, "display_name", 200));
  if (user.username.empty()) return Status::InvalidArgument("username is required", "username");
  if (domain::CodePointCount(password) < 10)
    return Status::InvalidArgument("password needs at least 10 characters", "password");
  ASSIGN_OR_RETURN(std::string hash, crypto::HashPassword(password, cost));
  user.stamp = domain::Stamp{1, 0, now, 0, now};
  ASSIGN_OR_RETURN(domain::Id id, tx.users().Insert(user, hash));
  RETURN_IF_ERROR(tx.audit()
                      .Append({now, std::nullopt, user.organisation_id, "user.create", "user",
                               std::to_string(id), "local", std::string(domain::Name(user.role))})
                      .status());
  return id;
}

}  // namespace trm::service
