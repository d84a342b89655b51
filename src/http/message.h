// Our own HTTP request and response, so that only server.cc sees Beast and the
// rest of the layer builds fast and tests without sockets.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace trm::http {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query as received
  std::string path;    // percent-decoded path without the query
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string remote_ip;

  // The header's value, or "" when absent. `name` in lower case.
  const std::string& Header(const std::string& name) const;
  // The value of cookie `name`, or "".
  std::string Cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the server holds the answer until this reports a status
  // (through the callback it is given, from any thread): ok sends it, an
  // error is sent instead. A read's answer waits so for its audit row, while
  // the server's threads go on serving others.
  std::function<void(std::function<void(const Status&)>)> send_when;

  void Set(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// Splits "a=1&b=x%20y" into decoded pairs. Returns false on bad escapes or
// invalid UTF-8 in a decoded value.
bool ParseQuery(const std::string& query, std::map<std::string, std::string>* out);
// Percent-decodes `in`; false on a bad escape.
bool PercentDecode(const std::string& in, std::string* out, bool plus_is_space);

}  // namespace trm::http
