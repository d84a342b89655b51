#include "http/match_routes.h"

#include "http/codecs.h"
#include "http/match_codecs.h"

namespace trm::http {
namespace {

json CaseBrief(const service::CaseView& v) {
  const domain::Case& c = v.c;
  return json{{"id", c.id},
              {"reference", c.reference},
              {"status", domain::Name(c.status)},
              {"owner", {{"id", v.owner.id}, {"name", v.owner.name}, {"country", v.owner.country}}},
              {"person", PersonToJson(c.person)}};
}

json LinkBrief(const domain::PersonLink& l) {
  return json{{"id", l.id}, {"decision", domain::Name(l.decision)}, {"version", l.stamp.version}};
}

json MatchToJson(const service::MatchedCase& m) {
  return json{{"case", CaseBrief(m.view)},
              {"probability", ProbabilityJson(m.candidate.probability)},
              {"decision", m.candidate.decision},
              {"reasons", ReasonsToJson(m.candidate.reasons)},
              {"link", m.link ? LinkBrief(*m.link) : json(nullptr)}};
}

json LinkToJson(const service::PersonLinkView& v) {
  auto user = [&](domain::Id id) {
    auto it = v.user_names.find(id);
    return json{{"id", id}, {"display_name", it == v.user_names.end() ? "" : it->second}};
  };
  const domain::PersonLink& l = v.link;
  return json{{"id", l.id},
              {"version", l.stamp.version},
              {"decision", domain::Name(l.decision)},
              {"probability", l.probability_bp / 10000.0},
              {"note", l.note},
              {"other_case", CaseBrief(v.other)},
              {"decided_by", user(l.stamp.updated_by)},
              {"decided_at", FormatTime(l.stamp.updated_at)},
              {"created_at", FormatTime(l.stamp.created_at)}};
}

Response MatchList(const Result<std::vector<service::MatchedCase>>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  json items = json::array();
  for (const auto& m : *r) items.push_back(MatchToJson(m));
  return Json(200, {{"items", items}});
}

Result<service::LinkDecisionInput> DecisionFromJson(const ObjectReader& r) {
  service::LinkDecisionInput in;
  ASSIGN_OR_RETURN(std::string decision, r.RequiredString("decision"));
  auto parsed = domain::ParseLinkDecision(decision);
  if (!parsed) return Status::InvalidArgument("decision must be same or different", "decision");
  in.decision = *parsed;
  ASSIGN_OR_RETURN(in.note, r.String("note"));
  return in;
}

}  // namespace

void AddMatchRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::MatchService& matches = app.matches();

  router.Add("POST", "/api/v1/matches/person",
             auth([&matches](Request& req, const Params&, const service::Actor& a) {
               auto body = ParseJsonObject(req);
               if (!body.ok()) return ErrorResponse(body.status());
               ObjectReader r(*body, "");
               if (Status s = r.OnlyKeys({"person"}); !s.ok()) return ErrorResponse(s);
               if (!r.Has("person"))
                 return ErrorResponse(Status::InvalidArgument("person is required", "person"));
               auto person = PersonFromJson(r.At("person"), "person");
               if (!person.ok()) return ErrorResponse(person.status());
               return MatchList(matches.ForPerson(a, *person));
             }));
  router.Add("GET", "/api/v1/cases/{id}/matches",
             auth([&matches](Request& req, const Params& p, const service::Actor& a) {
               if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
               auto id = IdParam(p, "id");
               if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
               return MatchList(matches.ForCase(a, *id));
             }));
  router.Add("GET", "/api/v1/cases/{id}/person-links",
             auth([&matches](Request& req, const Params& p, const service::Actor& a) {
               if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
               auto id = IdParam(p, "id");
               if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
               auto links = matches.Links(a, *id);
               if (!links.ok()) return ErrorResponse(links.status());
               json items = json::array();
               for (const auto& l : *links) items.push_back(LinkToJson(l));
               return Json(200, {{"items", items}});
             }));
  router.Add("POST", "/api/v1/cases/{id}/person-links",
             auth([&matches](Request& req, const Params& p, const service::Actor& a) {
               auto id = IdParam(p, "id");
               if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
               auto body = ParseJsonObject(req);
               if (!body.ok()) return ErrorResponse(body.status());
               ObjectReader r(*body, "");
               if (Status s = r.OnlyKeys({"other_case_id", "decision", "note"}); !s.ok())
                 return ErrorResponse(s);
               auto other = r.RequiredInt("other_case_id");
               if (!other.ok()) return ErrorResponse(other.status());
               if (*other < 1)
                 return ErrorResponse(Status::InvalidArgument("other_case_id must be an id", "other_case_id"));
               auto in = DecisionFromJson(r);
               if (!in.ok()) return ErrorResponse(in.status());
               auto v = matches.Decide(a, *id, *other, *in);
               if (!v.ok()) return ErrorResponse(v.status());
               Response res = Json(201, LinkToJson(*v));
               res.Set("Location", "/api/v1/cases/" + std::to_string(*id) + "/person-links/" +
                                       std::to_string(v->link.id));
               return res;
             }));
  router.Add("PATCH", "/api/v1/cases/{id}/person-links/{link}",
             auth([&matches](Request& req, const Params& p, const service::Actor& a) {
               auto id = IdParam(p, "id");
               if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
               auto link = IdParam(p, "link");
               if (!link.ok()) return ErrorResponse(Status::NotFound("person link not found"));
               return WithVersionedBody(req, {"version", "decision", "note"}, [&](const ObjectReader& r, int64_t version) {
                 auto in = DecisionFromJson(r);
                 if (!in.ok()) return ErrorResponse(in.status());
                 auto v = matches.ChangeDecision(a, *id, *link, version, *in);
                 if (!v.ok()) return ErrorResponse(v.status());
                 return Json(200, LinkToJson(*v));
               });
             }));
}

}  // namespace trm::http
