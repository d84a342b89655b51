#include "http/library_routes.h"

#include <algorithm>
#include <cctype>

#include "http/base64.h"

namespace trm::http {
namespace {

json UserRef(domain::Id id, const service::DocumentView& v) {
  auto it = v.users.find(id);
  return {{"id", id}, {"display_name", it == v.users.end() ? "" : it->second}};
}

json VersionToJson(const domain::DocumentVersion& ver, const service::DocumentView& v) {
  json orgs = json::array();
  for (domain::Id id : ver.organisations) {
    const domain::Organisation& o = v.organisations.at(id);
    orgs.push_back({{"id", o.id}, {"name", o.name}, {"country", o.country}});
  }
  return json{{"id", ver.id},
              {"number", ver.number},
              {"filename", ver.filename},
              {"content_type", ver.content_type},
              {"size", ver.size},
              {"sha256", ver.sha256},
              {"language", ver.language},
              {"countries", ver.countries},
              {"organisations", orgs},
              {"effective_date", ver.effective_date},
              {"summary", ver.summary},
              {"published_at", FormatTime(ver.stamp.created_at)},
              {"published_by", UserRef(ver.stamp.created_by, v)},
              {"download_url", "/api/v1/library/" + std::to_string(ver.document_id) + "/versions/" +
                                   std::to_string(ver.id) + "/file"}};
}

json DocumentToJson(const service::DocumentView& v) {
  const domain::LibraryDocument& d = v.entry.document;
  json versions = json::array();
  for (const auto& ver : v.entry.versions) versions.push_back(VersionToJson(ver, v));
  json withdrawn = nullptr;
  if (d.status == domain::DocumentStatus::kWithdrawn)
    withdrawn = {{"at", FormatTime(d.withdrawn_at)},
                 {"by", UserRef(d.withdrawn_by.value_or(0), v)},
                 {"reason", d.withdrawn_reason}};
  return json{{"id", d.id},
              {"version", d.stamp.version},
              {"kind", domain::Name(d.kind)},
              {"title", d.title},
              {"status", domain::Name(d.status)},
              {"withdrawn", withdrawn},
              {"created_at", FormatTime(d.stamp.created_at)},
              {"updated_at", FormatTime(d.stamp.updated_at)},
              {"versions", versions}};
}

// The version's fields at the top level of `r`, the file as base64.
Result<service::NewVersion> VersionFromJson(const ObjectReader& r) {
  service::NewVersion v;
  ASSIGN_OR_RETURN(v.filename, r.RequiredString("filename"));
  ASSIGN_OR_RETURN(std::string b64, r.RequiredString("content_base64"));
  auto bytes = DecodeBase64(b64);
  if (!bytes) return Status::InvalidArgument("content_base64 must be standard base64 (RFC 4648)", "content_base64");
  v.bytes = std::move(*bytes);
  ASSIGN_OR_RETURN(v.language, r.RequiredString("language"));
  ASSIGN_OR_RETURN(v.countries, r.StringList("countries"));
  if (r.Has("organisations") && !r.IsNull("organisations")) {
    const json& list = r.At("organisations");
    if (!list.is_array()) return Status::InvalidArgument("organisations must be a list of ids", "organisations");
    for (size_t i = 0; i < list.size(); ++i) {
      if (!list[i].is_number_integer() || list[i].get<int64_t>() < 1)
        return Status::InvalidArgument("organisations must be a list of ids",
                                       "organisations[" + std::to_string(i) + "]");
      v.organisations.push_back(list[i].get<int64_t>());
    }
  }
  ASSIGN_OR_RETURN(v.effective_date, r.RequiredString("effective_date"));
  ASSIGN_OR_RETURN(v.summary, r.String("summary"));
  return v;
}

Result<domain::LibraryQuery> QueryFromRequest(const Request& req) {
  RETURN_IF_ERROR(OnlyQueryKeys(req, {"kind", "country", "language", "q", "withdrawn"}));
  auto get = [&](const char* key) -> std::string {
    auto it = req.query.find(key);
    return it == req.query.end() ? "" : it->second;
  };
  domain::LibraryQuery q;
  if (std::string v = get("kind"); !v.empty()) {
    q.kind = domain::ParseDocumentKind(v);
    if (!q.kind)
      return Status::InvalidArgument("kind must be mou, sop, handbook, rights_notice, form or other", "kind");
  }
  if (std::string v = get("withdrawn"); !v.empty()) {
    if (v != "include" && v != "exclude")
      return Status::InvalidArgument("withdrawn must be include or exclude", "withdrawn");
    q.include_withdrawn = v == "include";
  }
  q.country = get("country");
  q.language = get("language");
  q.text = get("q");
  return q;
}

Response DocumentResult(int status, const Result<service::DocumentView>& v) {
  if (!v.ok()) return ErrorResponse(v.status());
  return Json(status, DocumentToJson(*v));
}

std::string PercentEncodeUtf8(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string AttachmentDisposition(const std::string& filename, const std::string& extension) {
  std::string ascii;
  for (unsigned char c : filename) {
    const bool plain = std::isalnum(c) || c == '.' || c == '-' || c == '_';
    if (plain) ascii += static_cast<char>(c);
    else if (!ascii.empty() && ascii.back() != '_') ascii += '_';
  }
  // A name written only in other scripts still downloads with its extension.
  const std::string stem = ascii.substr(0, ascii.rfind('.'));
  if (std::none_of(stem.begin(), stem.end(), [](unsigned char c) { return std::isalnum(c); }))
    ascii = "document." + extension;
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + PercentEncodeUtf8(filename);
}

void AddLibraryRoutes(Router& router, service::App& app, const AuthWrap& auth) {
  service::LibraryService& lib = app.library();

  router.Add("GET", "/api/v1/library", auth([&lib](Request& req, const Params&, const service::Actor& a) {
    auto q = QueryFromRequest(req);
    if (!q.ok()) return ErrorResponse(q.status());
    auto list = lib.List(a, *q);
    if (!list.ok()) return ErrorResponse(list.status());
    json items = json::array();
    for (const auto& v : *list) items.push_back(DocumentToJson(v));
    return Json(200, {{"items", items}, {"can_publish", lib.MayPublish(a)}});
  }));
  router.Add("POST", "/api/v1/library", auth([&lib](Request& req, const Params&, const service::Actor& a) {
    auto body = ParseJsonObject(req);
    if (!body.ok()) return ErrorResponse(body.status());
    ObjectReader r(*body, "");
    if (Status s = r.OnlyKeys({"kind", "title", "filename", "content_base64", "language", "countries",
                                          "organisations", "effective_date", "summary"}); !s.ok()) return ErrorResponse(s);
    service::NewDocument in;
    auto kind = r.RequiredString("kind");
    if (!kind.ok()) return ErrorResponse(kind.status());
    auto parsed = domain::ParseDocumentKind(*kind);
    if (!parsed)
      return ErrorResponse(
          Status::InvalidArgument("kind must be mou, sop, handbook, rights_notice, form or other", "kind"));
    in.kind = *parsed;
    auto title = r.RequiredString("title");
    if (!title.ok()) return ErrorResponse(title.status());
    in.title = *title;
    auto first = VersionFromJson(r);
    if (!first.ok()) return ErrorResponse(first.status());
    in.first = std::move(*first);
    auto created = lib.Publish(a, in);
    Response res = DocumentResult(201, created);
    if (created.ok()) res.Set("Location", "/api/v1/library/" + std::to_string(created->entry.document.id));
    return res;
  }));
  router.Add("GET", "/api/v1/library/{id}", auth([&lib](Request& req, const Params& p, const service::Actor& a) {
    if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("document not found"));
    return DocumentResult(200, lib.Get(a, *id));
  }));
  router.Add("POST", "/api/v1/library/{id}/versions", auth([&lib](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("document not found"));
    return WithVersionedBody(req,
                             {"version", "filename", "content_base64", "language", "countries", "organisations",
                              "effective_date", "summary"},
                             [&](const ObjectReader& r, int64_t version) {
                               auto in = VersionFromJson(r);
                               if (!in.ok()) return ErrorResponse(in.status());
                               return DocumentResult(201, lib.AddVersion(a, *id, version, *in));
                             });
  }));
  router.Add("POST", "/api/v1/library/{id}/withdraw", auth([&lib](Request& req, const Params& p, const service::Actor& a) {
    auto id = IdParam(p, "id");
    if (!id.ok()) return ErrorResponse(Status::NotFound("document not found"));
    return WithVersionedBody(req, {"version", "reason"}, [&](const ObjectReader& r, int64_t version) {
      auto reason = r.RequiredString("reason");
      if (!reason.ok()) return ErrorResponse(reason.status());
      return DocumentResult(200, lib.Withdraw(a, *id, version, *reason));
    });
  }));
  router.Add("GET", "/api/v1/library/{id}/versions/{vid}/file",
             auth([&lib](Request& req, const Params& p, const service::Actor& a) {
               if (Status s = OnlyQueryKeys(req, {}); !s.ok()) return ErrorResponse(s);
               auto id = IdParam(p, "id");
               auto vid = IdParam(p, "vid");
               if (!id.ok() || !vid.ok()) return ErrorResponse(Status::NotFound("version not found"));
               auto file = lib.Download(a, *id, *vid);
               if (!file.ok()) return ErrorResponse(file.status());
               const std::string& name = file->version.filename;
               const size_t dot = name.rfind('.');
               Response res;
               res.Set("Content-Type", file->version.content_type);
               res.Set("Content-Disposition",
                       AttachmentDisposition(name, dot == std::string::npos ? "" : name.substr(dot + 1)));
               res.body = std::move(file->bytes);
               return res;
             }));
}

}  // namespace trm::http
