#include "http/directory_routes.h"

namespace trm::http {
namespace {

using domain::DirectoryProfile;

template <typename E>
json Names(const std::vector<E>& v) {
  json out = json::array();
  for (E e : v) out.push_back(domain::Name(e));
  return out;
}

json OptInt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json CapacityToJson(const domain::Capacity& c) {
  json by = nullptr;
  if (c.updated_by != 0) by = {{"id", c.updated_by}, {"display_name", c.updated_by_name}};
  return json{{"free_beds", OptInt(c.free_beds)},
              {"total_beds", OptInt(c.total_beds)},
              {"updated_at", c.updated_at ? json(FormatTime(c.updated_at)) : json(nullptr)},
              {"updated_by", by}};
}

// What a search result shows: the profile without its contacts and agreements
// (the profile page has them).
json SummaryToJson(const DirectoryProfile& p) {
  json areas = json::array();
  for (const auto& a : p.details.areas)
    areas.push_back({{"country", a.country}, {"provinces", a.provinces}});
  const domain::Organisation& o = p.organisation;
  return json{{"organisation",
               {{"id", o.id}, {"name", o.name}, {"country", o.country}, {"type", domain::Name(o.type)}}},
              {"version", p.stamp.version},
              {"areas", areas},
              {"services", Names(p.details.services)},
              {"expertise", p.details.expertise},
              {"languages", p.details.languages},
              {"accepts_sex", domain::Name(p.details.accepts_sex)},
              {"accepts_age", domain::Name(p.details.accepts_age)},
              {"accepts_exploitation", Names(p.details.accepts_exploitation)},
              {"working_hours", p.details.working_hours},
              {"capacity", CapacityToJson(p.capacity)}};
}

json ProfileToJson(const DirectoryProfile& p, bool can_edit) {
  json j = SummaryToJson(p);
  json officers = json::array();
  for (const auto& o : p.details.liaison_officers)
    officers.push_back({{"name", o.name},
                        {"title", o.title},
                        {"phone", o.phone},
                        {"email", o.email},
                        {"languages", o.languages}});
  json agreements = json::array();
  for (const auto& a : p.details.agreements)
    agreements.push_back({{"type", domain::Name(a.type)},
                          {"title", a.title},
                          {"partner_organisation_id", a.partner_organisation_id},
                          {"signed_date", a.signed_date},
                          {"expiry_date", a.expiry_date.empty() ? json(nullptr) : json(a.expiry_date)}});
  j["liaison_officers"] = officers;
  j["agreements"] = agreements;
  j["updated_at"] = p.stamp.version ? json(FormatTime(p.stamp.updated_at)) : json(nullptr);
  j["can_edit"] = can_edit;
  return j;
}

// A list of enum names at `key`, each parsed by `parse`; errors name the item.
template <typename E, typename Parse>
Result<std::vector<E>> EnumList(const ObjectReader& r, const char* key, Parse parse) {
  ASSIGN_OR_RETURN(std::vector<std::string> names, r.StringList(key));
  std::vector<E> out;
  for (size_t i = 0; i < names.size(); ++i) {
    auto v = parse(names[i]);
    if (!v)
      return Status::InvalidArgument("unknown value '" + names[i] + "'",
                                     r.Path(key) + "[" + std::to_string(i) + "]");
    out.push_back(*v);
  }
  return out;
}

// A list of objects at `key`, each read by `read` with its own path.
template <typename T, typename Read>
Result<std::vector<T>> ObjectList(const ObjectReader& r, const char* key, size_t max, Read read) {
  std::vector<T> out;
  if (!r.Has(key) || r.IsNull(key)) return out;
  if (!r.At(key).is_array()) return Status::InvalidArgument(r.Path(key) + " must be a list", r.Path(key));
  const json& items = r.At(key);
  if (items.size() > max) return Status::InvalidArgument("too many items", r.Path(key));
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string path = r.Path(key) + "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) return Status::InvalidArgument(path + " must be an object", path);
    ASSIGN_OR_RETURN(T item, read(ObjectReader(items[i], path)));
    out.push_back(std::move(item));
  }
  return out;
}

Result<domain::ServedArea> AreaFromJson(const ObjectReader& r) {
  RETURN_IF_ERROR(r.OnlyKeys({"country", "provinces"}));
  domain::ServedArea a;
  ASSIGN_OR_RETURN(a.country, r.RequiredString("country"));
  ASSIGN_OR_RETURN(a.provinces, r.StringList("provinces"));
  return a;
}

Result<domain::LiaisonOfficer> OfficerFromJson(const ObjectReader& r) {
  RETURN_IF_ERROR(r.OnlyKeys({"name", "title", "phone", "email", "languages"}));
  domain::LiaisonOfficer o;
  ASSIGN_OR_RETURN(o.name, r.RequiredString("name"));
  ASSIGN_OR_RETURN(o.title, r.String("title"));
  ASSIGN_OR_RETURN(o.phone, r.String("phone"));
  ASSIGN_OR_RETURN(o.email, r.String("email"));
  ASSIGN_OR_RETURN(o.languages, r.StringList("languages"));
  return o;
}

Result<domain::Agreement> AgreementFromJson(const ObjectReader& r) {
  RETURN_IF_ERROR(r.OnlyKeys({"type", "title", "partner_organisation_id", "signed_date",
                              "expiry_date"}));
  domain::Agreement a;
  ASSIGN_OR_RETURN(std::string type, r.RequiredString("type"));
  auto t = domain::ParseAgreementType(type);
  if (!t) return Status::InvalidArgument("type must be mou or sop", r.Path("type"));
  a.type = *t;
  ASSIGN_OR_RETURN(a.title, r.RequiredString("title"));
  ASSIGN_OR_RETURN(a.partner_organisation_id, r.RequiredInt("partner_organisation_id"));
  ASSIGN_OR_RETURN(a.signed_date, r.RequiredString("signed_date"));
  ASSIGN_OR_RETURN(auto expiry, r.OptString("expiry_date"));
  a.expiry_date = expiry.value_or("");
  return a;
}

// Every field is required: a PUT replaces the whole profile, and a client
// that forgot a field must not erase it.
Result<domain::ProfileDetails> DetailsFromJson(const ObjectReader& r) {
  for (const char* key : {"areas", "services", "expertise", "languages", "accepts_sex",
                          "accepts_age", "accepts_exploitation", "working_hours",
                          "liaison_officers", "agreements"})
    if (!r.Has(key)) return Status::InvalidArgument(r.Path(key) + " is required", r.Path(key));
  domain::ProfileDetails d;
  ASSIGN_OR_RETURN(d.areas, ObjectList<domain::ServedArea>(r, "areas", 30, AreaFromJson));
  ASSIGN_OR_RETURN(d.services, EnumList<domain::DirService>(r, "services", domain::ParseDirService));
  ASSIGN_OR_RETURN(d.expertise, r.String("expertise"));
  ASSIGN_OR_RETURN(d.languages, r.StringList("languages"));
  ASSIGN_OR_RETURN(std::string sex, r.RequiredString("accepts_sex"));
  auto s = domain::ParseAcceptsSex(sex);
  if (!s) return Status::InvalidArgument("accepts_sex must be women, men or any", "accepts_sex");
  d.accepts_sex = *s;
  ASSIGN_OR_RETURN(std::string age, r.RequiredString("accepts_age"));
  auto a = domain::ParseAcceptsAge(age);
  if (!a) return Status::InvalidArgument("accepts_age must be children, adults or both", "accepts_age");
  d.accepts_age = *a;
  ASSIGN_OR_RETURN(d.accepts_exploitation,
                   EnumList<domain::Exploitation>(r, "accepts_exploitation",
                                                  domain::ParseExploitation));
  ASSIGN_OR_RETURN(d.working_hours, r.String("working_hours"));
  ASSIGN_OR_RETURN(d.liaison_officers,
                   ObjectList<domain::LiaisonOfficer>(r, "liaison_officers", 20, OfficerFromJson));
  ASSIGN_OR_RETURN(d.agreements, ObjectList<domain::Agreement>(r, "agreements", 100, AgreementFromJson));
  return d;
}

// The query's parameters; an empty value means "not given".
Result<domain::DirectoryQuery> QueryFromRequest(const Request& req) {
  RETURN_IF_ERROR(OnlyQueryKeys(req, {"service", "country", "sex", "age", "exploitation",
                                      "language", "q"}));
  auto get = [&](const char* key) -> std::string {
    auto it = req.query.find(key);
    return it == req.query.end() ? "" : it->second;
  };
  domain::DirectoryQuery q;
  if (std::string v = get("service"); !v.empty()) {
    q.service = domain::ParseDirService(v);
    if (!q.service) return Status::InvalidArgument("unknown service '" + v + "'", "service");
  }
  if (std::string v = get("sex"); !v.empty()) {
    q.sex = domain::ParseSeekerSex(v);
    if (!q.sex) return Status::InvalidArgument("sex must be female or male", "sex");
  }
  if (std::string v = get("age"); !v.empty()) {
    q.age = domain::ParseSeekerAge(v);
    if (!q.age) return Status::InvalidArgument("age must be child or adult", "age");
  }
  if (std::string v = get("exploitation"); !v.empty()) {
    q.exploitation = domain::ParseExploitation(v);
    if (!q.exploitation)
      return Status::InvalidArgument("unknown type of exploitation '" + v + "'", "exploitation");
  }
  q.country = get("country");
  q.language = get("language");
  q.text = get("q");
  return q;
}

Response ProfileResult(const Result<DirectoryProfile>& p, service::DirectoryService& dir,
                       const service::Actor& a) {
  if (!p.ok()) return ErrorResponse(p.status());
  return Json(200, ProfileToJson(*p, dir.MayEdit(a, p->organisation.id)));
}

}  // namespace

void AddDirectoryRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::DirectoryService& dir = app.directory();

  router.Add("GET", "/api/v1/directory", auth([&](Request& req, const Params&, const service::Actor& a) {
    auto q = QueryFromRequest(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto hits = dir.Search(a, *q);
    if (!hits.ok()) return ErrorResponse(hits.status());
    json items = json::array();
    for (const auto& h : *hits) {
      json item = SummaryToJson(h.profile);
      item["score"] = h.score;
      item["matched"] = h.matched;
      item["missed"] = h.missed;
      item["words"] = h.words;
      items.push_back(std::move(item));
    }
    return Json(200, {{"items", items}});
  }));
  router.Add("GET", "/api/v1/directory/{id}", auth([&](Request& req, const Params& p, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("organisation not found"));
    return ProfileResult(dir.Get(a, *id), dir, a);
  }));
  router.Add("PUT", "/api/v1/directory/{id}", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("organisation not found"));
    return WithVersionedBody(req,
                             {"version", "areas", "services", "expertise", "languages", "accepts_sex", "accepts_age",
                              "accepts_exploitation", "working_hours", "liaison_officers", "agreements"},
                             [&](const ObjectReader& r, int64_t version) {
                               auto details = DetailsFromJson(r);
                               if (!details.ok()) return ErrorResponse(details.status());
                               return ProfileResult(dir.Update(a, *id, version, std::move(*details)), dir, a);
                             });
  }));
  router.Add("POST", "/api/v1/directory/{id}/capacity", auth([&](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("organisation not found"));
    return WithVersionedBody(req, {"version", "free_beds", "total_beds"}, [&](const ObjectReader& r, int64_t version) {
      // Both keys must be sent (null: no beds), so that a forgotten one is not
      // read as "no beds".
      for (const char* key : {"free_beds", "total_beds"})
        if (!r.Has(key)) return ErrorResponse(Status::InvalidArgument(std::string(key) + " is required", key));
      std::optional<int> beds[2];
      const char* keys[2] = {"free_beds", "total_beds"};
      for (int i = 0; i < 2; ++i) {
        auto n = r.OptInt(keys[i]);
        if (!n.ok()) return ErrorResponse(n.status());
        if (*n && (**n < 0 || **n > 100000))
          return ErrorResponse(Status::InvalidArgument(std::string(keys[i]) + " must be between 0 and 100000", keys[i]));
        if (*n) beds[i] = static_cast<int>(**n);
      }
      return ProfileResult(dir.UpdateCapacity(a, *id, version, beds[0], beds[1]), dir, a);
    });
  }));
}

}  // namespace trm::http
