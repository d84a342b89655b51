// Serves the built web app (web/dist) read-only. Paths that leave the folder
// are refused; unknown paths without an extension get index.html (the app
// routes itself).
#pragma once

#include <string>

#include "http/message.h"

namespace trm::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  bool enabled() const { return !root_.empty(); }
  Response Serve(const Request& req) const;

 private:
  std::string root_;
};

}  // namespace trm::http
