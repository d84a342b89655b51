#include "http/codecs.h"

namespace trm::http {
namespace {

json Ref(const service::CaseView& v, std::optional<domain::Id> id) {
  if (!id || *id == 0) return nullptr;
  auto it = v.user_names.find(*id);
  return json{{"id", *id}, {"display_name", it == v.user_names.end() ? "" : it->second}};
}

}  // namespace

Result<domain::Person> PersonFromJson(const json& j, const std::string& prefix) {
  if (!j.is_object()) return Status::InvalidArgument(prefix + " must be an object", prefix);
  ObjectReader r(j, prefix);
  RETURN_IF_ERROR(r.OnlyKeys({"first_name", "middle_name", "second_name", "birth_date",
                              "approximate_age", "gender", "citizenship", "languages"}));
  domain::Person p;
  ASSIGN_OR_RETURN(p.first_name, r.String("first_name"));
  ASSIGN_OR_RETURN(p.middle_name, r.String("middle_name"));
  ASSIGN_OR_RETURN(p.second_name, r.String("second_name"));
  ASSIGN_OR_RETURN(p.birth_date, r.OptString("birth_date"));
  ASSIGN_OR_RETURN(auto age, r.OptInt("approximate_age"));
  if (age) {
    if (*age < 0 || *age > 120)
      return Status::InvalidArgument("approximate age must be between 0 and 120",
                                     r.Path("approximate_age"));
    p.approximate_age = static_cast<int>(*age);
  }
  ASSIGN_OR_RETURN(std::string gender, r.String("gender", "NonSpecifiedUnknown"));
  auto g = domain::ParseGender(gender);
  if (!g)
    return Status::InvalidArgument("unknown gender '" + gender +
                                       "' (Feminine, Masculine, TransgenderFeminine, "
                                       "TransgenderMasculine, NonConforming, NonSpecifiedUnknown)",
                                   r.Path("gender"));
  p.gender = *g;
  ASSIGN_OR_RETURN(p.citizenship, r.StringList("citizenship"));
  ASSIGN_OR_RETURN(p.languages, r.StringList("languages"));
  return p;
}

json PersonToJson(const domain::Person& p) {
  return json{{"first_name", p.first_name},
              {"middle_name", p.middle_name},
              {"second_name", p.second_name},
              {"birth_date", p.birth_date ? json(*p.birth_date) : json(nullptr)},
              {"approximate_age", p.approximate_age ? json(*p.approximate_age) : json(nullptr)},
              {"gender", domain::Name(p.gender)},
              {"citizenship", p.citizenship},
              {"languages", p.languages}};
}

json CaseToJson(const service::CaseView& v) {
  const domain::Case& c = v.c;
  json team = json::array();
  for (domain::Id id : c.team) team.push_back(Ref(v, id));
  return json{
      {"id", c.id},
      {"reference", c.reference},
      {"status", domain::Name(c.status)},
      {"version", c.stamp.version},
      {"owner_organisation",
       {{"id", v.owner.id}, {"name", v.owner.name}, {"country", v.owner.country}}},
      {"assignee", Ref(v, c.assignee_id)},
      {"team", team},
      {"person", PersonToJson(c.person)},
      {"closure_reason", c.closure_reason.empty() ? json(nullptr) : json(c.closure_reason)},
      {"created_at", FormatTime(c.stamp.created_at)},
      {"created_by", Ref(v, c.stamp.created_by)},
      {"updated_at", FormatTime(c.stamp.updated_at)},
      {"updated_by", Ref(v, c.stamp.updated_by)},
  };
}

json CaseSummaryToJson(const service::CaseView& v) {
  const domain::Case& c = v.c;
  return json{{"id", c.id},
              {"reference", c.reference},
              {"status", domain::Name(c.status)},
              {"version", c.stamp.version},
              {"person",
               {{"first_name", c.person.first_name}, {"second_name", c.person.second_name}}},
              {"assignee", Ref(v, c.assignee_id)},
              {"updated_at", FormatTime(c.stamp.updated_at)}};
}

json UserToJson(const domain::User& u, const domain::Organisation& org) {
  return json{{"id", u.id},
              {"username", u.username},
              {"display_name", u.display_name},
              {"role", domain::Name(u.role)},
              {"organisation",
               {{"id", org.id},
                {"name", org.name},
                {"country", org.country},
                {"type", domain::Name(org.type)}}}};
}

}  // namespace trm::http
