#include "http/json_body.h"

#include <cctype>

#include "domain/validation.h"

namespace trm::http {

Result<json> ParseJsonObject(const Request& req) {
  // The media type exactly, parameters (charset) allowed after ';'.
  std::string type = req.Header("content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type != "application/json")
    return Status::InvalidArgument("send the body as JSON (Content-Type: application/json)");
  if (!domain::IsValidUtf8(req.body))
    return Status::InvalidArgument("the body is not valid UTF-8");
  json j = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("the body is not well-formed JSON");
  if (!j.is_object()) return Status::InvalidArgument("the body must be a JSON object");
  return j;
}

Status ObjectReader::OnlyKeys(std::initializer_list<const char*> known) const {
  for (const auto& [key, value] : obj_.items()) {
    bool ok = false;
    for (const char* k : known) ok = ok || key == k;
    if (!ok) {
      std::string path = prefix_.empty() ? key : prefix_ + "." + key;
      return Status::InvalidArgument("unknown field '" + key + "'", path);
    }
  }
  return Status::Ok();
}

Result<std::string> ObjectReader::String(const char* key, std::string fallback) const {
  if (!Has(key)) return fallback;
  const json& v = At(key);
  if (!v.is_string()) return Status::InvalidArgument(Path(key) + " must be a string", Path(key));
  return v.get<std::string>();
}

Result<std::string> ObjectReader::RequiredString(const char* key) const {
  if (!Has(key) || At(key).is_null())
    return Status::InvalidArgument(Path(key) + " is required", Path(key));
  return String(key);
}

Result<std::optional<std::string>> ObjectReader::OptString(const char* key) const {
  if (!Has(key) || At(key).is_null()) return std::optional<std::string>();
  ASSIGN_OR_RETURN(std::string s, String(key));
  return std::optional<std::string>(std::move(s));
}

Result<std::optional<int64_t>> ObjectReader::OptInt(const char* key) const {
  if (!Has(key) || At(key).is_null()) return std::optional<int64_t>();
  const json& v = At(key);
  if (!v.is_number_integer())
    return Status::InvalidArgument(Path(key) + " must be a whole number", Path(key));
  if (v.is_number_unsigned() && v.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
    return Status::InvalidArgument(Path(key) + " is too large", Path(key));
  return std::optional<int64_t>(v.get<int64_t>());
}

Result<int64_t> ObjectReader::RequiredInt(const char* key) const {
  ASSIGN_OR_RETURN(auto v, OptInt(key));
  if (!v) return Status::InvalidArgument(Path(key) + " is required", Path(key));
  return *v;
}

Result<bool> ObjectReader::Bool(const char* key, bool fallback) const {
  if (!Has(key) || At(key).is_null()) return fallback;
  if (!At(key).is_boolean())
    return Status::InvalidArgument(Path(key) + " must be true or false", Path(key));
  return At(key).get<bool>();
}

Result<std::vector<std::string>> ObjectReader::StringList(const char* key) const {
  std::vector<std::string> out;
  if (!Has(key) || At(key).is_null()) return out;
  const json& v = At(key);
  if (!v.is_array())
    return Status::InvalidArgument(Path(key) + " must be a list of strings", Path(key));
  for (const json& item : v) {
    if (!item.is_string())
      return Status::InvalidArgument(Path(key) + " must be a list of strings", Path(key));
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace trm::http
