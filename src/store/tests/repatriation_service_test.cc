// Repatriations on both engines: started only from an accepted referral for
// repatriation, the side and order rules, block and unblock, the handover,
// stale versions, what each side and a third organisation see, overdue steps,
// and the completed repatriations a report counts.
#include <gtest/gtest.h>

#include "domain/repatriation_flow_loader.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::ConsentDecision;
using domain::ConsentPurpose;
using domain::ReferralAction;
using domain::Role;
using domain::StepAction;
using domain::StepState;

constexpr Millis kDay = 86'400'000;

// consent (destination) -> tracing (origin) -> handover (both) -> follow-up (origin).
constexpr std::string_view kFlow =
    "flow: th-kh\ndestination: TH\norigin: KH\ntitle: Thailand to Cambodia\n"
    "step: consent | destination | 7 | Consent to return\n"
    "step: tracing | origin | 30 | Family tracing\n"
    "step: handover | both | 2 | Handover at the border\nrecords: handover\n"
    "step: follow-up | origin | 90 | Follow-up\n";

class RepatriationTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto flow = domain::ParseRepatriationFlow(kFlow, "th-kh.txt");
    ASSERT_TRUE(flow.ok()) << flow.status().ToString();
    repat_ = std::make_unique<service::RepatriationService>(store(), clock(),
                                                            std::vector<domain::RepatriationFlow>{*flow});
    th_ = AddOrg("Shelter Bangkok", "TH");
    kh_ = AddOrg("Ministry Phnom Penh", "KH");
    la_ = AddOrg("Ministry Vientiane", "LA");
    sg_ = AddOrg("Shelter Singapore", "SG");
    th_worker_ = AddUser(th_, "th-worker", Role::kCaseWorker);
    th_officer_ = AddUser(th_, "th-officer", Role::kRepatriationOfficer);
    th_admin_ = AddUser(th_, "th-admin", Role::kOrgAdmin);
    th_legal_ = AddUser(th_, "th-legal", Role::kLegalOfficer);
    kh_officer_ = AddUser(kh_, "kh-officer", Role::kRepatriationOfficer);
    kh_supervisor_ = AddUser(kh_, "kh-supervisor", Role::kSupervisor);
    kh_hotline_ = AddUser(kh_, "kh-hotline", Role::kHotlineOperator);
    la_officer_ = AddUser(la_, "la-officer", Role::kRepatriationOfficer);
    sg_worker_ = AddUser(sg_, "sg-worker", Role::kCaseWorker);
    auto c = app().cases().Create(th_worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok());
    case_id_ = c->c.id;
    for (auto purpose : {ConsentPurpose::kReferral, ConsentPurpose::kCrossBorderDisclosure}) {
      service::ConsentInput in;
      in.purpose = purpose;
      in.decision = ConsentDecision::kGiven;
      in.explained_in_language = "km";
      ASSERT_TRUE(app().casework().RecordConsent(th_worker_, case_id_, in).ok());
    }
  }

  service::RepatriationService& repat() { return *repat_; }

  // A referral from the Thai shelter, moved through `actions` (the receiver
  // answering), asking for `service`.
  domain::Id Referral(domain::Id to, const service::Actor& receiver, std::vector<ReferralAction> actions,
                      const std::string& service = "repatriation") {
    service::NewReferral in;
    in.to_organisation_id = to;
    in.services = {service};
    in.summary = "Wishes to go home.";
    in.respond_by = FormatDate(clock().Now() + 3 * kDay);
    auto r = app().referrals().Create(th_worker_, case_id_, in);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return 0;
    int64_t version = r->referral.stamp.version;
    for (ReferralAction a : actions) {
      const service::Actor& who = a == ReferralAction::kSend ? th_worker_ : receiver;
      auto next = app().referrals().Act(who, r->referral.id, version, a, "", "");
      EXPECT_TRUE(next.ok()) << next.status().ToString();
      if (next.ok()) version = next->referral.stamp.version;
    }
    return r->referral.id;
  }
  domain::Id Accepted() { return Referral(kh_, kh_officer_, {ReferralAction::kSend, ReferralAction::kAccept}); }

  const service::RepatriationStepView& Step(const service::RepatriationView& v, const std::string& code) {
    for (const auto& s : v.steps)
      if (s.step.code == code) return s;
    ADD_FAILURE() << "no step " << code;
    return v.steps.front();
  }
  Result<service::RepatriationView> Do(const service::Actor& a, const service::RepatriationView& v,
                                       const std::string& code, StepAction action, domain::StepInput in = {}) {
    const auto& s = Step(v, code).step;
    return repat().Act(a, v.repatriation.id, s.id, s.stamp.version, action, in);
  }
  domain::StepInput Today(std::string notes = "") { return {FormatDate(clock().Now()), std::move(notes), {}, "", {}}; }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  std::unique_ptr<service::RepatriationService> repat_;
  domain::Id th_ = 0, kh_ = 0, la_ = 0, sg_ = 0, case_id_ = 0;
  service::Actor th_worker_, th_officer_, th_admin_, th_legal_, kh_officer_, kh_supervisor_, kh_hotline_,
      la_officer_, sg_worker_;
};

