// Consent coverage: given, refused, withdrawn, expired, wrong recipient, and
// the precedence of a refusal that names the organisation.
#include "domain/consent.h"

#include <gtest/gtest.h>

namespace trm::domain {
namespace {

constexpr Id kShelterKh = 10, kLegalKh = 11, kNgoTh = 20;
const Recipient kToLegalKh{kLegalKh, "KH"};
const Recipient kToShelterKh{kShelterKh, "KH"};
const Recipient kToNgoTh{kNgoTh, "TH"};

ConsentRecord Rec(Id id, ConsentDecision d, ConsentScope scope, Millis at,
                  ConsentPurpose p = ConsentPurpose::kReferral) {
  ConsentRecord r;
  r.id = id;
  r.purpose = p;
  r.decision = d;
  r.scope = scope;
  r.decided_at = at;
  return r;
}
ConsentScope Anyone() { return {}; }
ConsentScope Country(const char* c) { return {ConsentScope::Kind::kCountry, c, 0}; }
ConsentScope Org(Id id) { return {ConsentScope::Kind::kOrganisation, "", id}; }

using D = ConsentDecision;

TEST(ConsentCovers, NothingRecordedIsNotCovered) {
  auto a = ConsentCovers({}, ConsentPurpose::kReferral, kToLegalKh, 100);
  EXPECT_FALSE(a.covered);
  EXPECT_FALSE(a.deciding_record);
}

TEST(ConsentCovers, GivenCoversItsScopeOnly) {
  std::vector<ConsentRecord> r = {Rec(1, D::kGiven, Country("KH"), 10)};
  EXPECT_TRUE(ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 100).covered);
  EXPECT_FALSE(ConsentCovers(r, ConsentPurpose::kReferral, kToNgoTh, 100).covered)
      << "wrong country";
  EXPECT_FALSE(ConsentCovers(r, ConsentPurpose::kFamilyTracing, kToLegalKh, 100).covered)
      << "wrong purpose";
  std::vector<ConsentRecord> named = {Rec(1, D::kGiven, Org(kLegalKh), 10)};
  EXPECT_TRUE(ConsentCovers(named, ConsentPurpose::kReferral, kToLegalKh, 100).covered);
  EXPECT_FALSE(ConsentCovers(named, ConsentPurpose::kReferral, kToShelterKh, 100).covered)
      << "wrong organisation";
}

TEST(ConsentCovers, RefusedIsNotCovered) {
  std::vector<ConsentRecord> r = {Rec(1, D::kRefused, Anyone(), 10)};
  auto a = ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 100);
  EXPECT_FALSE(a.covered);
  EXPECT_EQ(a.deciding_record, 1);
}

TEST(ConsentCovers, WithdrawalTakesEffectImmediately) {
  std::vector<ConsentRecord> r = {Rec(1, D::kGiven, Anyone(), 10),
                                  Rec(2, D::kWithdrawn, Anyone(), 50)};
  EXPECT_TRUE(ConsentCovers({r[0]}, ConsentPurpose::kReferral, kToLegalKh, 50).covered);
  auto a = ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 50);
  EXPECT_FALSE(a.covered);
  EXPECT_EQ(a.deciding_record, 2);
}

TEST(ConsentCovers, GivenAgainAfterWithdrawalCovers) {
  std::vector<ConsentRecord> r = {Rec(1, D::kGiven, Anyone(), 10),
                                  Rec(2, D::kWithdrawn, Anyone(), 20),
                                  Rec(3, D::kGiven, Country("KH"), 30)};
  EXPECT_TRUE(ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 40).covered);
  EXPECT_FALSE(ConsentCovers(r, ConsentPurpose::kReferral, kToNgoTh, 40).covered);
}

