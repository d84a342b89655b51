// The register of offending recruiters, brokers, agencies and employers:
// persons and organisations named in reports, cases, court decisions and
// public lists, with due process. Each entry has a status, the source of that
// status (a case, a court, a public list), its date and a written reason;
// every status change is kept in the entry's history, so an acquittal or a
// dismissal is shown, never a deletion. The allowed changes are one table
// (kTransitions in register.cc):
//
//   alleged_in_report -> case_filed, dismissed, expired
//   case_filed        -> convicted, acquitted, dismissed
//   convicted         -> acquitted (on appeal), expired
//   acquitted         -> case_filed (a new case)
//   dismissed         -> case_filed (a new case)
//   expired           -> alleged_in_report, case_filed (new allegations)
//
// A new entry starts alleged, with a case filed, or convicted: nobody is
// entered as acquitted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/records.h"

namespace trm::domain {

enum class RegisterKind { kPerson, kOrganisation };
enum class RegisterRole { kRecruiter, kBroker, kAgency, kEmployer };
enum class RegisterStatus { kAllegedInReport, kCaseFiled, kConvicted, kAcquitted, kDismissed, kExpired };
// Where a status comes from. A case's reference (police or prosecutor number)
// is not public; a court's decision and a public list are.
enum class SourceKind { kCase, kCourt, kPublicList };

std::string_view Name(RegisterKind v);
std::string_view Name(RegisterRole v);
std::string_view Name(RegisterStatus v);
std::string_view Name(SourceKind v);
std::optional<RegisterKind> ParseRegisterKind(std::string_view s);
std::optional<RegisterRole> ParseRegisterRole(std::string_view s);
std::optional<RegisterStatus> ParseRegisterStatus(std::string_view s);
std::optional<SourceKind> ParseSourceKind(std::string_view s);
std::vector<RegisterStatus> AllRegisterStatuses();

// Ok when the table allows `from` -> `to`; FailedPrecondition naming both
// otherwise (the same status again is not a change).
Status CheckStatusChange(RegisterStatus from, RegisterStatus to);
// Ok for the statuses an entry may start with.
Status CheckInitialStatus(RegisterStatus s);

struct RegisterSource {
  SourceKind kind = SourceKind::kCase;
  std::string reference;  // case number, court and decision number, list name
};

// What identifies the person or organisation: sealed at rest, shown only to
// those who may see details. Each list keeps its values as written.
struct RegisterDetails {
  std::vector<std::string> names;  // at least one, in any script; the first is shown first
  std::vector<std::string> aliases;
  std::vector<std::string> licence_numbers;
  std::vector<std::string> addresses;
  std::vector<std::string> phones;
  std::vector<std::string> websites;
  std::vector<std::string> handles;  // chat handles (LINE, Telegram, ...)
};

struct RegisterEntry {
  Id id = 0;
  RegisterKind kind = RegisterKind::kPerson;
  RegisterRole role = RegisterRole::kBroker;
  std::string country;  // ISO 3166-1 alpha-2: where it operates
  RegisterStatus status = RegisterStatus::kAllegedInReport;
  std::string status_date;  // YYYY-MM-DD: when the source says so
  RegisterSource source;    // of the current status
  std::string review_date;  // YYYY-MM-DD or empty: when the entry is to be looked at again
  RegisterDetails details;
  Stamp stamp;
};

// Checks kind-independent fields: country, dates, lists (bounded, no blank
// or repeated values, phones look like phone numbers). Errors name the API's
// fields ("phones[1]").
Status ValidateRegisterEntry(const RegisterEntry& e);
// A status change's own parts: a date, a source reference and a reason.
Status ValidateStatusChange(const std::string& date, const RegisterSource& source,
                            const std::string& reason);
// A written reason for a change: required, multi-line, bounded.
Status CheckRegisterReason(const std::string& reason);

// On or past its review date on `today` (YYYY-MM-DD): someone must look at it.
bool DueForReview(const RegisterEntry& e, const std::string& today);

// One line of an entry's history: created, edited, a status change, a case
// linked or unlinked, imported. Reason and source reference are sealed.
struct RegisterHistory {
  Id id = 0;
  Id entry_id = 0;
  Millis at = 0;
  Id actor_id = 0;  // 0: the system (demo)
  std::string change;  // "create", "edit", "status", "link", "unlink", "import"
  std::optional<RegisterStatus> from_status;
  RegisterStatus to_status = RegisterStatus::kAllegedInReport;
  std::string status_date;
  RegisterSource source;
  std::string reason;
};

// A case in which the entry appears (who linked it, when: the stamp).
struct RegisterCaseLink {
  Id id = 0;
  Id entry_id = 0;
  Id case_id = 0;
  Stamp stamp;
};

}  // namespace trm::domain