TEST_P(RepatriationTest, StartsOnlyFromAnAcceptedReferralForRepatriation) {
  const domain::Id draft = Referral(kh_, kh_officer_, {});
  EXPECT_EQ(repat().Start(th_worker_, draft).status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(repat().Start(kh_officer_, draft).status().code(), Code::kNotFound) << "a draft is the sender's";
  const domain::Id sent = Referral(kh_, kh_officer_, {ReferralAction::kSend});
  EXPECT_EQ(repat().Start(kh_officer_, sent).status().code(), Code::kFailedPrecondition);
  const domain::Id legal = Referral(kh_, kh_officer_, {ReferralAction::kSend, ReferralAction::kAccept}, "legal_aid");
  EXPECT_EQ(repat().Start(kh_officer_, legal).status().code(), Code::kFailedPrecondition);
  const domain::Id to_sg = Referral(sg_, sg_worker_, {ReferralAction::kSend, ReferralAction::kAccept});
  auto no_flow = repat().Start(th_worker_, to_sg);
  EXPECT_EQ(no_flow.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(no_flow.status().message().find("from TH to SG"), std::string::npos) << no_flow.status().message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repatriations"), 0);

  const domain::Id accepted = Accepted();
  EXPECT_EQ(repat().Start(la_officer_, accepted).status().code(), Code::kNotFound) << "a third organisation";
  EXPECT_EQ(repat().Start(kh_hotline_, accepted).status().code(), Code::kPermissionDenied);
  auto r = repat().Start(kh_officer_, accepted);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->repatriation.flow_id, "th-kh");
  EXPECT_EQ(r->repatriation.destination_organisation_id, th_);
  EXPECT_EQ(r->repatriation.origin_organisation_id, kh_);
  EXPECT_EQ(r->side, domain::RepatriationSide::kOrigin);
  ASSERT_EQ(r->steps.size(), 4u);
  EXPECT_EQ(r->steps[0].flow_step->title.en, "Consent to return");
  EXPECT_EQ(r->steps[0].schedule.due_on, FormatDate(clock().Now() + 7 * kDay));
  EXPECT_EQ(repat().Start(th_worker_, accepted).status().code(), Code::kAlreadyExists);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repatriations"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'repatriation.start'"), 1);
}

