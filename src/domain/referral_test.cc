// The referral lifecycle table, every pair of status and action; and the
// checks on a new referral.
#include "domain/referral.h"

#include <gtest/gtest.h>

#include <map>

namespace trm::domain {
namespace {

using A = ReferralAction;
using S = ReferralStatus;

constexpr S kAllStatuses[] = {S::kDraft, S::kSent, S::kAccepted, S::kDeclined,
                              S::kInProgress, S::kCompleted, S::kClosed, S::kWithdrawn};
constexpr A kAllActions[] = {A::kSend, A::kAccept, A::kDecline, A::kWithdraw,
                             A::kStart, A::kComplete, A::kClose};

TEST(ReferralLifecycle, AllowsExactlyTheDrawnTransitions) {
  // (from, action) -> to; everything else is refused.
  const std::map<std::pair<S, A>, S> allowed{
      {{S::kDraft, A::kSend}, S::kSent},
      {{S::kDraft, A::kWithdraw}, S::kWithdrawn},
      {{S::kSent, A::kAccept}, S::kAccepted},
      {{S::kSent, A::kDecline}, S::kDeclined},
      {{S::kSent, A::kWithdraw}, S::kWithdrawn},
      {{S::kAccepted, A::kStart}, S::kInProgress},
      {{S::kAccepted, A::kComplete}, S::kCompleted},
      {{S::kInProgress, A::kComplete}, S::kCompleted},
      {{S::kAccepted, A::kClose}, S::kClosed},
      {{S::kInProgress, A::kClose}, S::kClosed},
  };
  int refused = 0;
  for (S from : kAllStatuses)
    for (A action : kAllActions) {
      auto t = FindTransition(from, action);
      auto it = allowed.find({from, action});
      if (it == allowed.end()) {
        EXPECT_EQ(t.status().code(), Code::kFailedPrecondition) << Name(from) << " " << Name(action);
        ++refused;
      } else {
        ASSERT_TRUE(t.ok()) << Name(from) << " " << Name(action);
        EXPECT_EQ(t->to, it->second);
      }
    }
  EXPECT_EQ(refused, 8 * 7 - 10);
  // Finished referrals take no action at all.
  for (S done : {S::kDeclined, S::kCompleted, S::kClosed, S::kWithdrawn}) {
    EXPECT_TRUE(IsFinished(done));
    for (A action : kAllActions) EXPECT_FALSE(FindTransition(done, action).ok());
  }
}

TEST(ReferralLifecycle, EachStepBelongsToOneSide) {
  EXPECT_EQ(FindTransition(S::kDraft, A::kSend)->side, ReferralSide::kSender);
  EXPECT_EQ(FindTransition(S::kSent, A::kWithdraw)->side, ReferralSide::kSender);
  EXPECT_EQ(FindTransition(S::kSent, A::kAccept)->side, ReferralSide::kReceiver);
  EXPECT_EQ(FindTransition(S::kSent, A::kDecline)->side, ReferralSide::kReceiver);
  EXPECT_EQ(FindTransition(S::kInProgress, A::kComplete)->side, ReferralSide::kReceiver);
  EXPECT_EQ(FindTransition(S::kInProgress, A::kClose)->side, ReferralSide::kEither);
  EXPECT_TRUE(NeedsNote(A::kDecline));
  EXPECT_TRUE(NeedsNote(A::kComplete));
  EXPECT_FALSE(NeedsNote(A::kAccept));
}

Referral Valid() {
  Referral r;
  r.from_organisation_id = 1;
  r.to_organisation_id = 2;
  r.services = {"legal_aid"};
  r.summary = "Woman, 24, unpaid wages in domestic work; needs a lawyer in Phnom Penh.";
  r.respond_by = "2026-12-01";
  return r;
}

TEST(ValidateReferral, RefusesEachBadFieldByName) {
  EXPECT_TRUE(ValidateReferral(Valid(), "2026-11-22").ok());
  auto field = [](Referral r) { return ValidateReferral(r, "2026-11-22").field(); };
  Referral r = Valid();
  r.to_organisation_id = 1;
  EXPECT_EQ(field(r), "to_organisation_id");
  r = Valid();
  r.services = {};
  EXPECT_EQ(field(r), "services");
  r.services = {"massage"};
  EXPECT_EQ(field(r), "services");
  r.services = {"legal_aid", "legal_aid"};
  EXPECT_EQ(field(r), "services");
  r = Valid();
  r.parts = {"task"};
  EXPECT_EQ(field(r), "parts") << "tasks stay with the sender";
  r.parts = {"diary"};
  EXPECT_EQ(field(r), "parts");
  r = Valid();
  r.summary = " ";
  EXPECT_EQ(field(r), "summary");
  r.summary = "a\x01";
  EXPECT_EQ(field(r), "summary");
  r = Valid();
  r.respond_by = "2026-11-21";
  EXPECT_EQ(field(r), "respond_by");
  r.respond_by = "soon";
  EXPECT_EQ(field(r), "respond_by");
}

TEST(DefaultParts, FollowTheServicesAndKeepOneOrder) {
  EXPECT_EQ(DefaultParts({"shelter"}), (std::vector<std::string>{"person", "needs_assessment"}));
  auto legal = DefaultParts({"legal_aid"});
  EXPECT_NE(std::find(legal.begin(), legal.end(), "perpetrator"), legal.end());
  EXPECT_EQ(std::find(legal.begin(), legal.end(), "note"), legal.end());
  EXPECT_EQ(DefaultParts({"interpretation"}), (std::vector<std::string>{"person"}));
  // Every directory service may be asked for, each with its parts.
  EXPECT_TRUE(IsReferralService("livelihood"));
  EXPECT_FALSE(IsReferralService("massage"));
  EXPECT_EQ(DefaultParts({"livelihood"}),
            (std::vector<std::string>{"person", "needs_assessment", "support_objective"}));
}

TEST(IsOverdue, OnlyWhileWaitingAndAfterTheDay) {
  Referral r = Valid();
  r.status = S::kSent;
  EXPECT_FALSE(IsOverdue(r, "2026-12-01")) << "the whole respond-by day counts";
  EXPECT_TRUE(IsOverdue(r, "2026-12-02"));
  r.status = S::kAccepted;
  EXPECT_FALSE(IsOverdue(r, "2026-12-02"));
  r.status = S::kDraft;
  EXPECT_FALSE(IsOverdue(r, "2026-12-02"));
}

}  // namespace
}  // namespace trm::domain
