#include "service/demo_tracing.h"

#include <map>
#include <optional>
#include <string>

#include "domain/consent.h"
#include "domain/tracing.h"
#include "store/stamp.h"

namespace trm::service {
namespace {

constexpr Millis kDay = 86'400'000;

// How a Cambodian family might write the demo's Khmer name parts
// (demo_network.cc) in Latin letters.
const std::map<std::string, std::string>& LatinOf() {
  static const std::map<std::string, std::string> kLatin = {
      {"សុខា", "Sokha"},   {"ដារ៉ា", "Dara"},     {"សុភាព", "Sopheap"}, {"ចន្ទា", "Chantha"},
      {"វណ្ណា", "Vanna"},  {"សុផល", "Sophal"},   {"ស្រីនាង", "Sreyneang"}, {"បូរ៉ា", "Bora"},
      {"ចាន់", "Chan"},    {"សុខ", "Sok"},        {"ហេង", "Heng"},     {"លី", "Ly"},
      {"ឈឹម", "Chhim"},   {"គង់", "Kong"},       {"ពៅ", "Pov"},
  };
  return kLatin;
}

std::optional<std::string> Latin(const std::string& khmer) {
  auto it = LatinOf().find(khmer);
  if (it == LatinOf().end()) return std::nullopt;
  return it->second;
}

// The first open case of a Thai organisation whose Cambodian person has both
// name parts in the table.
Result<std::optional<domain::Case>> FindCase(store::Tx& tx) {
  ASSIGN_OR_RETURN(auto orgs, tx.orgs().List());
  for (const auto& org : orgs) {
    if (org.country != "TH") continue;
    store::CaseScope scope{0, org.id, true, false};
    store::CaseFilter filter;
    filter.status = domain::CaseStatus::kOpen;
    filter.page_size = 100;
    ASSIGN_OR_RETURN(auto page, tx.cases().List(scope, filter));
    for (auto& c : page.items) {
      if (c.person.citizenship != std::vector<std::string>{"KH"} || !c.assignee_id) continue;
      if (c.person.gender != domain::Gender::kFeminine) continue;  // the story is a daughter's
      if (Latin(c.person.first_name) && Latin(c.person.second_name)) return std::optional(std::move(c));
    }
  }
  return std::optional<domain::Case>();
}

}  // namespace

Status AddDemoTracing(store::Tx& tx, Millis now) {
  ASSIGN_OR_RETURN(auto officer, tx.users().FindByUsername("kh-shelter-caseworker"));
  if (!officer) return Status::Ok();
  ASSIGN_OR_RETURN(auto found, FindCase(tx));
  if (!found) return Status::Ok();
  const domain::Case& c = *found;

  // The person agreed that organisations in Cambodia may trace her family.
  domain::ConsentRecord consent;
  consent.case_id = c.id;
  consent.purpose = domain::ConsentPurpose::kFamilyTracing;
  consent.scope = {domain::ConsentScope::Kind::kCountry, "KH", 0};
  consent.decided_at = now - 12 * kDay;
  consent.explained_in_language = "km";
  consent.interpreter_used = true;
  consent.recorded_by = *c.assignee_id;
  RETURN_IF_ERROR(tx.casework().AddConsent(consent, now - 12 * kDay).status());

  domain::TracingRequest r;
  r.organisation_id = officer->organisation_id;
  r.officer_id = officer->id;
  r.searcher = {"Demo searcher (mother)", "mother",
                "Through the village chief of Ou Chrov, +855 12 000 000 (demo)"};
  r.sought.person.first_name = *Latin(c.person.first_name);
  r.sought.person.second_name = *Latin(c.person.second_name);
  r.sought.person.gender = c.person.gender;
  r.sought.person.citizenship = {"KH"};
  if (c.person.birth_date) {
    r.sought.person.birth_date = c.person.birth_date;
  } else {
    r.sought.person.approximate_age = c.person.approximate_age;
  }
  r.sought.last_known_place = "Poipet, crossing to Thailand";
  r.sought.remembers =
      "Left with a broker two years ago for factory work in Thailand; called once from Bangkok, "
      "then no news. Has a scar on her left hand. (demo)";
  const Millis filed = now - 5 * kDay;
  r.stamp = store::NewStamp(officer->id, filed);
  RETURN_IF_ERROR(domain::ValidateTracingRequest(r));
  ASSIGN_OR_RETURN(r.id, tx.tracing().Insert(r));
  return tx.audit()
      .Append({now, officer->id, officer->organisation_id, "tracing.create", "tracing_request",
               std::to_string(r.id), "local", "demo"})
      .status();
}

}  // namespace trm::service
