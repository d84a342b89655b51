#include "domain/repatriation.h"

#include <gtest/gtest.h>

namespace trm::domain {
namespace {

using A = StepAction;
using S = StepState;

// consent (destination) -> tracing (origin), verify (origin, after consent)
// -> handover (both, after tracing and verify).
std::vector<RepatriationStep> Toy() {
  RepatriationFlow f;
  f.steps = {
      {"consent", RepatriationSide::kDestination, 7, {}, {}, {}, false},
      {"tracing", RepatriationSide::kOrigin, 30, {}, {"consent"}, {}, false},
      {"verify", RepatriationSide::kOrigin, 20, {}, {"consent"}, {}, false},
      {"handover", RepatriationSide::kBoth, 2, {}, {"tracing", "verify"}, {}, true},
  };
  return StepsOf(f);
}

TEST(Repatriation, StepTransitionsFollowTheTable) {
  EXPECT_EQ(*StepTransition(S::kPending, A::kComplete), S::kDone);
  EXPECT_EQ(*StepTransition(S::kPending, A::kSkip), S::kSkipped);
  EXPECT_EQ(*StepTransition(S::kPending, A::kBlock), S::kBlocked);
  EXPECT_EQ(*StepTransition(S::kBlocked, A::kUnblock), S::kPending);
  for (auto [from, action] : {std::pair{S::kBlocked, A::kComplete}, {S::kBlocked, A::kBlock},
                              {S::kPending, A::kUnblock}, {S::kDone, A::kComplete}, {S::kDone, A::kBlock},
                              {S::kSkipped, A::kComplete}, {S::kDone, A::kSkip}}) {
    auto r = StepTransition(from, action);
    EXPECT_EQ(r.status().code(), Code::kFailedPrecondition) << Name(from) << " " << Name(action);
  }
}

TEST(Repatriation, SidesActOnTheirOwnStepsAndBothOnShared) {
  using Side = RepatriationSide;
  EXPECT_TRUE(SideMayAct(Side::kDestination, Side::kDestination));
  EXPECT_FALSE(SideMayAct(Side::kDestination, Side::kOrigin));
  EXPECT_FALSE(SideMayAct(Side::kOrigin, Side::kDestination));
  EXPECT_TRUE(SideMayAct(Side::kBoth, Side::kOrigin));
  EXPECT_TRUE(SideMayAct(Side::kBoth, Side::kDestination));
}

TEST(Repatriation, AStepWaitsForTheStepsItNames) {
  auto steps = Toy();
  EXPECT_TRUE(CheckOrder(steps, steps[0]).ok());
  auto tracing = CheckOrder(steps, steps[1]);
  EXPECT_EQ(tracing.code(), Code::kFailedPrecondition);
  EXPECT_NE(tracing.message().find("waits for consent"), std::string::npos) << tracing.message();
  steps[0].state = S::kDone;
  EXPECT_TRUE(CheckOrder(steps, steps[1]).ok());
  EXPECT_TRUE(CheckOrder(steps, steps[2]).ok()) << "verify runs beside tracing";
  steps[1].state = S::kSkipped;
  auto handover = CheckOrder(steps, steps[3]);
  EXPECT_NE(handover.message().find("waits for verify"), std::string::npos) << handover.message();
  steps[2].state = S::kBlocked;
  EXPECT_FALSE(CheckOrder(steps, steps[3]).ok()) << "blocked is not finished";
  steps[2].state = S::kDone;
  EXPECT_TRUE(CheckOrder(steps, steps[3]).ok());
  EXPECT_FALSE(AllFinished(steps));
  steps[3].state = S::kDone;
  EXPECT_TRUE(AllFinished(steps));
}

TEST(Repatriation, DueDatesCountFromTheStepsWaitedForAndFlagOverdue) {
  auto steps = Toy();
  auto plan = Schedule("2026-03-01", steps, "2026-03-05");
  EXPECT_EQ(plan[0].due_on, "2026-03-08");
  EXPECT_EQ(plan[1].due_on, "2026-04-07") << "consent's due day + 30";
  EXPECT_EQ(plan[2].due_on, "2026-03-28");
  EXPECT_EQ(plan[3].due_on, "2026-04-09") << "the later of tracing and verify + 2";
  EXPECT_TRUE(plan[0].ready);
  EXPECT_FALSE(plan[1].ready);
  EXPECT_FALSE(plan[0].overdue);

  auto late = Schedule("2026-03-01", steps, "2026-03-09");
  EXPECT_TRUE(late[0].overdue);
  EXPECT_FALSE(late[1].overdue) << "not ready: the delay is consent's";

  steps[0].state = S::kDone;
  steps[0].done_on = "2026-03-10";
  auto after = Schedule("2026-03-01", steps, "2026-04-20");
  EXPECT_FALSE(after[0].overdue) << "done is never overdue";
  EXPECT_EQ(after[1].due_on, "2026-04-09") << "counted from the day consent was done";
  EXPECT_TRUE(after[1].overdue);
  EXPECT_TRUE(after[2].overdue);
  EXPECT_FALSE(after[3].overdue);
  steps[2].state = S::kBlocked;
  EXPECT_TRUE(Schedule("2026-03-01", steps, "2026-04-20")[2].overdue) << "a blocked step still runs late";
}

TEST(Repatriation, StepInputIsChecked) {
  auto steps = Toy();
  const std::string today = "2026-03-05";
  StepInput ok{"2026-03-05", "Consent given in Khmer with an interpreter", {{"Consent form", "CF-1"}}, "", {}};
  EXPECT_TRUE(ValidateStepInput(steps[0], A::kComplete, ok, today).ok());
  auto field = [&](const RepatriationStep& s, A a, const StepInput& in) {
    Status st = ValidateStepInput(s, a, in, today);
    EXPECT_EQ(st.code(), Code::kInvalidArgument);
    return st.field();
  };
  StepInput in = ok;
  in.date = "2026-03-06";
  EXPECT_TRUE(ValidateStepInput(steps[0], A::kComplete, in, today).ok()) << "already tomorrow east of UTC";
  in.date = "2026-03-07";
  EXPECT_EQ(field(steps[0], A::kComplete, in), "date") << "not in the future";
  in.date = "yesterday";
  EXPECT_EQ(field(steps[0], A::kComplete, in), "date");
  in = ok;
  in.notes = std::string(4001, 'x');
  EXPECT_EQ(field(steps[0], A::kComplete, in), "notes");
  in = ok;
  in.documents = {{" ", "1"}};
  EXPECT_EQ(field(steps[0], A::kComplete, in), "documents.name");
  in.documents = std::vector<IssuedDocument>(21, {"Form", ""});
  EXPECT_EQ(field(steps[0], A::kComplete, in), "documents");
  in = ok;
  in.reason = "why";
  EXPECT_EQ(field(steps[0], A::kComplete, in), "reason") << "a reason belongs to block and skip";
  EXPECT_EQ(field(steps[0], A::kBlock, StepInput{}), "reason");
  EXPECT_EQ(field(steps[0], A::kSkip, StepInput{"2026-03-01", "", {}, "", {}}), "reason");
  EXPECT_TRUE(ValidateStepInput(steps[0], A::kBlock, StepInput{"", "", {}, "Waiting for an interpreter", {}}, today).ok());
  EXPECT_EQ(field(steps[0], A::kBlock, StepInput{"2026-03-01", "", {}, "x", {}}), "date");
  EXPECT_EQ(field(steps[0], A::kBlock, StepInput{"", "", {{"Form", ""}}, "x", {}}), "documents");
  EXPECT_EQ(field(steps[0], A::kBlock, StepInput{"", "notes", {}, "x", {}}), "notes");
  EXPECT_EQ(field(steps[0], A::kUnblock, StepInput{"", "", {}, "x", {}}), "reason");

  // The handover step needs who handed over to whom, and only it takes one.
  StepInput h{"2026-03-05", "", {}, "", Handover{"Officer A", "Thai ministry", "Officer B", "Cambodian ministry",
                                                 "Poipet border checkpoint", "2026-03-05"}};
  EXPECT_TRUE(ValidateStepInput(steps[3], A::kComplete, h, today).ok());
  EXPECT_EQ(field(steps[0], A::kComplete, h), "handover");
  EXPECT_EQ(field(steps[3], A::kComplete, ok), "handover");
  h.handover->to_person = "";
  EXPECT_EQ(field(steps[3], A::kComplete, h), "handover.to_person");
  h.handover->to_person = "Officer B";
  h.handover->date = "2026-13-01";
  EXPECT_EQ(field(steps[3], A::kComplete, h), "handover.date");
}

TEST(Repatriation, DurationInDays) {
  EXPECT_EQ(DurationDays("2026-03-01", "2026-03-01"), 0);
  EXPECT_EQ(DurationDays("2026-02-01", "2026-03-01"), 28);
}

}  // namespace
}  // namespace trm::domain
