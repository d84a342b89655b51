// Case entries: the parts of a case record that are lists of small records of
// one shape each (trafficking events, perpetrators, identity documents, needs
// assessments, the support plan, services, notes, tasks, meetings, follow-ups,
// reintegration assessments) and the one-per-case victim context.
//
// Each kind is a form: named fields of a few types, with picklists (HTCDS v2
// values where the standard has them). The forms are the single description
// of these records: the API serves them to the web app, which draws its
// screens from them, and ValidateEntry checks every write against them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"
#include "domain/consent.h"
#include "domain/records.h"

namespace trm::domain {

enum class FieldType {
  kLine,          // one line of text (max = code points)
  kText,          // several lines (max = code points)
  kDate,          // YYYY-MM-DD
  kInteger,       // whole number in [min, max]
  kNumber,        // decimal number in [min, max]
  kBool,
  kChoice,        // one of `options`
  kChoices,       // several of `options`, no repeats
  kCountry,       // ISO 3166-1 alpha-2
  kLanguage,      // ISO 639-1
  kUser,          // a user id of the case's owner organisation
  kOrganisation,  // an organisation id
  kEntry,         // the id of another entry of `ref_kind` on the same case
  kCurrency,      // ISO 4217 code (domain/money.h)
  kAmount,        // whole minor units of the currency in field `currency`, in [min, max]
};

std::string_view Name(FieldType t);

struct FormField {
  std::string_view name;
  FieldType type = FieldType::kLine;
  bool required = false;
  std::span<const std::string_view> options = {};  // kChoice, kChoices
  std::string_view list = {};  // the picklist's name, shared by fields with the same options
  double min = 0;  // kInteger, kNumber
  double max = 0;  // kInteger, kNumber: largest value; kLine, kText: code points
  std::string_view ref_kind = {};  // kEntry
  std::string_view currency = {};  // kAmount: the kCurrency field it is counted in
};

// Two date fields where the second may not be before the first.
struct DateOrder {
  std::string_view from;
  std::string_view to;
};

// Two fields given together or not at all (coordinates, amount and currency);
// in CaseForm::either, two fields of which at least one is given.
struct FieldPair {
  std::string_view first;
  std::string_view second;
};

struct CaseForm {
  std::string_view kind;
  bool multiple = true;  // false: at most one entry of this kind per case
  std::span<const FormField> fields;
  std::span<const DateOrder> date_orders = {};
  std::span<const FieldPair> pairs = {};
  std::span<const FieldPair> either = {};
  // Consent the person must have given (to the case's organisation) before an
  // entry of this kind is recorded, e.g. follow-up contact after return.
  std::optional<ConsentPurpose> requires_consent;
  // Fields kept beside the sealed record so that lists can be queried: the
  // assignee, due date and done flag of tasks; a note's confidential flag.
  std::string_view assignee_field = {};
  std::string_view due_field = {};
  std::string_view done_field = {};  // kBool: done when true; kChoice: done once chosen
  std::string_view confidential_field = {};
};

// All forms, in the order the case screen shows them.
std::span<const CaseForm> CaseForms();
const CaseForm* FindCaseForm(std::string_view kind);
const FormField* FindField(const CaseForm& form, std::string_view name);

using FieldValue = std::variant<std::string, int64_t, double, bool, std::vector<std::string>>;
using EntryFields = std::map<std::string, FieldValue, std::less<>>;

// Checks `fields` against `form`: no unknown field, each value of its field's
// type and within its limits, required fields present, date order, pairs,
// either-or, and an amount's currency given.
// Integers are accepted for kNumber fields. References (kUser, kOrganisation,
// kEntry) are checked for form only here; the service checks they exist.
// InvalidArgument naming the field ("fields.<name>") otherwise.
Status ValidateEntry(const CaseForm& form, EntryFields& fields);

// The values kept in plain columns beside the sealed entry.
struct EntryIndex {
  std::optional<Id> assignee_id;
  std::optional<std::string> due_on;
  bool done = false;
  bool confidential = false;
};
EntryIndex IndexOf(const CaseForm& form, const EntryFields& fields);

struct CaseEntry {
  Id id = 0;
  Id case_id = 0;
  std::string kind;
  EntryFields fields;
  EntryIndex index;
  Stamp stamp;
};

}  // namespace trm::domain
