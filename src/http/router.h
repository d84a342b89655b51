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
  void Add(std::string method, std::string pattern, RouteHandler handler);

  enum class Match { kFound, kNoPath, kWrongMethod };
  // Finds the route for the request; fills `params` and `handler` when found.
  // On kWrongMethod, `allowed` lists the methods the path accepts ("GET, PATCH").
  Match Find(const Request& req, Params* params, const RouteHandler** handler,
             std::string* allowed = nullptr) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> parts;
    RouteHandler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace trm::http
