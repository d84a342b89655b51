#include "http/register_codecs.h"

#include <cmath>

#include "common/clock.h"

namespace trm::http {
namespace {

using domain::RegisterDetails;

json OrNull(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

struct ListField {
  const char* key;
  std::vector<std::string> RegisterDetails::*list;
};
constexpr ListField kLists[] = {
    {"names", &RegisterDetails::names},
    {"aliases", &RegisterDetails::aliases},
    {"licence_numbers", &RegisterDetails::licence_numbers},
    {"addresses", &RegisterDetails::addresses},
    {"phones", &RegisterDetails::phones},
    {"websites", &RegisterDetails::websites},
    {"handles", &RegisterDetails::handles},
};

json HistoryJson(const service::RegisterHistoryView& hv) {
  const domain::RegisterHistory& h = hv.line;
  json actor = nullptr;
  if (h.actor_id != 0) actor = {{"id", h.actor_id}, {"display_name", hv.actor_name}};
  return json{{"id", h.id},
              {"change", h.change},
              {"at", FormatTime(h.at)},
              {"actor", actor},
              {"from_status", h.from_status ? json(domain::Name(*h.from_status)) : json(nullptr)},
              {"to_status", domain::Name(h.to_status)},
              {"status_date", h.status_date},
              {"source", {{"kind", domain::Name(h.source.kind)}, {"reference", h.source.reference}}},
              {"reason", h.reason}};
}

json DetailJson(const service::RegisterDetailView& d, bool full) {
  json j = json::object();
  for (const ListField& f : kLists) j[f.key] = d.details.*f.list;
  j["source_reference"] = d.source_reference;
  j["review_date"] = OrNull(d.review_date);
  j["due_for_review"] = d.due_for_review;
  j["created_at"] = FormatTime(d.stamp.created_at);
  j["updated_at"] = FormatTime(d.stamp.updated_at);
  if (!full) return j;
  json history = json::array();
  for (const auto& h : d.history) history.push_back(HistoryJson(h));
  json cases = json::array();
  for (const auto& c : d.cases)
    cases.push_back({{"id", c.case_id},
                     {"reference", c.reference},
                     {"linked_at", FormatTime(c.linked_at)},
                     {"linked_by", OrNull(c.linked_by_name)}});
  j["history"] = history;
  j["cases"] = cases;
  return j;
}

Result<std::vector<std::string>> List(const ObjectReader& r, const char* key, bool required) {
  if (required && !r.Has(key)) return Status::InvalidArgument(r.Path(key) + " is required", r.Path(key));
  if (r.Has(key) && !r.IsNull(key) && r.At(key).is_array() && r.At(key).size() > 100)
    return Status::InvalidArgument("too many values", r.Path(key));
  return r.StringList(key);
}

template <typename E, typename Parse>
Result<E> Enum(const ObjectReader& r, const char* key, Parse parse, const char* choices) {
  ASSIGN_OR_RETURN(std::string name, r.RequiredString(key));
  auto v = parse(name);
  if (!v) return Status::InvalidArgument(r.Path(key) + " must be one of " + choices, r.Path(key));
  return *v;
}

}  // namespace

std::string_view Name(service::RegisterAccess level) {
  switch (level) {
    case service::RegisterAccess::kCheck: return "check";
    case service::RegisterAccess::kDetails: return "details";
    case service::RegisterAccess::kEdit: return "edit";
  }
  return "check";
}

json RegisterEntryToJson(const service::RegisterView& v, bool full) {
  return json{{"id", v.id},
              {"kind", domain::Name(v.kind)},
              {"role", domain::Name(v.role)},
              {"country", v.country},
              {"status", domain::Name(v.status)},
              {"status_date", v.status_date},
              {"source", {{"kind", domain::Name(v.source_kind)}, {"reference", OrNull(v.public_reference)}}},
              {"version", v.version},
              {"may_edit", v.may_edit},
              {"detail", v.detail ? DetailJson(*v.detail, full) : json(nullptr)}};
}

json RegisterCheckToJson(const service::RegisterCheckResult& r) {
  json items = json::array();
  for (const auto& hit : r.hits) {
    json matches = json::array();
    for (const auto& m : hit.matches) {
      json jm{{"query_field", m.query_field},
              {"query_value", OrNull(m.query_value)},
              {"entry_field", m.entry_field},
              {"how", domain::Name(m.how)}};
      // A name found by the matching engine says how sure and how it agreed.
      if (!m.agreement.empty()) {
        jm["probability"] = std::round(m.probability * 1000) / 1000;
        jm["agreement"] = m.agreement;
      }
      // The entry's own value only for those who may see its details.
      if (hit.entry.detail) jm["entry_value"] = m.entry_value;
      matches.push_back(std::move(jm));
    }
    items.push_back({{"entry", RegisterEntryToJson(hit.entry, false)}, {"matches", matches}});
  }
  return json{{"extracted",
               {{"phones", r.extracted.phones}, {"handles", r.extracted.handles}, {"websites", r.extracted.websites}}},
              {"items", items}};
}

json ImportReportToJson(const service::ImportReport& r) {
  json rows = json::array();
  for (const auto& v : r.steps) {
    const domain::ImportStep& s = v.step;
    const bool rejected = s.action == domain::ImportAction::kRejected;
    json error = nullptr;
    if (rejected) {
      error = {{"message", s.error.message()}};
      if (!s.error.field().empty()) error["field"] = s.error.field();
    }
    rows.push_back({{"line", s.line},
                    {"action", domain::Name(s.action)},
                    {"entry_id", s.entry_id ? json(s.entry_id) : json(nullptr)},
                    {"matched_by", OrNull(s.matched_by)},
                    {"name", OrNull(v.name)},
                    {"status_change", s.status_change},
                    {"from_status", v.from_status ? json(domain::Name(*v.from_status)) : json(nullptr)},
                    {"to_status", rejected ? json(nullptr) : json(domain::Name(s.result.status))},
                    {"error", error}});
  }
  return json{{"created", r.created}, {"updated", r.updated}, {"unchanged", r.unchanged},
              {"rejected", r.rejected}, {"rows", rows}};
}

Result<domain::CheckQuery> CheckQueryFromJson(const json& body) {
  ObjectReader r(body, "");
  RETURN_IF_ERROR(r.OnlyKeys({"name", "company", "phone", "handle", "website", "text"}));
  domain::CheckQuery q;
  ASSIGN_OR_RETURN(q.name, r.String("name"));
  ASSIGN_OR_RETURN(q.company, r.String("company"));
  ASSIGN_OR_RETURN(q.phone, r.String("phone"));
  ASSIGN_OR_RETURN(q.handle, r.String("handle"));
  ASSIGN_OR_RETURN(q.website, r.String("website"));
  ASSIGN_OR_RETURN(q.text, r.String("text"));
  return q;
}

Result<service::RegisterFields> RegisterFieldsFromJson(const ObjectReader& r, bool replace) {
  service::RegisterFields f;
  ASSIGN_OR_RETURN(f.kind, (Enum<domain::RegisterKind>(r, "kind", domain::ParseRegisterKind,
                                                        "person, organisation")));
  ASSIGN_OR_RETURN(f.role, (Enum<domain::RegisterRole>(r, "role", domain::ParseRegisterRole,
                                                        "recruiter, broker, agency, employer")));
  ASSIGN_OR_RETURN(f.country, r.RequiredString("country"));
  for (const ListField& lf : kLists) {
    ASSIGN_OR_RETURN(f.details.*lf.list, List(r, lf.key, replace || std::string_view(lf.key) == "names"));
  }
  if (replace && !r.Has("review_date"))
    return Status::InvalidArgument("review_date is required (null for none)", "review_date");
  ASSIGN_OR_RETURN(auto review, r.OptString("review_date"));
  f.review_date = review.value_or("");
  return f;
}

Result<service::RegisterStatusChange> StatusChangeFromJson(const ObjectReader& r) {
  service::RegisterStatusChange s;
  ASSIGN_OR_RETURN(s.status, (Enum<domain::RegisterStatus>(
                                 r, "status", domain::ParseRegisterStatus,
                                 "alleged_in_report, case_filed, convicted, acquitted, dismissed, expired")));
  ASSIGN_OR_RETURN(s.status_date, r.RequiredString("status_date"));
  if (!r.Has("source") || !r.At("source").is_object())
    return Status::InvalidArgument("source must be an object {kind, reference}", "source");
  ObjectReader src(r.At("source"), "source");
  RETURN_IF_ERROR(src.OnlyKeys({"kind", "reference"}));
  ASSIGN_OR_RETURN(s.source.kind, (Enum<domain::SourceKind>(src, "kind", domain::ParseSourceKind,
                                                            "case, court, public_list")));
  ASSIGN_OR_RETURN(s.source.reference, src.RequiredString("reference"));
  ASSIGN_OR_RETURN(s.reason, r.RequiredString("reason"));
  return s;
}

}  // namespace trm::http
