#include "http/entry_routes.h"

#include "http/entry_codecs.h"

namespace trm::http {
namespace {

Response EntryResult(int status, const Result<service::EntryView>& r) {
  if (!r.ok()) return ErrorResponse(r.status());
  return Json(status, EntryToJson(*r));
}

}  // namespace

void AddEntryRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::CaseEntryService& entries = app.entries();

  router.Add("GET", "/api/v1/case-forms", auth([](Request& req, const Params&, const service::Actor&) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    json forms = json::array();
    for (const auto& f : domain::CaseForms()) forms.push_back(CaseFormToJson(f));
    return Json(200, {{"forms", forms}});
  }));

  router.Add("GET", "/api/v1/cases/{id}/entries", auth([&entries](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    if (Status s = OnlyQueryKeys(req, {"kind"}); !s.ok()) return ErrorResponse(s);
    std::optional<std::string> kind;
    if (auto it = req.query.find("kind"); it != req.query.end()) kind = it->second;
    auto list = entries.List(a, *id, kind);
    if (!list.ok()) return ErrorResponse(list.status());
    json items = json::array();
    for (const auto& v : *list) items.push_back(EntryToJson(v));
    return Json(200, {{"entries", items}});
  }));

  router.Add("POST", "/api/v1/cases/{id}/entries", auth([&entries](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    ObjectReader r(*body, "");
    if (Status s = r.OnlyKeys({"kind", "fields"}); !s.ok()) return ErrorResponse(s);
    auto kind = r.RequiredString("kind");
    if (!kind.ok()) return ErrorResponse(kind.status());
    if (!r.Has("fields")) return ErrorResponse(Status::InvalidArgument("fields are required", "fields"));
    auto fields = EntryFieldsFromJson(r.At("fields"));
    if (!fields.ok()) return ErrorResponse(fields.status());
    return EntryResult(201, entries.Add(a, *id, *kind, std::move(*fields)));
  }));

  router.Add("PUT", "/api/v1/cases/{id}/entries/{entry}", auth([&entries](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("case not found"));
    auto entry = IdParam(p, "entry");
    if (!entry.ok()) return ErrorResponse(Status::NotFound("entry not found on this case"));
    return WithVersionedBody(req, {"version", "fields"}, [&](const ObjectReader& r, int64_t version) {
      if (!r.Has("fields")) return ErrorResponse(Status::InvalidArgument("fields are required", "fields"));
      auto fields = EntryFieldsFromJson(r.At("fields"));
      if (!fields.ok()) return ErrorResponse(fields.status());
      return EntryResult(200, entries.Change(a, *id, *entry, version, std::move(*fields)));
    });
  }));

  router.Add("GET", "/api/v1/me/tasks", auth([&entries](Request& req, const Params&, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto tasks = entries.MyTasks(a);
    if (!tasks.ok()) return ErrorResponse(tasks.status());
    json items = json::array();
    for (const auto& t : *tasks) items.push_back(TaskToJson(t));
    return Json(200, {{"tasks", items}});
  }));
}

}  // namespace trm::http
