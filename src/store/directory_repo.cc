#include "store/directory_repo.h"

#include <nlohmann/json.hpp>

#include "store/stamp.h"

namespace trm::store {
namespace {

using nlohmann::json;

// Organisations left-joined to their profile, and to the user who last
// stated the capacity (shown as "updated by").
constexpr const char* kSelect =
    "SELECT o.id, o.name, o.type, o.country, d.details, d.free_beds, d.total_beds, "
    "d.capacity_updated_at, d.capacity_updated_by, u.display_name, d.version, d.created_by, "
    "d.created_at, d.updated_by, d.updated_at "
    "FROM organisations o LEFT JOIN directory_profiles d ON d.organisation_id = o.id "
    "LEFT JOIN users u ON u.id = d.capacity_updated_by ";

template <typename E>
json Names(const std::vector<E>& v) {
  json out = json::array();
  for (E e : v) out.push_back(domain::Name(e));
  return out;
}

std::string DetailsJson(const domain::ProfileDetails& d) {
  json areas = json::array();
  for (const auto& a : d.areas) areas.push_back({{"country", a.country}, {"provinces", a.provinces}});
  json officers = json::array();
  for (const auto& o : d.liaison_officers)
    officers.push_back({{"name", o.name},
                        {"title", o.title},
                        {"phone", o.phone},
                        {"email", o.email},
                        {"languages", o.languages}});
  json agreements = json::array();
  for (const auto& a : d.agreements)
    agreements.push_back({{"type", domain::Name(a.type)},
                          {"title", a.title},
                          {"partner_organisation_id", a.partner_organisation_id},
                          {"signed_date", a.signed_date},
                          {"expiry_date", a.expiry_date}});
  return json{{"areas", areas},
              {"services", Names(d.services)},
              {"expertise", d.expertise},
              {"languages", d.languages},
              {"accepts_sex", domain::Name(d.accepts_sex)},
              {"accepts_age", domain::Name(d.accepts_age)},
              {"accepts_exploitation", Names(d.accepts_exploitation)},
              {"working_hours", d.working_hours},
              {"liaison_officers", officers},
              {"agreements", agreements}}
      .dump();
}

std::vector<std::string> Strings(const json& j, const char* key) {
  std::vector<std::string> out;
  for (const json& s : j.value(key, json::array()))
    if (s.is_string()) out.push_back(s.get<std::string>());
  return out;
}

// What was written by DetailsJson; a value this program no longer knows makes
// the profile unreadable rather than silently different.
Result<domain::ProfileDetails> ParseDetails(const std::string& text, domain::Id org) {
  const Status bad = Status::Internal("directory profile " + std::to_string(org) + " is unreadable");
  json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return bad;
  domain::ProfileDetails d;
  for (const json& a : j.value("areas", json::array()))
    d.areas.push_back({a.value("country", ""), Strings(a, "provinces")});
  for (const std::string& s : Strings(j, "services")) {
    auto v = domain::ParseDirService(s);
    if (!v) return bad;
    d.services.push_back(*v);
  }
  d.expertise = j.value("expertise", "");
  d.languages = Strings(j, "languages");
  auto sex = domain::ParseAcceptsSex(j.value("accepts_sex", "any"));
  auto age = domain::ParseAcceptsAge(j.value("accepts_age", "both"));
  if (!sex || !age) return bad;
  d.accepts_sex = *sex;
  d.accepts_age = *age;
  for (const std::string& s : Strings(j, "accepts_exploitation")) {
    auto v = domain::ParseExploitation(s);
    if (!v) return bad;
    d.accepts_exploitation.push_back(*v);
  }
  d.working_hours = j.value("working_hours", "");
  for (const json& o : j.value("liaison_officers", json::array()))
    d.liaison_officers.push_back({o.value("name", ""), o.value("title", ""), o.value("phone", ""),
                                  o.value("email", ""), Strings(o, "languages")});
  for (const json& a : j.value("agreements", json::array())) {
    auto type = domain::ParseAgreementType(a.value("type", ""));
    if (!type) return bad;
    d.agreements.push_back({*type, a.value("title", ""),
                            a.value("partner_organisation_id", domain::Id{0}),
                            a.value("signed_date", ""), a.value("expiry_date", "")});
  }
  return d;
}

std::optional<int> OptBeds(const Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return static_cast<int>(r.Int(i));
}

Value OptValue(const std::optional<int>& v) {
  if (v) return int64_t{*v};
  return std::monostate{};
}

Result<domain::DirectoryProfile> FromRow(const Row& r) {
  domain::DirectoryProfile p;
  p.organisation.id = r.Int(0);
  p.organisation.name = r.Text(1);
  auto type = domain::ParseOrgType(r.Text(2));
  if (!type) return Status::Internal("organisation " + std::to_string(p.organisation.id) +
                                     " has unknown type");
  p.organisation.type = *type;
  p.organisation.country = r.Text(3);
  if (r.IsNull(4)) {
    p.stamp = domain::Stamp{0, 0, 0, 0, 0};  // no profile yet
    return p;
  }
  ASSIGN_OR_RETURN(p.details, ParseDetails(r.Text(4), p.organisation.id));
  p.capacity.free_beds = OptBeds(r, 5);
  p.capacity.total_beds = OptBeds(r, 6);
  p.capacity.updated_at = r.Int(7);
  p.capacity.updated_by = r.Int(8);
  p.capacity.updated_by_name = r.Text(9);
  p.stamp = ReadStamp(r, 10);
  return p;
}

}  // namespace

Result<std::vector<domain::DirectoryProfile>> DirectoryRepo::Select(
    const std::string& where, const std::vector<Value>& params) {
  ASSIGN_OR_RETURN(Rows rows, conn_.Query(kSelect + where + " ORDER BY o.country, o.name, o.id",
                                          params));
  std::vector<domain::DirectoryProfile> out;
  for (const Row& r : rows) {
    ASSIGN_OR_RETURN(auto p, FromRow(r));
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<domain::DirectoryProfile>> DirectoryRepo::List() { return Select("", {}); }

Result<domain::DirectoryProfile> DirectoryRepo::Get(domain::Id organisation_id) {
  ASSIGN_OR_RETURN(auto found, Select("WHERE o.id = ?", {organisation_id}));
  if (found.empty()) return Status::NotFound("organisation not found");
  return std::move(found[0]);
}

Status DirectoryRepo::Save(const domain::DirectoryProfile& p) {
  const domain::Capacity& c = p.capacity;
  const Value cap_at = c.updated_at ? Value{c.updated_at} : Value{std::monostate{}};
  const Value cap_by = c.updated_by ? Value{c.updated_by} : Value{std::monostate{}};
  if (p.stamp.version == 1) {
    auto n = conn_.Exec(std::string("INSERT INTO directory_profiles (organisation_id, details, "
                                    "free_beds, total_beds, capacity_updated_at, "
                                    "capacity_updated_by, ") +
                            kStampColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {p.organisation.id, DetailsJson(p.details), OptValue(c.free_beds),
                         OptValue(c.total_beds), cap_at, cap_by, p.stamp.version,
                         p.stamp.created_by, p.stamp.created_at, p.stamp.updated_by,
                         p.stamp.updated_at});
    // Someone else wrote the first version between our read and this insert.
    if (n.status().code() == Code::kAlreadyExists)
      return Status::Conflict("the profile was changed by someone else; reload it");
    return n.status();
  }
  ASSIGN_OR_RETURN(int64_t n,
                   conn_.Exec("UPDATE directory_profiles SET details = ?, free_beds = ?, "
                              "total_beds = ?, capacity_updated_at = ?, capacity_updated_by = ?, "
                              "version = ?, updated_by = ?, updated_at = ? "
                              "WHERE organisation_id = ? AND version = ?",
                              {DetailsJson(p.details), OptValue(c.free_beds),
                               OptValue(c.total_beds), cap_at, cap_by, p.stamp.version,
                               p.stamp.updated_by, p.stamp.updated_at, p.organisation.id,
                               p.stamp.version - 1}));
  if (n == 0) return Status::Conflict("the profile was changed by someone else; reload it");
  return Status::Ok();
}

}  // namespace trm::store
