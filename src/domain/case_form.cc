// Checking a case entry against its form (the forms are in case_forms.cc).
#include "domain/case_form.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "domain/codes.h"
#include "domain/enum_table.h"
#include "domain/money.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<FieldType, 15> kFieldTypes{{
    {FieldType::kLine, "line"},
    {FieldType::kText, "text"},
    {FieldType::kDate, "date"},
    {FieldType::kInteger, "integer"},
    {FieldType::kNumber, "number"},
    {FieldType::kBool, "bool"},
    {FieldType::kChoice, "choice"},
    {FieldType::kChoices, "choices"},
    {FieldType::kCountry, "country"},
    {FieldType::kLanguage, "language"},
    {FieldType::kUser, "user"},
    {FieldType::kOrganisation, "organisation"},
    {FieldType::kEntry, "entry"},
    {FieldType::kCurrency, "currency"},
    {FieldType::kAmount, "amount"},
}};

std::string Path(std::string_view name) { return "fields." + std::string(name); }

Status Bad(const FormField& f, const std::string& message) {
  return Status::InvalidArgument(std::string(f.name) + " " + message, Path(f.name));
}

bool IsOption(const FormField& f, std::string_view v) {
  return std::find(f.options.begin(), f.options.end(), v) != f.options.end();
}

// Checks one value (present) against its field, normalising integers given for
// decimal fields.
Status CheckValue(const FormField& f, FieldValue& value) {
  const auto* s = std::get_if<std::string>(&value);
  switch (f.type) {
    case FieldType::kLine:
    case FieldType::kText: {
      if (!s) return Bad(f, "must be text");
      RETURN_IF_ERROR(CheckText(*s, Path(f.name), static_cast<size_t>(f.max),
                                f.type == FieldType::kText ? TextKind::kMultiline : TextKind::kLine));
      if (f.required && IsBlank(*s)) return Bad(f, "is required");
      return Status::Ok();
    }
    case FieldType::kDate:
      if (!s || !IsValidDate(*s)) return Bad(f, "must be a date YYYY-MM-DD");
      return Status::Ok();
    case FieldType::kCountry:
      if (!s || !IsCountryCode(*s)) return Bad(f, "must be an ISO 3166 country code such as TH");
      return Status::Ok();
    case FieldType::kLanguage:
      if (!s || !IsLanguageCode(*s)) return Bad(f, "must be an ISO 639-1 language code such as km");
      return Status::Ok();
    case FieldType::kChoice:
      if (!s) return Bad(f, "must be one of its listed values");
      if (!IsOption(f, *s)) return Bad(f, "has no value \"" + (IsValidUtf8(*s) ? *s : "?") + "\"");
      return Status::Ok();
    case FieldType::kChoices: {
      const auto* list = std::get_if<std::vector<std::string>>(&value);
      if (!list) return Bad(f, "must be a list of its listed values");
      std::set<std::string_view> seen;
      for (const std::string& v : *list) {
        if (!IsOption(f, v)) return Bad(f, "has no value \"" + (IsValidUtf8(v) ? v : "?") + "\"");
        if (!seen.insert(v).second) return Bad(f, "lists \"" + v + "\" twice");
      }
      if (f.required && list->empty()) return Bad(f, "needs at least one value");
      return Status::Ok();
    }
    case FieldType::kInteger: {
      const auto* i = std::get_if<int64_t>(&value);
      if (!i) return Bad(f, "must be a whole number");
      if (*i < f.min || *i > f.max) return Bad(f, "is out of range");
      return Status::Ok();
    }
    case FieldType::kNumber: {
      if (const auto* i = std::get_if<int64_t>(&value)) value = static_cast<double>(*i);
      const auto* d = std::get_if<double>(&value);
      if (!d || !std::isfinite(*d)) return Bad(f, "must be a number");
      if (*d < f.min || *d > f.max) return Bad(f, "is out of range");
      return Status::Ok();
    }
    case FieldType::kBool:
      if (!std::holds_alternative<bool>(value)) return Bad(f, "must be true or false");
      return Status::Ok();
    case FieldType::kCurrency:
      if (!s) return Bad(f, "must be an ISO 4217 currency code such as THB");
      return CheckCurrency(*s, Path(f.name));
    case FieldType::kAmount: {
      const auto* i = std::get_if<int64_t>(&value);
      if (!i) return Bad(f, "must be a whole number of the currency's minor unit (cents, satang)");
      if (*i < f.min || *i > f.max) return Bad(f, "is out of range");
      return CheckAmount(*i, Path(f.name), false);
    }
    case FieldType::kUser:
    case FieldType::kOrganisation:
    case FieldType::kEntry: {
      const auto* i = std::get_if<int64_t>(&value);
      if (!i || *i <= 0) return Bad(f, "must be an id (a positive whole number)");
      return Status::Ok();
    }
  }
  return Bad(f, "has an unknown type");
}

}  // namespace

