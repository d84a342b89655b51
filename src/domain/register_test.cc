// The register's status table, every pair of statuses; the checks on an
// entry and on a status change; the review flag.
#include "domain/register.h"

#include <gtest/gtest.h>

#include <set>

namespace trm::domain {
namespace {

using S = RegisterStatus;

RegisterEntry Broker() {
  RegisterEntry e;
  e.kind = RegisterKind::kPerson;
  e.role = RegisterRole::kBroker;
  e.country = "TH";
  e.status = S::kCaseFiled;
  e.status_date = "2026-01-10";
  e.source = {SourceKind::kCase, "Police case 12/2569"};
  e.details.names = {"สมปอง รุ่งเรือง", "Sompong Rungruang"};
  e.details.phones = {"+66 81 234 5678"};
  e.details.handles = {"@sompong_jobs"};
  return e;
}

TEST(RegisterStatusTable, AllowsExactlyTheListedChanges) {
  const std::set<std::pair<S, S>> allowed{
      {S::kAllegedInReport, S::kCaseFiled}, {S::kAllegedInReport, S::kDismissed},
      {S::kAllegedInReport, S::kExpired},   {S::kCaseFiled, S::kConvicted},
      {S::kCaseFiled, S::kAcquitted},       {S::kCaseFiled, S::kDismissed},
      {S::kConvicted, S::kAcquitted},       {S::kConvicted, S::kExpired},
      {S::kAcquitted, S::kCaseFiled},       {S::kDismissed, S::kCaseFiled},
      {S::kExpired, S::kAllegedInReport},   {S::kExpired, S::kCaseFiled},
  };
  for (S from : AllRegisterStatuses())
    for (S to : AllRegisterStatuses()) {
      Status s = CheckStatusChange(from, to);
      if (allowed.contains({from, to})) {
        EXPECT_TRUE(s.ok()) << Name(from) << " -> " << Name(to) << ": " << s.ToString();
      } else {
        EXPECT_EQ(s.code(), Code::kFailedPrecondition) << Name(from) << " -> " << Name(to);
        EXPECT_EQ(s.field(), "status");
      }
    }
  EXPECT_FALSE(CheckStatusChange(S::kConvicted, S::kConvicted).ok()) << "the same status is no change";
  EXPECT_NE(CheckStatusChange(S::kAcquitted, S::kConvicted).message().find("acquitted"), std::string::npos);
}

TEST(RegisterStatusTable, NobodyIsEnteredAsAcquittedDismissedOrExpired) {
  EXPECT_TRUE(CheckInitialStatus(S::kAllegedInReport).ok());
  EXPECT_TRUE(CheckInitialStatus(S::kCaseFiled).ok());
  EXPECT_TRUE(CheckInitialStatus(S::kConvicted).ok());
  for (S s : {S::kAcquitted, S::kDismissed, S::kExpired})
    EXPECT_EQ(CheckInitialStatus(s).code(), Code::kFailedPrecondition) << Name(s);
}

TEST(RegisterNames, EveryValueRoundTripsAndUnknownNamesAreRefused) {
  for (S s : AllRegisterStatuses()) EXPECT_EQ(ParseRegisterStatus(Name(s)), s);
  EXPECT_EQ(ParseRegisterStatus("guilty"), std::nullopt);
  EXPECT_EQ(ParseRegisterStatus("Convicted"), std::nullopt);
  EXPECT_EQ(ParseRegisterKind("organisation"), RegisterKind::kOrganisation);
  EXPECT_EQ(ParseRegisterRole("agency"), RegisterRole::kAgency);
  EXPECT_EQ(ParseSourceKind("public_list"), SourceKind::kPublicList);
  EXPECT_EQ(ParseSourceKind("newspaper"), std::nullopt);
}

TEST(RegisterEntryChecks, AcceptsAGoodEntryAndNamesTheFieldOfABadOne) {
  EXPECT_TRUE(ValidateRegisterEntry(Broker()).ok());
  auto field_of = [](auto change) {
    RegisterEntry e = Broker();
    change(e);
    Status s = ValidateRegisterEntry(e);
    EXPECT_EQ(s.code(), Code::kInvalidArgument);
    return s.field();
  };
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.country = "XX"; }), "country");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.names.clear(); }), "names");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.names.push_back("  "); }), "names[2]");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.aliases = {"Pong", "Pong"}; }), "aliases[1]");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.phones = {"call me"}; }), "phones[0]");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.phones = {"12345"}; }), "phones[0]");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.websites = {"gold jobs.com"}; }), "websites[0]");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.handles = {std::string(101, 'a')}; }), "handles[0]");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.addresses = {std::string("bad \xC3\x28")}; }),
            "addresses[0]");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.details.licence_numbers.assign(21, "x"); }), "licence_numbers");
  EXPECT_EQ(field_of([](RegisterEntry& e) { e.review_date = "2026-02-30"; }), "review_date");
}

TEST(RegisterEntryChecks, AStatusChangeNeedsADateASourceAndAReason) {
  const RegisterSource court{SourceKind::kCourt, "Bangkok Criminal Court 1234/2569"};
  EXPECT_TRUE(ValidateStatusChange("2026-03-01", court, "Convicted of trafficking in persons").ok());
  EXPECT_EQ(ValidateStatusChange("01/03/2026", court, "x").field(), "status_date");
  EXPECT_EQ(ValidateStatusChange("2026-03-01", {SourceKind::kCourt, " "}, "x").field(), "source.reference");
  EXPECT_EQ(ValidateStatusChange("2026-03-01", court, "").field(), "reason");
  EXPECT_EQ(ValidateStatusChange("2026-03-01", court, " \n ").field(), "reason");
  EXPECT_TRUE(ValidateStatusChange("2026-03-01", court, "line one\nline two").ok()) << "reasons are multi-line";
}

TEST(RegisterReview, DueOnAndAfterTheReviewDate) {
  RegisterEntry e = Broker();
  EXPECT_FALSE(DueForReview(e, "2030-01-01")) << "no review date: never due";
  e.review_date = "2026-06-30";
  EXPECT_FALSE(DueForReview(e, "2026-06-29"));
  EXPECT_TRUE(DueForReview(e, "2026-06-30"));
  EXPECT_TRUE(DueForReview(e, "2027-01-01"));
}

}  // namespace
}  // namespace trm::domain
