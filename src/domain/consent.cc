#include "domain/consent.h"

#include <algorithm>

#include "domain/codes.h"
#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<ConsentPurpose, 6> kPurposes{{
    {ConsentPurpose::kCaseManagement, "case_management"},
    {ConsentPurpose::kReferral, "referral"},
    {ConsentPurpose::kCrossBorderDisclosure, "cross_border_disclosure"},
    {ConsentPurpose::kFamilyTracing, "family_tracing"},
    {ConsentPurpose::kFollowUpContact, "follow_up_contact"},
    {ConsentPurpose::kStatistics, "statistics"},
}};

constexpr EnumTable<ConsentDecision, 3> kDecisions{{
    {ConsentDecision::kGiven, "given"},
    {ConsentDecision::kRefused, "refused"},
    {ConsentDecision::kWithdrawn, "withdrawn"},
}};

bool Later(const ConsentRecord& a, const ConsentRecord& b) {
  return a.decided_at != b.decided_at ? a.decided_at > b.decided_at : a.id > b.id;
}

bool NamesOrganisation(const ConsentRecord& r, Id org) {
  return r.scope.kind == ConsentScope::Kind::kOrganisation && r.scope.organisation_id == org;
}

}  // namespace

std::string_view Name(ConsentPurpose v) { return EnumName(kPurposes, v); }
std::string_view Name(ConsentDecision v) { return EnumName(kDecisions, v); }
std::optional<ConsentPurpose> ParseConsentPurpose(std::string_view s) {
  return EnumParse(kPurposes, s);
}
std::optional<ConsentDecision> ParseConsentDecision(std::string_view s) {
  return EnumParse(kDecisions, s);
}

bool ScopeIncludes(const ConsentScope& scope, const Recipient& r) {
  switch (scope.kind) {
    case ConsentScope::Kind::kAnyone: return true;
    case ConsentScope::Kind::kCountry: return scope.country == r.country;
    case ConsentScope::Kind::kOrganisation: return scope.organisation_id == r.organisation_id;
  }
  return false;
}

ConsentAnswer ConsentCovers(const std::vector<ConsentRecord>& records, ConsentPurpose purpose,
                            const Recipient& recipient, Millis now) {
  const ConsentRecord* latest = nullptr;
  const ConsentRecord* named_refusal = nullptr;  // latest refusal naming the organisation
  const ConsentRecord* named_grant = nullptr;    // latest grant naming the organisation
  for (const ConsentRecord& r : records) {
    if (r.purpose != purpose || !ScopeIncludes(r.scope, recipient)) continue;
    if (!latest || Later(r, *latest)) latest = &r;
    if (NamesOrganisation(r, recipient.organisation_id)) {
      const ConsentRecord*& slot =
          r.decision == ConsentDecision::kGiven ? named_grant : named_refusal;
      if (!slot || Later(r, *slot)) slot = &r;
    }
  }
  ConsentAnswer a;
  if (!latest) {
    a.reason = "no consent recorded for " + std::string(Name(purpose)) + " to this recipient";
    return a;
  }
  if (named_refusal && (!named_grant || Later(*named_refusal, *named_grant))) {
    a.deciding_record = named_refusal->id;
    a.reason = std::string("consent was ") + std::string(Name(named_refusal->decision)) +
               " for this organisation by name";
    return a;
  }
  a.deciding_record = latest->id;
  if (latest->decision != ConsentDecision::kGiven) {
    a.reason = std::string("consent was ") + std::string(Name(latest->decision));
    return a;
  }
  if (latest->expires_at && *latest->expires_at <= now) {
    a.reason = "consent has expired";
    return a;
  }
  a.covered = true;
  a.reason = "consent given";
  return a;
}

Status ValidateConsent(const ConsentRecord& r, bool person_is_child) {
  if (!r.explained_in_language.empty() && !IsLanguageCode(r.explained_in_language))
    return Status::InvalidArgument("unknown language code", "explained_in_language");
  RETURN_IF_ERROR(CheckText(r.rights_notice_version, "rights_notice_version", 50));
  switch (r.scope.kind) {
    case ConsentScope::Kind::kCountry:
      if (!IsCountryCode(r.scope.country))
        return Status::InvalidArgument("a country scope needs an ISO country code", "scope.country");
      break;
    case ConsentScope::Kind::kOrganisation:
      if (r.scope.organisation_id <= 0)
        return Status::InvalidArgument("an organisation scope needs the organisation",
                                       "scope.organisation_id");
      break;
    case ConsentScope::Kind::kAnyone:
      break;
  }
  if (r.expires_at && *r.expires_at <= r.decided_at)
    return Status::InvalidArgument("consent must expire after it was decided", "expires_on");
  if (r.expires_at && r.decision != ConsentDecision::kGiven)
    return Status::InvalidArgument("only a given consent can expire", "expires_on");
  if (person_is_child) {
    if (!r.child || (IsBlank(r.child->guardian_name) && IsBlank(r.child->best_interest_decision)))
      return Status::InvalidArgument(
          "a child's consent records the guardian or the best-interest decision", "child");
  }
  if (r.child) {
    RETURN_IF_ERROR(CheckText(r.child->guardian_name, "child.guardian_name", 200));
    RETURN_IF_ERROR(CheckText(r.child->best_interest_decision, "child.best_interest_decision",
                              2000, TextKind::kMultiline));
  }
  return Status::Ok();
}

}  // namespace trm::domain
