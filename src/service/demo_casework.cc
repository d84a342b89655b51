#include "service/demo_casework.h"

#include "domain/case_form.h"

namespace trm::service {
namespace {

using domain::EntryFields;

struct Story {
  const char* recruited_in;
  const char* recruitment_place;
  const char* exploited_in;
  const char* exploitation_place;
  const char* industry;
  const char* control;
  const char* need;
  const char* support_type;
  const char* objective;
  const char* action;
};

// Patterns reported in the region, with invented places and details.
constexpr Story kStories[] = {
    {"KH", "Village near Battambang, offered work by a neighbour", "TH",
     "Fishing boat out of Samut Sakhon", "A_AgricultureForestryAndFishing", "DebtBondage", "legal",
     "Legal", "Recover unpaid wages from the boat owner", "File a claim with the labour office"},
    {"MM", "Bus station in Myawaddy, job advert on Facebook", "TH", "Garment workshop, Mae Sot",
     "C_Manufacturing", "WithholdsDocuments", "documents", "Livelihood",
     "Safe work or training after return", "Enrol in a tailoring course"},
    {"LA", "Recruited through a friend at a village festival", "TH",
     "Private house in Bangkok, domestic work", "T_ActivitiesOfHouseholdsAsEmployers",
     "RestrictsFinancialAccess", "psychological", "Health", "Recover from trauma",
     "Weekly counselling sessions"},
    {"VN", "Online job offer for a casino in a border town", "KH",
     "Scam compound, Sihanoukville", "N_AdministrativeAndSupportServiceActivities",
     "PhysicalThreats", "repatriation", "SocialCare", "Return home safely and reunite with family",
     "Arrange travel documents with the embassy"},
};

Status Insert(store::Tx& tx, const domain::Case& c, const char* kind, EntryFields fields, Millis now) {
  const domain::CaseForm* form = domain::FindCaseForm(kind);
  if (!form) return Status::Internal(std::string("demo uses an unknown entry kind ") + kind);
  RETURN_IF_ERROR(domain::ValidateEntry(*form, fields));
  domain::CaseEntry e;
  e.case_id = c.id;
  e.kind = kind;
  e.index = domain::IndexOf(*form, fields);
  e.fields = std::move(fields);
  const domain::Id by = c.assignee_id.value_or(0);
  e.stamp = domain::Stamp{1, by, now, by, now};
  ASSIGN_OR_RETURN(e.id, tx.entries().Insert(e));
  return tx.audit()
      .Append({now, by, c.owner_organisation_id, "case.entry.add", "case", std::to_string(c.id),
               "local", std::string("demo ") + kind})
      .status();
}

}  // namespace

Status AddDemoEntries(store::Tx& tx, const domain::Case& c, uint32_t seed, Millis now) {
  const Story& s = kStories[seed % std::size(kStories)];
  const std::string today = FormatDate(now);
  const std::string soon = FormatDate(now + (seed % 3 == 0 ? -2 : 5) * 86'400'000LL);
  RETURN_IF_ERROR(Insert(tx, c, "event",
                         {{"type", std::string("Recruitment")},
                          {"country", std::string(s.recruited_in)},
                          {"place", std::string(s.recruitment_place)}},
                         now));
  RETURN_IF_ERROR(Insert(tx, c, "event",
                         {{"type", std::string("Exploitation")},
                          {"country", std::string(s.exploited_in)},
                          {"place", std::string(s.exploitation_place)}},
                         now));
  RETURN_IF_ERROR(Insert(tx, c, "victim_context",
                         {{"exploitation_types", std::vector<std::string>{"ForcedLabour"}},
                          {"forced_labour_industry", std::string(s.industry)},
                          {"control_methods", std::vector<std::string>{s.control}}},
                         now));
  RETURN_IF_ERROR(Insert(tx, c, "needs_assessment",
                         {{"assessed_on", today},
                          {"needs", std::vector<std::string>{"shelter", s.need}},
                          {"risk_level", std::string(seed % 2 ? "medium" : "high")}},
                         now));
  RETURN_IF_ERROR(Insert(tx, c, "support_objective",
                         {{"type", std::string(s.support_type)},
                          {"objective", std::string(s.objective)},
                          {"status", std::string("in_progress")}},
                         now));
  if (c.assignee_id) {
    RETURN_IF_ERROR(Insert(tx, c, "task",
                           {{"title", std::string(s.action)},
                            {"due_on", soon},
                            {"assignee", int64_t{*c.assignee_id}}},
                           now));
  }
  return Status::Ok();
}

}  // namespace trm::service