std::string_view Name(FieldType t) { return EnumName(kFieldTypes, t); }

Status ValidateEntry(const CaseForm& form, EntryFields& fields) {
  for (auto& [name, value] : fields) {
    const FormField* f = FindField(form, name);
    if (!f)
      return Status::InvalidArgument(
          "a " + std::string(form.kind) + " has no field \"" + (IsValidUtf8(name) ? name : "?") + "\"",
          "fields");
    RETURN_IF_ERROR(CheckValue(*f, value));
  }
  for (const FormField& f : form.fields)
    if (f.required && !fields.contains(f.name)) return Bad(f, "is required");
  for (const DateOrder& o : form.date_orders) {
    auto from = fields.find(o.from), to = fields.find(o.to);
    if (from != fields.end() && to != fields.end() &&
        std::get<std::string>(to->second) < std::get<std::string>(from->second))
      return Status::InvalidArgument(
          std::string(o.to) + " may not be before " + std::string(o.from), Path(o.to));
  }
  for (const FieldPair& p : form.pairs)
    if (fields.contains(p.first) != fields.contains(p.second)) {
      std::string_view missing = fields.contains(p.first) ? p.second : p.first;
      return Status::InvalidArgument(std::string(p.first) + " and " + std::string(p.second) +
                                         " go together: give both or neither",
                                     Path(missing));
    }
  for (const FieldPair& p : form.either)
    if (!fields.contains(p.first) && !fields.contains(p.second))
      return Status::InvalidArgument("give " + std::string(p.first) + " or " + std::string(p.second),
                                     Path(p.first));
  for (const FormField& f : form.fields)
    if (f.type == FieldType::kAmount && fields.contains(f.name) && !fields.contains(f.currency))
      return Status::InvalidArgument(std::string(f.name) + " needs its currency (" +
                                         std::string(f.currency) + ")",
                                     Path(f.currency));
  return Status::Ok();
}

EntryIndex IndexOf(const CaseForm& form, const EntryFields& fields) {
  EntryIndex index;
  auto get = [&](std::string_view name) -> const FieldValue* {
    if (name.empty()) return nullptr;
    auto it = fields.find(name);
    return it == fields.end() ? nullptr : &it->second;
  };
  if (const FieldValue* v = get(form.assignee_field))
    if (const auto* i = std::get_if<int64_t>(v)) index.assignee_id = *i;
  if (const FieldValue* v = get(form.due_field))
    if (const auto* s = std::get_if<std::string>(v)) index.due_on = *s;
  if (const FieldValue* v = get(form.done_field)) {
    if (const auto* b = std::get_if<bool>(v)) index.done = *b;
    if (const auto* s = std::get_if<std::string>(v)) index.done = !s->empty();
  }
  if (const FieldValue* v = get(form.confidential_field))
    if (const auto* b = std::get_if<bool>(v)) index.confidential = *b;
  return index;
}

}  // namespace trm::domain
