// UTF-8 decoding and encoding for the matching engine's text layer.
//
// Input names arrive as UTF-8 bytes from CSV files and the API; invalid bytes
// are an input error, never silently replaced, so that a mis-encoded file is
// reported rather than matched as garbage.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"

namespace trm::match {

// Decodes UTF-8 into code points.
// Returns InvalidArgument (with the byte offset) on malformed or overlong
// sequences, surrogates and code points above U+10FFFF.
Result<std::u32string> DecodeUtf8(std::string_view bytes);

// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// Appends the UTF-8 encoding of `cp` to `out`. REQUIRES: cp is a scalar value.
void AppendUtf8(char32_t cp, std::string* out);

std::string EncodeUtf8(std::u32string_view text);

// True when every byte is below 0x80.
bool IsAscii(std::string_view bytes);

}  // namespace trm::match
