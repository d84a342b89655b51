#include "service/demo_repatriation.h"

#include <algorithm>

#include "domain/referral.h"
#include "domain/repatriation.h"

namespace trm::service {
namespace {

constexpr Millis kDay = 86'400'000;

// The demo ministries that receive repatriations, by country (demo_network.cc).
const char* MinistryOf(const std::string& country) {
  if (country == "KH") return "kh-ministry";
  if (country == "LA") return "la-ministry";
  if (country == "MM") return "mm-ministry";
  if (country == "VN") return "vn-ministry";
  return nullptr;
}

struct Found {
  domain::Case c;
  domain::Id origin_org = 0;
  domain::Id origin_user = 0;
  const domain::RepatriationFlow* flow = nullptr;
};

// Open cases of Thai organisations whose person comes from a country with a flow.
Result<std::vector<Found>> Candidates(store::Tx& tx, const std::vector<domain::RepatriationFlow>& flows) {
  std::vector<Found> out;
  ASSIGN_OR_RETURN(auto orgs, tx.orgs().List());
  for (const auto& org : orgs) {
    if (org.country != "TH") continue;
    store::CaseScope scope{0, org.id, true, false};
    store::CaseFilter filter;
    filter.status = domain::CaseStatus::kOpen;
    filter.page_size = 100;
    ASSIGN_OR_RETURN(auto page, tx.cases().List(scope, filter));
    for (auto& c : page.items) {
      if (c.person.citizenship.empty() || !c.assignee_id) continue;
      const std::string& from = c.person.citizenship.front();
      const domain::RepatriationFlow* flow = domain::FindFlow(flows, "TH", from);
      const char* ministry = MinistryOf(from);
      if (!flow || !ministry) continue;
      ASSIGN_OR_RETURN(auto user, tx.users().FindByUsername(std::string(ministry) + "-repatriation"));
      if (!user) continue;
      const bool same_origin = std::any_of(out.begin(), out.end(), [&](const Found& f) { return f.flow == flow; });
      if (same_origin) continue;  // two different pairs of countries
      out.push_back({std::move(c), user->organisation_id, user->id, flow});
      if (out.size() == 2) return out;
    }
  }
  return out;
}

Status AddOne(store::Tx& tx, const Found& f, bool complete, Millis now) {
  const domain::Case& c = f.c;
  const domain::Id worker = *c.assignee_id;
  const Millis started = now - (complete ? 130 : 20) * kDay;
  // The consent the referral needed, recorded when it was sent.
  for (auto purpose : {domain::ConsentPurpose::kReferral, domain::ConsentPurpose::kCrossBorderDisclosure}) {
    domain::ConsentRecord r;
    r.case_id = c.id;
    r.purpose = purpose;
    r.scope = {domain::ConsentScope::Kind::kCountry, f.flow->origin, 0};
    r.decided_at = started - 2 * kDay;
    r.explained_in_language = c.person.languages.empty() ? "en" : c.person.languages.front();
    r.interpreter_used = true;
    r.recorded_by = worker;
    RETURN_IF_ERROR(tx.casework().AddConsent(r, started - 2 * kDay).status());
  }
  domain::Referral ref;
  ref.case_id = c.id;
  ref.from_organisation_id = c.owner_organisation_id;
  ref.to_organisation_id = f.origin_org;
  ref.status = domain::ReferralStatus::kAccepted;
  ref.reason = domain::ReferralReason::kMigrationOrChangeOfLocation;
  ref.services = {"repatriation"};
  ref.parts = domain::DefaultParts(ref.services);
  ref.respond_by = FormatDate(started + 2 * kDay);
  ref.summary = "Wishes to return home to her family; identity documents lost (demo).";
  ref.sent_at = started - kDay;
  ref.answered_at = started;
  ref.stamp = domain::Stamp{2, worker, started - kDay, f.origin_user, started};
  ASSIGN_OR_RETURN(ref.id, tx.referrals().Insert(ref));
  for (auto [kind, at, by, org] : {std::tuple{"create", started - kDay, worker, c.owner_organisation_id},
                                   std::tuple{"send", started - kDay, worker, c.owner_organisation_id},
                                   std::tuple{"accept", started, f.origin_user, f.origin_org}})
    RETURN_IF_ERROR(tx.referrals().AddEvent({0, ref.id, at, by, org, kind, ""}).status());

  domain::Repatriation r;
  r.referral_id = ref.id;
  r.case_id = c.id;
  r.destination_organisation_id = c.owner_organisation_id;
  r.origin_organisation_id = f.origin_org;
  r.flow_id = f.flow->id;
  r.destination_country = "TH";
  r.origin_country = f.flow->origin;
  r.started_on = FormatDate(started);
  r.stamp = domain::Stamp{1, worker, started, worker, started};
  auto steps = domain::StepsOf(*f.flow);
  // Complete: every step, ten days apart. Halfway: the first four, four days
  // apart, with the nationality verification blocked.
  for (size_t i = 0; i < steps.size(); ++i) {
    domain::RepatriationStep& s = steps[i];
    const bool done = complete || i < 4;
    if (!done) continue;
    const Millis at = started + static_cast<Millis>(i + 1) * (complete ? 10 : 4) * kDay;
    const bool origin = s.side == domain::RepatriationSide::kOrigin;
    if (!complete && s.code == "nationality-verification") {
      s.state = domain::StepState::kBlocked;
      s.reason = "Waiting for the district office to confirm the birth record (demo).";
      continue;
    }
    s.state = domain::StepState::kDone;
    s.done_on = FormatDate(at);
    s.done_by = origin ? f.origin_user : worker;
    s.notes = "Done as agreed (demo).";
    if (s.records_handover) {
      s.handover = domain::Handover{"Ms. Kanya Srisawat (demo officer)", "Thai side (demo)",
                                    "Mr. Vibol Chea (demo officer)", "Origin side (demo)",
                                    "International border checkpoint (demo)", s.done_on};
      s.documents = {{"Signed handover record", "HO-DEMO-001"}};
    }
    if (complete) r.completed_on = s.done_on;
  }
  if (complete) {
    r.status = domain::RepatriationStatus::kCompleted;
    r.completed_at = DateStart(r.completed_on);
    r.stamp = domain::Stamp{2, worker, started, steps.back().done_by.value_or(worker), r.completed_at};
  }
  ASSIGN_OR_RETURN(r.id, tx.repatriations().Insert(r));
  for (auto& s : steps) {
    s.repatriation_id = r.id;
    const Millis at = s.done_on.empty() ? started : DateStart(s.done_on);
    const domain::Id by = s.done_by.value_or(worker);
    s.stamp = domain::Stamp{s.state == domain::StepState::kPending ? 1 : 2, worker, started, by, at};
    RETURN_IF_ERROR(tx.repatriations().InsertStep(s).status());
  }
  return tx.audit()
      .Append({now, worker, c.owner_organisation_id, "repatriation.start", "repatriation", std::to_string(r.id),
               "local", "demo"})
      .status();
}

}  // namespace

Status AddDemoRepatriations(store::Tx& tx, const std::vector<domain::RepatriationFlow>& flows, Millis now) {
  ASSIGN_OR_RETURN(auto found, Candidates(tx, flows));
  for (size_t i = 0; i < found.size(); ++i) RETURN_IF_ERROR(AddOne(tx, found[i], i == 1, now));
  return Status::Ok();
}

}  // namespace trm::service
