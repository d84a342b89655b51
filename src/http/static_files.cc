#include "http/static_files.h"

#include <fstream>
#include <sstream>

#include "http/errors.h"

namespace trm::http {
namespace {

std::string ContentType(const std::string& path) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

}  // namespace

Response StaticFiles::Serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD")
    return ErrorResponse(405, "invalid_argument", "method not allowed");
  std::string path = req.path;
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
      path.find('\\') != std::string::npos)
    return ErrorResponse(404, "not_found", "not found");
  if (path.empty() || path.back() == '/') path += "index.html";
  Response r;
  std::string last = path.substr(path.rfind('/') + 1);
  if (!ReadFile(root_ + path, &r.body)) {
    if (last.find('.') != std::string::npos) return ErrorResponse(404, "not_found", "not found");
    path = "/index.html";
    if (!ReadFile(root_ + path, &r.body))
      return ErrorResponse(404, "not_found", "the web app is not built (run make run)");
  }
  r.Set("Content-Type", ContentType(path));
  // Built assets carry a content hash in their names; index.html must not be cached.
  r.Set("Cache-Control", path.find("/assets/") == 0 ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  if (req.method == "HEAD") r.body.clear();
  return r;
}

}  // namespace trm::http
