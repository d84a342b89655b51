#include "domain/register.h"

#include <set>

#include "domain/codes.h"
#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<RegisterKind, 2> kKinds{{
    {RegisterKind::kPerson, "person"}, {RegisterKind::kOrganisation, "organisation"}}};
constexpr EnumTable<RegisterRole, 4> kRoles{{
    {RegisterRole::kRecruiter, "recruiter"},
    {RegisterRole::kBroker, "broker"},
    {RegisterRole::kAgency, "agency"},
    {RegisterRole::kEmployer, "employer"},
}};
constexpr EnumTable<RegisterStatus, 6> kStatuses{{
    {RegisterStatus::kAllegedInReport, "alleged_in_report"},
    {RegisterStatus::kCaseFiled, "case_filed"},
    {RegisterStatus::kConvicted, "convicted"},
    {RegisterStatus::kAcquitted, "acquitted"},
    {RegisterStatus::kDismissed, "dismissed"},
    {RegisterStatus::kExpired, "expired"},
}};
constexpr EnumTable<SourceKind, 3> kSources{{
    {SourceKind::kCase, "case"}, {SourceKind::kCourt, "court"}, {SourceKind::kPublicList, "public_list"}}};

using S = RegisterStatus;
struct Transition {
  S from;
  S to;
};
constexpr Transition kTransitions[] = {
    {S::kAllegedInReport, S::kCaseFiled}, {S::kAllegedInReport, S::kDismissed},
    {S::kAllegedInReport, S::kExpired},   {S::kCaseFiled, S::kConvicted},
    {S::kCaseFiled, S::kAcquitted},       {S::kCaseFiled, S::kDismissed},
    {S::kConvicted, S::kAcquitted},       {S::kConvicted, S::kExpired},
    {S::kAcquitted, S::kCaseFiled},       {S::kDismissed, S::kCaseFiled},
    {S::kExpired, S::kAllegedInReport},   {S::kExpired, S::kCaseFiled},
};
constexpr S kInitial[] = {S::kAllegedInReport, S::kCaseFiled, S::kConvicted};

// Bounds that keep an entry readable and small; a real list has a few of each.
struct ListRule {
  const std::vector<std::string> RegisterDetails::*list;
  const char* field;
  size_t max_items;
  size_t max_chars;
};
const ListRule kLists[] = {
    {&RegisterDetails::names, "names", 20, 300},
    {&RegisterDetails::aliases, "aliases", 50, 300},
    {&RegisterDetails::licence_numbers, "licence_numbers", 20, 100},
    {&RegisterDetails::addresses, "addresses", 20, 500},
    {&RegisterDetails::phones, "phones", 20, 50},
    {&RegisterDetails::websites, "websites", 20, 300},
    {&RegisterDetails::handles, "handles", 20, 100},
};
constexpr size_t kReasonMax = 4000;
constexpr size_t kReferenceMax = 300;

bool LooksLikePhone(std::string_view s) {
  int digits = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') ++digits;
    else if (std::string_view(" +-().").find(c) == std::string_view::npos) return false;
  }
  return digits >= 6 && digits <= 15;
}

bool HasSpace(std::string_view s) { return s.find_first_of(" \t") != std::string_view::npos; }

Status CheckList(const RegisterDetails& d, const ListRule& rule) {
  const std::vector<std::string>& values = d.*rule.list;
  if (values.size() > rule.max_items)
    return Status::InvalidArgument("at most " + std::to_string(rule.max_items) + " values", rule.field);
  std::set<std::string> seen;
  for (size_t i = 0; i < values.size(); ++i) {
    const std::string f = std::string(rule.field) + "[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(CheckText(values[i], f, rule.max_chars));
    if (IsBlank(values[i])) return Status::InvalidArgument("an empty value", f);
    if (!seen.insert(values[i]).second) return Status::InvalidArgument("a value is listed twice", f);
    const std::string_view field = rule.field;
    if (field == "phones" && !LooksLikePhone(values[i]))
      return Status::InvalidArgument("a phone number has 6 to 15 digits, spaces and + - ( ) . only", f);
    if ((field == "websites" || field == "handles") && HasSpace(values[i]))
      return Status::InvalidArgument("no spaces in a website or a chat handle", f);
  }
  return Status::Ok();
}

}  // namespace

std::string_view Name(RegisterKind v) { return EnumName(kKinds, v); }
std::string_view Name(RegisterRole v) { return EnumName(kRoles, v); }
std::string_view Name(RegisterStatus v) { return EnumName(kStatuses, v); }
std::string_view Name(SourceKind v) { return EnumName(kSources, v); }
std::optional<RegisterKind> ParseRegisterKind(std::string_view s) { return EnumParse(kKinds, s); }
std::optional<RegisterRole> ParseRegisterRole(std::string_view s) { return EnumParse(kRoles, s); }
std::optional<RegisterStatus> ParseRegisterStatus(std::string_view s) { return EnumParse(kStatuses, s); }
std::optional<SourceKind> ParseSourceKind(std::string_view s) { return EnumParse(kSources, s); }

std::vector<RegisterStatus> AllRegisterStatuses() {
  std::vector<RegisterStatus> out;
  for (const auto& [v, name] : kStatuses) out.push_back(v);
  return out;
}

Status CheckStatusChange(RegisterStatus from, RegisterStatus to) {
  for (const Transition& t : kTransitions)
    if (t.from == from && t.to == to) return Status::Ok();
  return Status::FailedPrecondition("an entry that is " + std::string(Name(from)) +
                                        " cannot become " + std::string(Name(to)),
                                    "status");
}

Status CheckInitialStatus(RegisterStatus s) {
  for (S initial : kInitial)
    if (initial == s) return Status::Ok();
  return Status::FailedPrecondition("a new entry is alleged_in_report, case_filed or convicted, not " +
                                        std::string(Name(s)),
                                    "status");
}

Status CheckRegisterReason(const std::string& reason) {
  RETURN_IF_ERROR(CheckText(reason, "reason", kReasonMax, TextKind::kMultiline));
  std::string spaced = reason;
  std::erase_if(spaced, [](char c) { return c == '\n' || c == '\r' || c == '\t'; });
  if (IsBlank(spaced)) return Status::InvalidArgument("write the reason for this change", "reason");
  return Status::Ok();
}

Status ValidateStatusChange(const std::string& date, const RegisterSource& source,
                            const std::string& reason) {
  if (!IsValidDate(date)) return Status::InvalidArgument("status_date must be a date YYYY-MM-DD", "status_date");
  RETURN_IF_ERROR(CheckText(source.reference, "source.reference", kReferenceMax));
  if (IsBlank(source.reference))
    return Status::InvalidArgument("name the source: the case or decision number, or the list",
                                   "source.reference");
  return CheckRegisterReason(reason);
}

Status ValidateRegisterEntry(const RegisterEntry& e) {
  if (!IsCountryCode(e.country))
    return Status::InvalidArgument("unknown country code (use ISO 3166-1, e.g. TH)", "country");
  if (e.details.names.empty()) return Status::InvalidArgument("give at least one name", "names");
  for (const ListRule& rule : kLists) RETURN_IF_ERROR(CheckList(e.details, rule));
  if (!e.review_date.empty() && !IsValidDate(e.review_date))
    return Status::InvalidArgument("review_date must be a date YYYY-MM-DD", "review_date");
  return Status::Ok();
}

bool DueForReview(const RegisterEntry& e, const std::string& today) {
  return !e.review_date.empty() && e.review_date <= today;
}

}  // namespace trm::domain