TEST(ConsentCovers, ExpiredConsentDoesNotCover) {
  ConsentRecord r = Rec(1, D::kGiven, Anyone(), 10);
  r.expires_at = 100;
  EXPECT_TRUE(ConsentCovers({r}, ConsentPurpose::kReferral, kToLegalKh, 99).covered);
  auto a = ConsentCovers({r}, ConsentPurpose::kReferral, kToLegalKh, 100);
  EXPECT_FALSE(a.covered);
  EXPECT_EQ(a.reason, "consent has expired");
}

TEST(ConsentCovers, NamedRefusalOutlivesALaterBroaderConsent) {
  std::vector<ConsentRecord> r = {Rec(1, D::kRefused, Org(kLegalKh), 10),
                                  Rec(2, D::kGiven, Country("KH"), 20)};
  EXPECT_FALSE(ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 30).covered);
  EXPECT_TRUE(ConsentCovers(r, ConsentPurpose::kReferral, kToShelterKh, 30).covered);
  r.push_back(Rec(3, D::kGiven, Org(kLegalKh), 40));
  EXPECT_TRUE(ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 50).covered)
      << "consent naming the organisation again lifts its refusal";
}

TEST(ConsentCovers, BroadWithdrawalCoversNamedGrants) {
  std::vector<ConsentRecord> r = {Rec(1, D::kGiven, Org(kLegalKh), 10),
                                  Rec(2, D::kWithdrawn, Country("KH"), 20)};
  EXPECT_FALSE(ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 30).covered);
}

TEST(ConsentCovers, SameInstantLaterIdWins) {
  std::vector<ConsentRecord> r = {Rec(5, D::kWithdrawn, Anyone(), 10),
                                  Rec(4, D::kGiven, Anyone(), 10)};
  EXPECT_FALSE(ConsentCovers(r, ConsentPurpose::kReferral, kToLegalKh, 20).covered);
}

TEST(ConsentValidation, ChildrenNeedAGuardianOrBestInterestDecision) {
  ConsentRecord r = Rec(1, D::kGiven, Anyone(), 10);
  EXPECT_TRUE(ValidateConsent(r, false).ok());
  EXPECT_EQ(ValidateConsent(r, true).field(), "child");
  r.child = ChildConsent{"  ", ""};
  EXPECT_EQ(ValidateConsent(r, true).field(), "child");
  r.child = ChildConsent{"Mother: Srey Mom", ""};
  EXPECT_TRUE(ValidateConsent(r, true).ok());
  r.child = ChildConsent{"", "Multi-disciplinary team decided on 2026-11-02"};
  EXPECT_TRUE(ValidateConsent(r, true).ok());
}

TEST(ConsentValidation, ScopeLanguageAndExpiry) {
  ConsentRecord r = Rec(1, D::kGiven, Country("XX"), 10);
  EXPECT_EQ(ValidateConsent(r, false).field(), "scope.country");
  r.scope = Org(0);
  EXPECT_EQ(ValidateConsent(r, false).field(), "scope.organisation_id");
  r.scope = Anyone();
  r.explained_in_language = "khmer";
  EXPECT_EQ(ValidateConsent(r, false).field(), "explained_in_language");
  r.explained_in_language = "km";
  r.expires_at = 5;
  EXPECT_EQ(ValidateConsent(r, false).field(), "expires_on");
  r.expires_at = 50;
  r.decision = D::kWithdrawn;
  EXPECT_EQ(ValidateConsent(r, false).field(), "expires_on");
}

TEST(ConsentNames, RoundTrip) {
  for (auto p : {ConsentPurpose::kCaseManagement, ConsentPurpose::kReferral,
                 ConsentPurpose::kCrossBorderDisclosure, ConsentPurpose::kFamilyTracing,
                 ConsentPurpose::kFollowUpContact, ConsentPurpose::kStatistics})
    EXPECT_EQ(ParseConsentPurpose(Name(p)), p);
  EXPECT_EQ(ParseConsentPurpose("marketing"), std::nullopt);
  EXPECT_EQ(ParseConsentDecision("maybe"), std::nullopt);
}

}  // namespace
}  // namespace trm::domain
