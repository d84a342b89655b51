// Consent: what the person agreed to, per purpose and recipient, and the one
// rule that answers "does consent cover this purpose for this recipient now".
// Every sharing action (referral, cross-border disclosure, family tracing,
// follow-up contact, statistics) asks ConsentCovers before it happens.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/records.h"

namespace trm::domain {

enum class ConsentPurpose {
  kCaseManagement,         // case management and services
  kReferral,               // referral to an organisation
  kCrossBorderDisclosure,  // data leaving the country
  kFamilyTracing,
  kFollowUpContact,  // visits or calls after return
  kStatistics,       // anonymous statistics
};

enum class ConsentDecision { kGiven, kRefused, kWithdrawn };

// Who the consent is about: anyone, any organisation in a country, or one
// named organisation.
struct ConsentScope {
  enum class Kind { kAnyone, kCountry, kOrganisation };
  Kind kind = Kind::kAnyone;
  std::string country;      // kCountry: ISO 3166-1 alpha-2
  Id organisation_id = 0;   // kOrganisation
};

// That a person received a rights notice: which version, in which language.
struct NoticeReceipt {
  Id id = 0;
  Id case_id = 0;
  std::string notice_version;
  std::string language;
  bool interpreter_used = false;
  Stamp stamp;  // created_by gave it, created_at when
};

// How a child's consent was obtained (Palermo Protocol: best interests).
struct ChildConsent {
  std::string guardian_name;           // who consented on the child's behalf, or
  std::string best_interest_decision;  // the decision that stands in for it
};

struct ConsentRecord {
  Id id = 0;
  Id case_id = 0;
  ConsentPurpose purpose = ConsentPurpose::kCaseManagement;
  ConsentDecision decision = ConsentDecision::kGiven;
  ConsentScope scope;
  Millis decided_at = 0;
  std::optional<Millis> expires_at;  // a given consent may be time-limited
  std::string explained_in_language;  // ISO 639-1
  bool interpreter_used = false;
  std::string rights_notice_version;
  std::optional<ChildConsent> child;
  Id recorded_by = 0;
};

// The recipient of a sharing action.
struct Recipient {
  Id organisation_id = 0;
  std::string country;
};

struct ConsentAnswer {
  bool covered = false;
  std::optional<Id> deciding_record;  // the record that decided, if any
  std::string reason;                 // for the screen and the audit log
};

// The rule, in order:
//  1. Only records of `purpose` whose scope includes the recipient count.
//  2. A refusal or withdrawal that names the organisation stands until a later
//     consent names the organisation again; a broader consent does not undo it.
//  3. Otherwise the most recent counting record decides (ties: higher id).
//  4. A given consent past its expiry does not cover.
//  5. No counting record: not covered.
ConsentAnswer ConsentCovers(const std::vector<ConsentRecord>& records, ConsentPurpose purpose,
                            const Recipient& recipient, Millis now);

bool ScopeIncludes(const ConsentScope& scope, const Recipient& recipient);

std::string_view Name(ConsentPurpose v);
std::string_view Name(ConsentDecision v);
std::optional<ConsentPurpose> ParseConsentPurpose(std::string_view s);
std::optional<ConsentDecision> ParseConsentDecision(std::string_view s);

// Checks a record before it is kept: known language code, a child's consent
// names a guardian or a best-interest decision, an expiry after the decision,
// a scope that names what its kind needs. Errors name the API's fields.
Status ValidateConsent(const ConsentRecord& r, bool person_is_child);

}  // namespace trm::domain
