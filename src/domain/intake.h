// Intake: a report received by a hotline or at the door — who is reported
// (possibly several people, possibly children), where, what happened, how
// urgent, and who reported it. The reporter's identity is confidential: only
// the receiving organisation's hotline operators and supervisors see it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/enums.h"
#include "domain/records.h"

namespace trm::domain {

enum class IntakeChannel { kPhoneHotline, kChatApp, kWebForm, kWalkIn, kOverseasCallBack, kReferral };
enum class Urgency { kImmediateDanger, kUrgent, kRoutine };  // in queue order
enum class ReportStatus { kOpen, kAssigned, kLinked };

std::string_view Name(IntakeChannel v);
std::string_view Name(Urgency v);
std::string_view Name(ReportStatus v);
std::optional<IntakeChannel> ParseIntakeChannel(std::string_view s);
std::optional<Urgency> ParseUrgency(std::string_view s);
std::optional<ReportStatus> ParseReportStatus(std::string_view s);

struct ReportedPerson {
  std::string name;  // as the reporter gave it, any script; may be empty
  std::optional<int> approximate_age;
  bool child = false;  // the reporter says a child, even without an age
  Gender gender = Gender::kNonSpecifiedUnknown;
  std::string citizenship;  // ISO 3166-1 alpha-2 or empty
  std::string description;
};

struct Reporter {
  std::string name;
  std::string contact;       // phone, chat handle
  std::string relationship;  // "the person themself", "neighbour", ...
  bool anonymous = false;
};

struct IntakeReport {
  Id id = 0;
  Id organisation_id = 0;  // the receiving organisation
  IntakeChannel channel = IntakeChannel::kPhoneHotline;
  Millis received_at = 0;
  std::string language;  // ISO 639-1, the language the report was taken in
  bool interpreter_used = false;
  std::vector<ReportedPerson> persons;
  // How many people the reporter says are at risk, when they gave a number
  // rather than (or besides) describing each one.
  std::optional<int> people_count;
  std::string location_country;  // ISO 3166-1 alpha-2 or empty
  std::string location;          // free text
  std::string what_happened;
  Urgency urgency = Urgency::kRoutine;
  Reporter reporter;  // confidential
  // Given to a member of the public who reported through the web form, so that
  // they can refer to the report later; random, so it reveals no volume.
  // Empty for reports taken by staff.
  std::string receipt;
  ReportStatus status = ReportStatus::kOpen;
  std::string assigned_team;  // a mobile team, in words
  std::optional<Id> assigned_organisation_id;  // or an agency
  std::optional<Id> case_id;                   // once linked
  Stamp stamp;
};

// "R-7KQ2-M9XD": a receipt from 8 random bytes, spelled like a case reference.
std::string MakeReceipt(const std::array<uint8_t, 8>& random);

// Checks every field; errors name the API's fields ("persons[1].citizenship").
Status ValidateIntakeReport(const IntakeReport& r);

}  // namespace trm::domain
