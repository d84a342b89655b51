// Strict reading of JSON request bodies: the body must be a JSON object in
// valid UTF-8, every key must be known, and every value must have its type.
// Each failure is an InvalidArgument naming the field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/status.h"
#include "http/message.h"

namespace trm::http {

using nlohmann::json;

// Parses the request body. Requires Content-Type application/json.
Result<json> ParseJsonObject(const Request& req);

// Reads the members of one JSON object, named with `prefix` in errors.
class ObjectReader {
 public:
  // REQUIRES: obj outlives the reader.
  ObjectReader(const json& obj, std::string prefix) : obj_(obj), prefix_(std::move(prefix)) {}

  // Fails when the object has a key not in `known`.
  Status OnlyKeys(std::initializer_list<const char*> known) const;

  bool Has(const char* key) const { return obj_.contains(key); }
  bool IsNull(const char* key) const { return Has(key) && obj_.at(key).is_null(); }
  const json& At(const char* key) const { return obj_.at(key); }
  std::string Path(const char* key) const { return prefix_.empty() ? key : prefix_ + "." + key; }

  // Absent -> `fallback`; present but not a string -> error.
  Result<std::string> String(const char* key, std::string fallback = "") const;
  Result<std::string> RequiredString(const char* key) const;
  // Absent or null -> nullopt.
  Result<std::optional<std::string>> OptString(const char* key) const;
  Result<std::optional<int64_t>> OptInt(const char* key) const;
  Result<int64_t> RequiredInt(const char* key) const;
  Result<std::vector<std::string>> StringList(const char* key) const;
  // Absent or null -> `fallback`; present but not true/false -> error.
  Result<bool> Bool(const char* key, bool fallback = false) const;

 private:
  const json& obj_;
  std::string prefix_;
};

}  // namespace trm::http