TEST_P(RepatriationTest, OnlyTheResponsibleSideActsAndOnlyInOrder) {
  auto r = repat().Start(th_worker_, Accepted());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(Step(*r, "tracing").may_act) << "the origin side's step";
  EXPECT_EQ(Do(kh_officer_, *r, "consent", StepAction::kComplete, Today()).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Do(th_worker_, *r, "tracing", StepAction::kComplete, Today()).status().code(), Code::kPermissionDenied);
  auto early = Do(kh_officer_, *r, "tracing", StepAction::kComplete, Today());
  EXPECT_EQ(early.status().code(), Code::kFailedPrecondition) << "consent first";
  EXPECT_EQ(Do(th_admin_, *r, "consent", StepAction::kComplete, Today()).status().code(), Code::kPermissionDenied)
      << "an admin reads only";
  EXPECT_EQ(Do(th_legal_, *r, "consent", StepAction::kComplete, Today()).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repatriation_steps WHERE state <> 'pending'"), 0) << "nothing changed";

  // A repatriation officer not on the case's team works the flow all the same.
  auto done = Do(th_officer_, *r, "consent", StepAction::kComplete, Today("Agreed in Khmer with an interpreter"));
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(Step(*done, "consent").step.state, StepState::kDone);
  EXPECT_EQ(Step(*done, "consent").done_by_name, "User th-officer");
  // Skipping needs a reason, and counts as finished for the order rule.
  EXPECT_EQ(Do(kh_officer_, *done, "tracing", StepAction::kSkip, Today()).status().code(), Code::kInvalidArgument);
  auto skip_in = Today();
  skip_in.reason = "Family came forward on its own";
  auto skipped = Do(kh_officer_, *done, "tracing", StepAction::kSkip, skip_in);
  ASSERT_TRUE(skipped.ok()) << skipped.status().ToString();
  EXPECT_EQ(Step(*skipped, "tracing").step.reason, "Family came forward on its own");
  EXPECT_TRUE(Step(*skipped, "handover").schedule.ready);
  // Done is done.
  EXPECT_EQ(Do(th_worker_, *skipped, "consent", StepAction::kBlock, {"", "", {}, "why", {}}).status().code(),
            Code::kFailedPrecondition);
}

TEST_P(RepatriationTest, BlockedStepsShowWhyAndWaitToBeUnblocked) {
  auto r = repat().Start(th_worker_, Accepted());
  ASSERT_TRUE(r.ok());
  auto blocked = Do(th_worker_, *r, "consent", StepAction::kBlock, {"", "", {}, "Waiting for a Khmer interpreter", {}});
  ASSERT_TRUE(blocked.ok()) << blocked.status().ToString();
  EXPECT_EQ(blocked->blocked_steps, 1);
  auto seen = repat().Get(kh_officer_, r->repatriation.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(Step(*seen, "consent").step.state, StepState::kBlocked);
  EXPECT_EQ(Step(*seen, "consent").step.reason, "Waiting for a Khmer interpreter") << "the other side sees why";
  EXPECT_EQ(Do(th_worker_, *blocked, "consent", StepAction::kComplete, Today()).status().code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(Do(kh_officer_, *blocked, "consent", StepAction::kUnblock).status().code(), Code::kPermissionDenied);
  auto unblocked = Do(th_worker_, *blocked, "consent", StepAction::kUnblock);
  ASSERT_TRUE(unblocked.ok()) << unblocked.status().ToString();
  EXPECT_EQ(Step(*unblocked, "consent").step.state, StepState::kPending);
  EXPECT_TRUE(Step(*unblocked, "consent").step.reason.empty());
  EXPECT_TRUE(Do(th_worker_, *unblocked, "consent", StepAction::kComplete, Today()).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'repatriation.step.%'"), 3);
}

TEST_P(RepatriationTest, AStaleVersionChangesNothing) {
  auto r = repat().Start(th_worker_, Accepted());
  ASSERT_TRUE(r.ok());
  const auto& consent = Step(*r, "consent").step;
  ASSERT_TRUE(Do(th_worker_, *r, "consent", StepAction::kBlock, {"", "", {}, "x", {}}).ok());
  auto stale = repat().Act(th_officer_, r->repatriation.id, consent.id, consent.stamp.version, StepAction::kBlock,
                           {"", "", {}, "y", {}});
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  auto now = repat().Get(th_worker_, r->repatriation.id);
  EXPECT_EQ(Step(*now, "consent").step.reason, "x");
  EXPECT_EQ(repat().Act(th_worker_, r->repatriation.id, 999999, 1, StepAction::kUnblock, {}).status().code(),
            Code::kNotFound);
}

TEST_P(RepatriationTest, HandoverRecordsWhoHandedOverToWhomAndTheLastStepCompletesIt) {
  auto r = repat().Start(th_worker_, Accepted());
  ASSERT_TRUE(r.ok());
  auto v = Do(th_worker_, *r, "consent", StepAction::kComplete, Today());
  ASSERT_TRUE(v.ok());
  auto in = Today("Mother and two brothers found in Prey Veng");
  in.documents = {{"Family assessment report", "FA-2026-114"}};
  v = Do(kh_officer_, *v, "tracing", StepAction::kComplete, in);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  clock().Advance(5 * kDay);
  EXPECT_EQ(Do(kh_officer_, *v, "handover", StepAction::kComplete, Today()).status().code(), Code::kInvalidArgument)
      << "no handover record";
  auto h = Today();
  h.handover = domain::Handover{"Officer Somchai Rakdee", "Shelter Bangkok", "Officer Dara Sok",
                                "Ministry Phnom Penh", "Poipet international border checkpoint",
                                FormatDate(clock().Now())};
  h.documents = {{"Certificate of identity", "KH-CI-0042"}};
  auto handed = Do(kh_officer_, *v, "handover", StepAction::kComplete, h);  // "both": either side
  ASSERT_TRUE(handed.ok()) << handed.status().ToString();
  // The Thai side sees who took the person over.
  auto seen = repat().Get(th_worker_, r->repatriation.id);
  ASSERT_TRUE(seen.ok());
  const auto& step = Step(*seen, "handover").step;
  ASSERT_TRUE(step.handover);
  EXPECT_EQ(step.handover->to_person, "Officer Dara Sok");
  EXPECT_EQ(step.documents.at(0).number, "KH-CI-0042");
  EXPECT_EQ(seen->repatriation.status, domain::RepatriationStatus::kActive);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM repatriation_steps WHERE details LIKE '%Dara%'"), 0) << "sealed at rest";

  clock().Advance(30 * kDay);
  auto last = Do(kh_officer_, *seen, "follow-up", StepAction::kComplete, Today("Back at school; family supportive"));
  ASSERT_TRUE(last.ok()) << last.status().ToString();
  EXPECT_EQ(last->repatriation.status, domain::RepatriationStatus::kCompleted);
  EXPECT_EQ(last->repatriation.completed_on, FormatDate(clock().Now()));
  EXPECT_FALSE(Step(*last, "follow-up").may_act);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'repatriation.complete'"), 1);

  // What a report counts: completed in the period, with the duration.
  std::vector<store::CompletedRepatriation> done;
  ASSERT_TRUE(store().Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(done, tx.repatriations().CompletedBetween(FormatDate(clock().Now() - kDay),
                                                               FormatDate(clock().Now() + kDay)));
    return Status::Ok();
  }).ok());
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].duration_days, 35);
  EXPECT_EQ(done[0].origin_country, "KH");
  std::vector<store::CompletedRepatriation> before;
  ASSERT_TRUE(store().Read([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(before, tx.repatriations().CompletedBetween("2000-01-01", FormatDate(clock().Now())));
    return Status::Ok();
  }).ok());
  EXPECT_TRUE(before.empty()) << "the end of the period is exclusive";
}

