// Routes "METHOD /path/{param}" patterns to handlers. Registering a route
// touches one table (api.cc).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/message.h"

namespace trm::http {

using Params = std::map<std::string, std::string>;
using RouteHandler = std::function<Response(Request&, const Params&)>;

class Router {
 public:
  // `runs_inline`: the handler never waits for the writer (see
  // Handler::runs_inline in server.h).
  void Add(std::string method, std::string pattern, RouteHandler handler,
           bool runs_inline = false);

  enum class Match { kFound, kNoPath, kWrongMethod };
  // Finds the route for the request; fills `params` and `handler` when found.
  // On kWrongMethod, `allowed` lists the methods the path accepts ("GET, PATCH").
  Match Find(const Request& req, Params* params, const RouteHandler** handler,
             std::string* allowed = nullptr) const;
  // Whether the route for this method and (decoded) path was added to run
  // inline; false when there is none.
  bool RunsInline(const std::string& method, const std::string& path) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> parts;
    RouteHandler handler;
    bool runs_inline = false;
  };
  const Route* Lookup(const std::string& method, const std::string& path, Params* params,
                      bool* path_matched, std::string* allowed) const;
  std::vector<Route> routes_;
};

}  // namespace trm::http
