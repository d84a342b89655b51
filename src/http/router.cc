#include "http/router.h"

namespace trm::http {
namespace {

std::vector<std::string> Split(const std::string& path) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    if (end > pos) out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, RouteHandler handler,
                 bool runs_inline) {
  routes_.push_back(Route{std::move(method), Split(pattern), std::move(handler), runs_inline});
}

const Router::Route* Router::Lookup(const std::string& method, const std::string& path,
                                    Params* params, bool* path_matched,
                                    std::string* allowed) const {
  const std::vector<std::string> parts = Split(path);
  for (const Route& r : routes_) {
    if (r.parts.size() != parts.size()) continue;
    Params p;
    bool ok = true;
    for (size_t i = 0; ok && i < parts.size(); ++i) {
      const std::string& want = r.parts[i];
      if (want.size() > 2 && want.front() == '{' && want.back() == '}')
        p[want.substr(1, want.size() - 2)] = parts[i];
      else
        ok = want == parts[i];
    }
    if (!ok) continue;
    *path_matched = true;
    if (r.method != method) {
      if (allowed) *allowed += (allowed->empty() ? "" : ", ") + r.method;
      continue;
    }
    if (params) *params = std::move(p);
    return &r;
  }
  return nullptr;
}

Router::Match Router::Find(const Request& req, Params* params, const RouteHandler** handler,
                           std::string* allowed) const {
  bool path_matched = false;
  const Route* r = Lookup(req.method, req.path, params, &path_matched, allowed);
  if (r == nullptr) return path_matched ? Match::kWrongMethod : Match::kNoPath;
  *handler = &r->handler;
  return Match::kFound;
}

bool Router::RunsInline(const std::string& method, const std::string& path) const {
  bool path_matched = false;
  const Route* r = Lookup(method, path, nullptr, &path_matched, nullptr);
  return r != nullptr && r->runs_inline;
}

}  // namespace trm::http
