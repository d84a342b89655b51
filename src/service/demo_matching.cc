#include "service/demo_matching.h"

#include "crypto/crypto.h"
#include "domain/reference.h"

namespace trm::service {
namespace {

constexpr Millis kDay = 24LL * 3600 * 1000;

domain::Person Recorded(const char* first, const char* second) {
  domain::Person p;
  p.first_name = first;
  p.second_name = second;
  p.birth_date = "1999-04-12";
  p.gender = domain::Gender::kFeminine;
  p.citizenship = {"LA"};
  p.languages = {"lo"};
  return p;
}

Status AddCase(store::Tx& tx, const domain::User& by, domain::Person person, Millis at) {
  domain::Case c;
  c.owner_organisation_id = by.organisation_id;
  c.assignee_id = by.id;
  c.team = {by.id};
  c.person = std::move(person);
  c.stamp = domain::Stamp{1, by.id, at, by.id, at};
  c.reference = domain::MakeCaseReference(crypto::Random8());
  ASSIGN_OR_RETURN(domain::Id id, tx.cases().Insert(c));
  return tx.audit()
      .Append({at, by.id, by.organisation_id, "case.create", "case", std::to_string(id), "local",
               "demo"})
      .status();
}

}  // namespace

Status AddDemoMatching(store::Tx& tx, Millis now) {
  ASSIGN_OR_RETURN(auto worker, tx.users().FindByUsername("th-shelter-caseworker"));
  ASSIGN_OR_RETURN(auto supervisor, tx.users().FindByUsername("th-shelter-supervisor"));
  if (!worker || !supervisor) return Status::Ok();
  RETURN_IF_ERROR(AddCase(tx, *worker, Recorded("ສຸກສະຫວັນ", "ແກ້ວມະນີ"), now - 150 * kDay));
  return AddCase(tx, *supervisor, Recorded("Souksavan", "Kaeomani"), now - 6 * kDay);
}

}  // namespace trm::service
