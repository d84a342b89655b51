// Standard base64 (RFC 4648, "+/" and "=" padding), strict: the library's
// uploads travel as base64 text inside a JSON body.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace trm::http {

// The bytes `text` encodes; nullopt for anything but canonical base64 (a
// length that is a multiple of 4, padding only at the end, no spaces or line
// breaks, unused bits zero).
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace trm::http