TEST_P(RepatriationTest, BothSidesSeeItAndNobodyElseDoes) {
  const domain::Id referral = Accepted();
  auto r = repat().Start(th_worker_, referral);
  ASSERT_TRUE(r.ok());
  const domain::Id id = r->repatriation.id;
  auto mine = repat().Get(th_worker_, id);
  ASSERT_TRUE(mine.ok());
  EXPECT_FALSE(mine->case_reference.empty()) << "the destination side's own case";
  auto theirs = repat().Get(kh_supervisor_, id);
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(theirs->case_reference.empty()) << "the origin side learns nothing of the case";
  EXPECT_TRUE(repat().Get(th_admin_, id).ok());
  EXPECT_TRUE(repat().OfReferral(kh_officer_, referral).ok());
  EXPECT_EQ(repat().Get(la_officer_, id).status().code(), Code::kNotFound);
  EXPECT_EQ(repat().OfReferral(la_officer_, referral).status().code(), Code::kNotFound);
  EXPECT_EQ(repat().Get(kh_hotline_, id).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(Do(la_officer_, *r, "consent", StepAction::kComplete, Today()).status().code(), Code::kNotFound);
  auto la_list = repat().List(la_officer_, std::nullopt);
  ASSERT_TRUE(la_list.ok());
  EXPECT_TRUE(la_list->empty());
  auto kh_list = repat().List(kh_officer_, domain::RepatriationStatus::kActive);
  ASSERT_TRUE(kh_list.ok());
  ASSERT_EQ(kh_list->size(), 1u);
  EXPECT_EQ(kh_list->at(0).repatriation.id, id);
  EXPECT_TRUE(repat().List(kh_officer_, domain::RepatriationStatus::kCompleted)->empty());
  EXPECT_EQ(repat().List(kh_hotline_, std::nullopt).status().code(), Code::kPermissionDenied);
}

TEST_P(RepatriationTest, AStepPastItsExpectedDaysIsOverdue) {
  auto r = repat().Start(th_worker_, Accepted());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->overdue_steps, 0);
  clock().Advance(8 * kDay);
  auto late = repat().Get(kh_officer_, r->repatriation.id);
  ASSERT_TRUE(late.ok());
  EXPECT_TRUE(Step(*late, "consent").schedule.overdue);
  EXPECT_FALSE(Step(*late, "tracing").schedule.overdue) << "not ready yet";
  EXPECT_EQ(late->overdue_steps, 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, RepatriationTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
