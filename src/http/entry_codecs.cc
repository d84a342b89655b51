#include "http/entry_codecs.h"

#include "common/clock.h"
#include "domain/money.h"
#include "domain/validation.h"

namespace trm::http {
namespace {

json UserRef(domain::Id id, const std::string& name) {
  return json{{"id", id}, {"display_name", name}};
}

json FieldToJson(const domain::FormField& f) {
  json j = {{"name", f.name}, {"type", domain::Name(f.type)}, {"required", f.required}};
  switch (f.type) {
    case domain::FieldType::kChoice:
    case domain::FieldType::kChoices: {
      json options = json::array();
      for (std::string_view o : f.options) options.push_back(o);
      j["list"] = f.list;
      j["options"] = options;
      break;
    }
    case domain::FieldType::kInteger:
    case domain::FieldType::kNumber:
      j["min"] = f.min;
      j["max"] = f.max;
      break;
    case domain::FieldType::kLine:
    case domain::FieldType::kText:
      j["max"] = static_cast<int64_t>(f.max);
      break;
    case domain::FieldType::kEntry:
      j["ref_kind"] = f.ref_kind;
      break;
    case domain::FieldType::kAmount:
      j["min"] = f.min;
      j["max"] = f.max;
      j["currency_field"] = f.currency;
      break;
    case domain::FieldType::kCurrency: {
      // Codes with their minor units: the web app turns 12,500.50 into 1250050.
      json currencies = json::array();
      for (const auto& c : domain::Currencies())
        currencies.push_back({{"code", c.code}, {"minor_digits", c.minor_digits}});
      j["currencies"] = currencies;
      break;
    }
    default:
      break;
  }
  return j;
}

}  // namespace

json CaseFormToJson(const domain::CaseForm& form) {
  json fields = json::array();
  for (const auto& f : form.fields) fields.push_back(FieldToJson(f));
  json orders = json::array();
  for (const auto& o : form.date_orders) orders.push_back({{"from", o.from}, {"to", o.to}});
  json pairs = json::array();
  for (const auto& p : form.pairs) pairs.push_back({{"first", p.first}, {"second", p.second}});
  json either = json::array();
  for (const auto& p : form.either) either.push_back({{"first", p.first}, {"second", p.second}});
  json j = {{"kind", form.kind},
            {"multiple", form.multiple},
            {"fields", fields},
            {"date_orders", orders},
            {"pairs", pairs},
            {"either", either}};
  if (form.requires_consent) j["requires_consent"] = domain::Name(*form.requires_consent);
  return j;
}

json EntryToJson(const service::EntryView& v) {
  const domain::CaseEntry& e = v.entry;
  json j = {{"id", e.id},
            {"case_id", e.case_id},
            {"kind", e.kind},
            {"version", e.stamp.version},
            {"restricted", v.restricted},
            {"created_at", FormatTime(e.stamp.created_at)},
            {"created_by", UserRef(e.stamp.created_by, v.created_by_name)},
            {"updated_at", FormatTime(e.stamp.updated_at)},
            {"updated_by", UserRef(e.stamp.updated_by, v.updated_by_name)}};
  if (!v.restricted) {
    json fields = json::object();
    for (const auto& [name, value] : e.fields)
      std::visit([&fields, &name = name](const auto& x) { fields[name] = x; }, value);
    j["fields"] = fields;
  }
  return j;
}

json TaskToJson(const service::TaskView& v) {
  return json{{"entry", EntryToJson(v.entry)},
              {"case_id", v.entry.entry.case_id},
              {"case_reference", v.case_reference},
              {"due_on", v.entry.entry.index.due_on ? json(*v.entry.entry.index.due_on) : json(nullptr)},
              {"overdue", v.overdue}};
}

Result<domain::EntryFields> EntryFieldsFromJson(const json& fields) {
  if (!fields.is_object()) return Status::InvalidArgument("fields must be an object", "fields");
  domain::EntryFields out;
  for (const auto& [name, v] : fields.items()) {
    const std::string path = "fields." + name;
    if (v.is_null()) continue;
    if (v.is_string()) out[name] = v.get<std::string>();
    else if (v.is_boolean()) out[name] = v.get<bool>();
    else if (v.is_number_integer()) {
      if (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t{INT64_MAX})
        return Status::InvalidArgument(name + " is out of range", path);
      out[name] = v.get<int64_t>();
    } else if (v.is_number_float()) out[name] = v.get<double>();
    else if (v.is_array()) {
      std::vector<std::string> list;
      for (const auto& item : v) {
        if (!item.is_string()) return Status::InvalidArgument(name + " must list text values", path);
        list.push_back(item.get<std::string>());
      }
      out[name] = std::move(list);
    } else {
      return Status::InvalidArgument(name + " cannot be an object", path);
    }
  }
  return out;
}

}  // namespace trm::http
