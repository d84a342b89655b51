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

void Router::Add(std::string method, std::string pattern, RouteHandler handler) {
  routes_.push_back(Route{std::move(method), Split(pattern), std::move(handler)});
}

Router::Match Router::Find(const Request& req, Params* params, const RouteHandler** handler,
                           std::string* allowed) const {
  const std::vector<std::string> parts = Split(req.path);
  bool path_matched = false;
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
    path_matched = true;
    if (r.method != req.method) {
      if (allowed) *allowed += (allowed->empty() ? "" : ", ") + r.method;
      continue;
    }
    *params = std::move(p);
    *handler = &r.handler;
    return Match::kFound;
  }
  return path_matched ? Match::kWrongMethod : Match::kNoPath;
}

}  // namespace trm::http
