// Family tracing requests: the checks on a new request, closing, and the
// wire names of statuses and decisions.
#include "domain/tracing.h"

#include <gtest/gtest.h>

namespace trm::domain {
namespace {

TracingRequest Valid() {
  TracingRequest r;
  r.searcher = {"Chan Sophea", "mother", "+855 12 345 678"};
  r.sought.person.first_name = "Sokha";
  r.sought.person.second_name = "Chan";
  r.sought.person.approximate_age = 24;
  r.sought.last_known_place = "Poipet";
  r.sought.remembers = "Left for work on fishing boats in 2019.";
  return r;
}

TEST(TracingRequest, AcceptsAComplete) { EXPECT_TRUE(ValidateTracingRequest(Valid()).ok()); }

TEST(TracingRequest, NamesTheFieldOfEachProblem) {
  struct Case {
    void (*spoil)(TracingRequest&);
    const char* field;
  };
  const Case cases[] = {
      {[](TracingRequest& r) { r.searcher.name = " "; }, "searcher.name"},
      {[](TracingRequest& r) { r.searcher.relationship.clear(); }, "searcher.relationship"},
      {[](TracingRequest& r) { r.searcher.contact.clear(); }, "searcher.contact"},
      {[](TracingRequest& r) { r.searcher.name = std::string(201, 'a'); }, "searcher.name"},
      {[](TracingRequest& r) { r.searcher.name = "a\xff"; }, "searcher.name"},
      {[](TracingRequest& r) { r.sought.person = Person{}; }, "sought.person.first_name"},
      {[](TracingRequest& r) { r.sought.person.birth_date = "2001-02-30"; }, "sought.person.birth_date"},
      {[](TracingRequest& r) { r.sought.last_known_place = "line\nbreak"; }, "sought.last_known_place"},
      {[](TracingRequest& r) { r.sought.remembers = std::string(4001, 'x'); }, "sought.remembers"},
  };
  for (const Case& c : cases) {
    TracingRequest r = Valid();
    c.spoil(r);
    Status s = ValidateTracingRequest(r);
    EXPECT_EQ(s.code(), Code::kInvalidArgument) << c.field;
    EXPECT_EQ(s.field(), c.field);
  }
}

TEST(TracingRequest, ClosesOnceWithAnOutcome) {
  TracingRequest r = Valid();
  EXPECT_EQ(CloseRequest(r, "  ", 5).field(), "outcome");
  EXPECT_EQ(r.status, TracingStatus::kOpen);
  ASSERT_TRUE(CloseRequest(r, "Found in a shelter; family informed.", 5).ok());
  EXPECT_EQ(r.status, TracingStatus::kClosed);
  EXPECT_EQ(r.closed_at, 5);
  EXPECT_EQ(CloseRequest(r, "again", 6).code(), Code::kFailedPrecondition);
  EXPECT_EQ(CheckOpen(r).code(), Code::kFailedPrecondition);
  EXPECT_EQ(r.outcome, "Found in a shelter; family informed.");
}

TEST(TracingRequest, WireNamesRoundTrip) {
  for (auto d : {TracingDecision::kPossible, TracingDecision::kRuledOut, TracingDecision::kConfirmed})
    EXPECT_EQ(ParseTracingDecision(Name(d)), d);
  for (auto s : {TracingStatus::kOpen, TracingStatus::kClosed}) EXPECT_EQ(ParseTracingStatus(Name(s)), s);
  EXPECT_FALSE(ParseTracingDecision("same"));
  EXPECT_FALSE(ParseTracingStatus("Open"));
}

}  // namespace
}  // namespace trm::domain
