#include "domain/intake.h"

#include "domain/codes.h"
#include "domain/enum_table.h"
#include "domain/reference.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<IntakeChannel, 6> kChannels{{
    {IntakeChannel::kPhoneHotline, "phone_hotline"},
    {IntakeChannel::kChatApp, "chat_app"},
    {IntakeChannel::kWebForm, "web_form"},
    {IntakeChannel::kWalkIn, "walk_in"},
    {IntakeChannel::kOverseasCallBack, "overseas_call_back"},
    {IntakeChannel::kReferral, "referral"},
}};
constexpr EnumTable<Urgency, 3> kUrgencies{{
    {Urgency::kImmediateDanger, "immediate_danger"},
    {Urgency::kUrgent, "urgent"},
    {Urgency::kRoutine, "routine"},
}};
constexpr EnumTable<ReportStatus, 3> kStatuses{{
    {ReportStatus::kOpen, "open"},
    {ReportStatus::kAssigned, "assigned"},
    {ReportStatus::kLinked, "linked"},
}};

constexpr size_t kMaxPersons = 50;
constexpr int kMaxPeopleCount = 10000;

// Multi-line text counts as blank when only line breaks and tabs are left
// besides what IsBlank skips.
bool IsBlankMultiline(std::string_view s) {
  std::string rest;
  for (char c : s)
    if (c != '\n' && c != '\r' && c != '\t') rest += c;
  return IsBlank(rest);
}

}  // namespace

std::string_view Name(IntakeChannel v) { return EnumName(kChannels, v); }
std::string_view Name(Urgency v) { return EnumName(kUrgencies, v); }
std::string_view Name(ReportStatus v) { return EnumName(kStatuses, v); }
std::optional<IntakeChannel> ParseIntakeChannel(std::string_view s) { return EnumParse(kChannels, s); }
std::optional<Urgency> ParseUrgency(std::string_view s) { return EnumParse(kUrgencies, s); }
std::optional<ReportStatus> ParseReportStatus(std::string_view s) { return EnumParse(kStatuses, s); }

std::string MakeReceipt(const std::array<uint8_t, 8>& random) {
  // Same alphabet and shape as a case reference (easy to read out over the
  // phone), with R for report so that nobody mistakes one for the other.
  std::string s = MakeCaseReference(random);
  s[0] = 'R';
  return s;
}

Status ValidateIntakeReport(const IntakeReport& r) {
  if (!r.language.empty() && !IsLanguageCode(r.language))
    return Status::InvalidArgument("unknown language code", "language");
  if (!r.location_country.empty() && !IsCountryCode(r.location_country))
    return Status::InvalidArgument("unknown country code", "location_country");
  RETURN_IF_ERROR(CheckText(r.location, "location", 500));
  RETURN_IF_ERROR(CheckText(r.what_happened, "what_happened", 10000, TextKind::kMultiline));
  if (IsBlankMultiline(r.what_happened))
    return Status::InvalidArgument("say what happened, in a few words at least", "what_happened");
  if (r.persons.empty())
    return Status::InvalidArgument("a report names at least one person (a name may be unknown)",
                                   "persons");
  if (r.persons.size() > kMaxPersons) return Status::InvalidArgument("too many persons", "persons");
  for (size_t i = 0; i < r.persons.size(); ++i) {
    const ReportedPerson& p = r.persons[i];
    const std::string f = "persons[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(CheckText(p.name, f + ".name", 200));
    RETURN_IF_ERROR(CheckText(p.description, f + ".description", 2000, TextKind::kMultiline));
    if (p.approximate_age && (*p.approximate_age < 0 || *p.approximate_age > 120))
      return Status::InvalidArgument("age must be between 0 and 120", f + ".approximate_age");
    if (!p.citizenship.empty() && !IsCountryCode(p.citizenship))
      return Status::InvalidArgument("unknown country code", f + ".citizenship");
  }
  if (r.people_count && (*r.people_count < 1 || *r.people_count > kMaxPeopleCount))
    return Status::InvalidArgument("the number of people must be between 1 and 10000",
                                   "people_count");
  RETURN_IF_ERROR(CheckText(r.reporter.name, "reporter.name", 200));
  RETURN_IF_ERROR(CheckText(r.reporter.contact, "reporter.contact", 200));
  RETURN_IF_ERROR(CheckText(r.reporter.relationship, "reporter.relationship", 200));
  if (r.reporter.anonymous && (!r.reporter.name.empty() || !r.reporter.contact.empty()))
    return Status::InvalidArgument("an anonymous reporter gives no name or contact", "reporter");
  RETURN_IF_ERROR(CheckText(r.assigned_team, "assigned_team", 200));
  return Status::Ok();
}

}  // namespace trm::domain
